import { createHmac, createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

/** Cookie set by the /admin login form (HttpOnly, SameSite=Strict); holds a keyed digest, never the token. */
export const ADMIN_COOKIE = 'qa_admin';

/** What a valid session cookie holds for `token`. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('report-qa admin session v1').digest('base64url');
}

/** Compares in constant time (both sides hashed first, so lengths never leak either). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Whether the request carries the admin token: `Authorization: Bearer <token>`, or the session
 * cookie the login form set. Every comparison is constant-time.
 */
export function isAdmin(c: Context, token: string): boolean {
  const header = c.req.header('authorization') ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header.trim())?.[1];
  if (bearer !== undefined) return sameSecret(bearer, token);
  const cookie = getCookie(c, ADMIN_COOKIE);
  return cookie !== undefined && sameSecret(cookie, sessionValue(token));
}
