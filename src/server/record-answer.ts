import type { Context } from 'hono';
import type { Logger } from '../logger';
import type { RecordStore } from '../store/record-store';
import type { Answer } from '../types';
import type { AppEnv } from './app-env';

/**
 * Records an answered question for the owner's view (when QA_RECORD=1), after the reply has gone
 * out: a failing or locked database is logged (`record_failed`) and never fails or delays the chat.
 */
export function recordAnswer(c: Context<AppEnv>, options: { store?: RecordStore; logger: Logger; id: string; route: string;
  question: string; answer: Answer; startedAt: number }): void {
  const { store, logger } = options;
  if (!store?.recording) return;
  const record = { id: options.id, question: options.question, answer: options.answer.answer, grounded: options.answer.grounded,
    mode: options.answer.mode, latencyMs: performance.now() - options.startedAt, origin: siteOrigin(c), route: options.route };
  setImmediate(() => {
    try {
      store.addAnswer(record);
    } catch (error) {
      logger.error('record_failed', { requestId: c.get('requestId'), detail: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** The embedding site: the browser's `Origin` header, reduced to scheme://host:port; null for servers and curl. */
export function siteOrigin(c: Context): string | null {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return null;
  try {
    return new URL(origin).origin.slice(0, 200);
  } catch {
    return null;
  }
}
