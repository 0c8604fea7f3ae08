import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../../logger';
import type { AppEnv, RequestLogFields } from '../app-env';
import { nodeBindings, setResponseHeader } from '../node-bindings';

/**
 * Gives every request an id (`X-Request-Id` header) and writes one JSON log line when it ends:
 * id, method, route, status, latency, answer mode and groundedness, error code. On Node the line is
 * written when the response has gone out or the client left (then `errorCode: client_closed`, and
 * status 499 when no status was sent), with the status actually sent. The question text is logged
 * only when `questions` is on (QA_LOG_QUESTIONS), since questions may be personal.
 */
export function requestLog(logger: Logger, options: { questions: boolean }): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now();
    const requestId = randomUUID();
    const log: RequestLogFields = {};
    c.set('requestId', requestId);
    c.set('log', log);
    setResponseHeader(c, 'X-Request-Id', requestId);
    const write = (status: number) => {
      const { streamDone, question, ...fields } = log;
      logger.info('request', { requestId, method: c.req.method, route: routeOf(c), status, ms: Math.round(performance.now() - started),
        ...fields, ...(options.questions && question !== undefined ? { question } : {}) });
    };
    const node = nodeBindings(c);
    if (node) {
      const { outgoing } = node;
      outgoing.once('close', () => {
        if (!outgoing.writableFinished) log.errorCode ??= 'client_closed';
        write(outgoing.headersSent ? outgoing.statusCode : 499);
      });
      await next();
      return;
    }
    await next();
    // In-process: a stream's line waits for its end so latency, mode and groundedness are known.
    if (log.streamDone) void log.streamDone.finally(() => write(c.res.status));
    else write(c.res.status);
  };
}

/** The matched route pattern; unmatched requests only match wildcard middleware, so their path instead. */
function routeOf(c: Context): string {
  const matched = routePath(c, -1);
  return matched && !matched.includes('*') ? matched : c.req.path.slice(0, 200);
}
