import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../../logger';
import type { AppEnv } from '../app-env';

/**
 * Gives every request an id (`X-Request-Id` header) and writes one JSON log line when it ends:
 * id, method, route, status, latency, answer mode and groundedness. The question text is logged
 * only when `questions` is on (QA_LOG_QUESTIONS), since questions may be personal.
 */
export function requestLog(logger: Logger, options: { questions: boolean }): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('log', {});
    c.header('X-Request-Id', requestId);
    await next();
    if (!c.res.headers.has('X-Request-Id')) c.res.headers.set('X-Request-Id', requestId);
    const status = c.res.status;
    // Unmatched requests only match wildcard middleware: log their path instead.
    const matched = routePath(c, -1);
    const route = matched && !matched.includes('*') ? matched : c.req.path;
    const log = c.get('log');
    const write = () => {
      const { streamDone, question, ...fields } = log;
      logger.info('request', { requestId, method: c.req.method, route, status, ms: Math.round(performance.now() - started),
        ...fields, ...(options.questions && question !== undefined ? { question } : {}) });
    };
    // A stream's line waits for its end so latency, mode and groundedness are known.
    if (log.streamDone) void log.streamDone.finally(write);
    else write();
  };
}
