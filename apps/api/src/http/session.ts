import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role } from '@hailong/domain';
import type { AuthService, SignedIn } from '../auth/auth.service.ts';
import { errorBody } from './errors.ts';
import type { AppEnv } from './router.ts';

/**
 * The session cookie's name. Over HTTPS it is sent as `__Host-hl_session`: browsers accept that name
 * only when Secure, for Path=/ and without Domain, so neither a plain-HTTP page nor a sibling host
 * can plant or overwrite it (and only that name is read there). Over plain HTTP — the console on
 * localhost — the bare name is used, since browsers would refuse the prefixed one.
 */
export const SESSION_COOKIE = 'hl_session';

const prefix = (c: Context<AppEnv>) => (c.get('https') ? 'host' : undefined);

/** Resolves the session cookie, if any, to the signed-in user. */
export function loadSession(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    c.set('auth', token ? ((await auth.authenticate(token)) ?? null) : null);
    await next();
  };
}

/** What a route behind requireSession reads: `c.var.auth` is the signed-in user, never null. */
export interface SignedInEnv {
  Variables: { auth: SignedIn };
}

/** Lets the request through only with a session, and only for the given roles when any are named. */
export function requireSession(...roles: Role[]) {
  return createMiddleware<SignedInEnv>(async (c, next) => {
    const signedIn = (c as unknown as Context<AppEnv>).get('auth');
    if (!signedIn) {
      return c.json(errorBody('unauthenticated', 'Vui lòng đăng nhập.'), 401);
    }
    if (roles.length > 0 && !roles.includes(signedIn.user.role)) {
      return c.json(errorBody('forbidden', 'Bạn không có quyền thực hiện thao tác này.'), 403);
    }
    c.set('auth', signedIn);
    await next();
  });
}

export function setSessionCookie(c: Context<AppEnv>, token: string, maxAgeMs: number) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.get('https'),
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
    prefix: prefix(c),
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    secure: c.get('https'),
    httpOnly: true,
    sameSite: 'Strict',
    prefix: prefix(c),
  });
}

export function sessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE, prefix(c));
}
