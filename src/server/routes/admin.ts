import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { RecordStore } from '../../store/record-store';
import { ADMIN_COOKIE, isAdmin, sameSecret, sessionValue } from '../admin-auth';
import { ADMIN_HEADERS, adminLoginPage, adminPage } from '../admin-page';
import type { AppEnv } from '../app-env';
import { errorBody } from '../handle-error';
import { readBody } from '../read-body';
import { recordsCsv } from '../records-csv';

const SESSION_SECONDS = 8 * 3600;

/**
 * The owner's view, mounted only when QA_ADMIN_TOKEN is set (otherwise these paths are 404):
 * GET /admin (server-rendered page, no script, strict CSP), POST /admin/login and /admin/logout
 * (a form that sets an HttpOnly SameSite=Strict session cookie), GET /api/admin/records.csv.
 * Each needs `Authorization: Bearer <token>` or the session cookie; otherwise 401 `unauthorized`
 * (the login form for a browser asking for HTML).
 */
export function adminRoutes(options: { store: RecordStore; token: string }): Hono<AppEnv> {
  const { store, token } = options;
  const app = new Hono<AppEnv>();

  const refuse = (c: Context<AppEnv>, failed: boolean) => {
    c.get('log').errorCode = 'unauthorized';
    const headers = { ...ADMIN_HEADERS, 'WWW-Authenticate': 'Bearer realm="report-qa admin"' };
    if ((c.req.header('accept') ?? '').includes('text/html')) return c.html(adminLoginPage(failed), 401, headers);
    return c.json(errorBody('unauthorized'), 401, headers);
  };

  app.get('/admin', (c) => {
    if (!isAdmin(c, token)) return refuse(c, c.req.header('authorization') !== undefined);
    const days = [7, 30, 90].includes(Number(c.req.query('days'))) ? Number(c.req.query('days')) : 30;
    return c.html(adminPage(store.summary({ days })), 200, ADMIN_HEADERS);
  });

  app.post('/admin/login', async (c) => {
    const form = new URLSearchParams(await readBody(c, 4096));
    if (!sameSecret(form.get('token') ?? '', token)) return refuse(c, true);
    setCookie(c, ADMIN_COOKIE, sessionValue(token), { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_SECONDS,
      secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https' });
    return c.redirect('/admin', 303);
  });

  app.post('/admin/logout', (c) => {
    deleteCookie(c, ADMIN_COOKIE, { path: '/' });
    return c.redirect('/admin', 303);
  });

  app.get('/api/admin/records.csv', (c) => {
    if (!isAdmin(c, token)) return refuse(c, c.req.header('authorization') !== undefined);
    const day = new Date().toISOString().slice(0, 10);
    return c.body(recordsCsv(store.exportRows()), 200, {
      'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="report-qa-records-${day}.csv"`,
      'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
