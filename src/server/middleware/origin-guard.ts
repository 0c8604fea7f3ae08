import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../app-env';
import { errorBody } from '../handle-error';

/**
 * CORS with an allow-list. A request carrying an `Origin` that is neither listed nor the
 * service's own origin gets 403 origin_not_allowed (preflights too); allowed origins get the
 * CORS headers, and a preflight for a JSON POST succeeds. Requests without `Origin` (curl,
 * servers) pass: the list protects browsers, it is not authentication. `'*'` allows any origin.
 */
export function originGuard(allowedOrigins: readonly string[] | '*'): MiddlewareHandler<AppEnv> {
  const allowed = allowedOrigins === '*' ? '*' : new Set(allowedOrigins.map((o) => o.replace(/\/+$/, '')));
  const isAllowed = (origin: string, selfOrigin: string) => allowed === '*' || allowed.has(origin) || origin === selfOrigin;
  const corsHeaders = cors({
    origin: (origin, c) => (allowed === '*' ? '*' : isAllowed(origin, new URL(c.req.url).origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  return async function originGuard(c, next) {
    const origin = c.req.header('origin');
    if (origin !== undefined && !isAllowed(origin, new URL(c.req.url).origin)) {
      const log = c.get('log');
      if (log) log.errorCode = 'origin_not_allowed';
      return c.json(errorBody('origin_not_allowed'), 403);
    }
    return corsHeaders(c, next);
  };
}
