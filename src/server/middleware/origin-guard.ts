import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { errorBody } from '../handle-error';
import { setResponseHeader } from '../node-bindings';

const ALLOW_METHODS = 'GET,HEAD,POST,OPTIONS';
const EXPOSE_HEADERS = 'X-Request-Id,Retry-After';

/**
 * CORS with an allow-list. A request carrying an `Origin` that is neither listed nor the
 * service's own origin gets 403 origin_not_allowed (preflights too); allowed origins get the
 * CORS headers, and a preflight (OPTIONS) succeeds with 204. Requests without `Origin` (curl,
 * servers) pass untouched: the list protects browsers, it is not authentication. `'*'` allows any
 * origin. Headers are set without touching `c.res` before the handler (see setResponseHeader).
 */
export function originGuard(allowedOrigins: readonly string[] | '*'): MiddlewareHandler<AppEnv> {
  const anyOrigin = allowedOrigins === '*';
  const allowed = new Set(anyOrigin ? [] : allowedOrigins.map((o) => o.replace(/\/+$/, '')));
  return async function originGuard(c, next) {
    const origin = c.req.header('origin');
    if (origin === undefined) {
      if (c.req.method === 'OPTIONS') return preflight(c.req.header('access-control-request-headers'));
      // The reply depends on Origin under an allow-list: shared caches must keep them apart.
      if (!anyOrigin) setResponseHeader(c, 'Vary', 'Origin');
      return next();
    }
    if (!anyOrigin && !allowed.has(origin) && origin !== new URL(c.req.url).origin) {
      c.get('log').errorCode = 'origin_not_allowed';
      return c.json(errorBody('origin_not_allowed'), 403, { Vary: 'Origin' });
    }
    const allowOrigin = anyOrigin ? '*' : origin;
    if (c.req.method === 'OPTIONS') return preflight(c.req.header('access-control-request-headers'), allowOrigin);
    setResponseHeader(c, 'Access-Control-Allow-Origin', allowOrigin);
    setResponseHeader(c, 'Access-Control-Expose-Headers', EXPOSE_HEADERS);
    if (!anyOrigin) setResponseHeader(c, 'Vary', 'Origin');
    return next();
  };
}

function preflight(requestHeaders: string | undefined, allowOrigin?: string): Response {
  const headers: Record<string, string> = { 'Access-Control-Allow-Methods': ALLOW_METHODS, 'Access-Control-Max-Age': '600' };
  if (allowOrigin) headers['Access-Control-Allow-Origin'] = allowOrigin;
  if (allowOrigin && allowOrigin !== '*') headers.Vary = 'Origin, Access-Control-Request-Headers';
  if (requestHeaders) headers['Access-Control-Allow-Headers'] = requestHeaders;
  return new Response(null, { status: 204, headers });
}
