import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../app-env';
import { errorBody } from '../handle-error';

/**
 * At most `perMinute` requests per client per minute (fixed one-minute window, in memory).
 * Over the limit: 429 rate_limited with `Retry-After` (seconds) and the RateLimit-* headers.
 * The client is the socket's address: forwarded headers are not trusted, since any client can set them.
 */
export function rateLimit(perMinute: number): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: clientAddress,
    skip: (c) => c.req.method === 'OPTIONS',
    handler: (c) => {
      const log = c.get('log');
      if (log) log.errorCode = 'rate_limited';
      return c.json(errorBody('rate_limited'), 429);
    },
  });
}

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket: the app is driven in-process (app.request() in tests).
    return 'in-process';
  }
}
