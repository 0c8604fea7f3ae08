import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { TrustProxy } from '../../config';
import type { AppEnv } from '../app-env';
import { createClientAddress } from '../client-address';
import { errorBody } from '../handle-error';
import { nodeBindings } from '../node-bindings';

/**
 * At most `perMinute` requests per client per minute (fixed one-minute window, in memory).
 * Over the limit: 429 rate_limited with `Retry-After` (seconds) and the RateLimit-* headers.
 * The client is the socket's address, or with QA_TRUST_PROXY the address the trusted proxies
 * report in X-Forwarded-For (see createClientAddress); otherwise that header is ignored.
 */
export function rateLimit(perMinute: number, trustProxy: TrustProxy | null = null): MiddlewareHandler<AppEnv> {
  const clientAddress = createClientAddress(trustProxy);
  const keyOf = (c: Context<AppEnv>): string => {
    const peer = nodeBindings(c)?.incoming.socket.remoteAddress;
    // No socket: the app is driven in-process (app.request() in tests).
    if (peer === undefined) return 'in-process';
    return clientAddress(peer, trustProxy ? c.req.header('x-forwarded-for') : undefined);
  };
  return rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: keyOf,
    skip: (c) => c.req.method === 'OPTIONS',
    handler: (c) => {
      const log = c.get('log');
      if (log) log.errorCode = 'rate_limited';
      return c.json(errorBody('rate_limited'), 429);
    },
  });
}
