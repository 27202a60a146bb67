import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role } from '@hailong/domain';
import type { AuthService } from '../services/auth.service.ts';
import { errorBody } from './errors.ts';
import type { AppEnv } from './router.ts';

export const SESSION_COOKIE = 'hl_session';

/** Resolves the session cookie, if any, to the signed-in user. */
export function loadSession(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('auth', token ? ((await auth.authenticate(token)) ?? null) : null);
    await next();
  };
}

/** Lets the request through only with a session, and only for the given roles when any are named. */
export function requireSession(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const signedIn = c.get('auth');
    if (!signedIn) {
      return c.json(errorBody('unauthenticated', 'Vui lòng đăng nhập.'), 401);
    }
    if (roles.length > 0 && !roles.includes(signedIn.user.role)) {
      return c.json(errorBody('forbidden', 'Bạn không có quyền thực hiện thao tác này.'), 403);
    }
    await next();
  };
}

export function setSessionCookie(c: Context, token: string, maxAgeMs: number, secure: boolean) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}
