import type { Hono, NotFoundHandler } from 'hono';
import type { AppEnv } from './app-env';
import { errorBody } from './handle-error';

const METHODS = ['GET', 'POST'] as const;

/**
 * What a request no route answers gets: 404 not_found, or for a path some route serves asked with
 * another method 405 method_not_allowed with `Allow` (OPTIONS: 204 with `Allow`). Routes are found in
 * `app`'s router, so routes added later are covered without a list here.
 */
export function notFound(app: Hono<AppEnv>): NotFoundHandler<AppEnv> {
  return (c) => {
    const allow = allowedMethods(app, c.req.path);
    if (allow.length > 0 && c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow.join(', ') });
    const code = allow.length > 0 ? 'method_not_allowed' : 'not_found';
    c.get('log').errorCode = code;
    return c.json(errorBody(code), code === 'not_found' ? 404 : 405, allow.length > 0 ? { Allow: allow.join(', ') } : undefined);
  };
}

/** Methods with a route (not just middleware) for `path`; HEAD and OPTIONS come with them. */
function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  const allow: string[] = [];
  for (const method of METHODS) {
    const [matches] = app.router.match(method, path) as unknown as [[[unknown, { method: string }], unknown][]];
    if (matches.some(([[, route]]) => route.method !== 'ALL')) allow.push(method);
  }
  if (allow.includes('GET')) allow.push('HEAD');
  return allow.length > 0 ? [...allow, 'OPTIONS'] : allow;
}
