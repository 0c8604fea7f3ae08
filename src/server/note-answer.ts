import type { Context } from 'hono';
import type { Answer } from '../types';
import type { AppEnv } from './app-env';

/** Records the answer's mode and groundedness for the request's log line. */
export function noteAnswer(c: Context<AppEnv>, answer: Answer): void {
  const log = c.get('log');
  log.mode = answer.mode;
  log.grounded = answer.grounded;
}
