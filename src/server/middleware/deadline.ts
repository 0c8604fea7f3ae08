import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';

/**
 * Gives handlers `c.var.signal`, which aborts when the request has run `timeoutMs`
 * (reason: a TimeoutError, answered 503 timeout) or when the client disconnects.
 */
export function deadline(timeoutMs: number): MiddlewareHandler<AppEnv> {
  return async function deadline(c, next) {
    c.set('signal', AbortSignal.any([AbortSignal.timeout(timeoutMs), c.req.raw.signal]));
    await next();
  };
}
