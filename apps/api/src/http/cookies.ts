import { serialize } from 'hono/utils/cookie';
import { SESSION_COOKIE } from './request-context';

/** The web session cookie: httpOnly, SameSite=Lax (no cross-site POST carries it), Secure in production. */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: 0 });
}
