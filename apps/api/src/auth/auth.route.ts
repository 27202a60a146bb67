import { createRoute } from '@hono/zod-openapi';
import { LoginRequest, Me, SessionState } from '@hailong/contracts';
import type { AuthService } from './auth.service.ts';
import { SESSION_TTL_MS } from './auth.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import {
  clearSessionCookie,
  requireSession,
  sessionToken,
  setSessionCookie,
} from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the HttpOnly session cookie',
  request: { body: jsonBody(LoginRequest) },
  responses: {
    200: json(Me, 'Signed in'),
    ...commonErrors,
    401: errorResponse('invalid_credentials'),
    403: errorResponse('Cross-site request'),
    429: errorResponse('Too many failed attempts'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End the current session',
  security: SESSION_SECURITY,
  responses: { 204: { description: 'Signed out' }, 403: errorResponse('Cross-site request') },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  responses: { 200: json(Me, 'Signed in'), ...sessionErrors },
});

const session = createRoute({
  method: 'get',
  path: '/auth/session',
  tags: ['auth'],
  summary:
    'Who is signed in, or null: what a page asks on the way in, so a signed-out visitor meets no 401',
  responses: { 200: json(SessionState, 'The session, or null') },
});

export function authRoutes(auth: AuthService) {
  return newRouter()
    .openapi(login, async (c) => {
      const { token, me } = await auth.login(c.req.valid('json'), c.get('clientAddress'));
      setSessionCookie(c, token, SESSION_TTL_MS);
      return c.json(me, 200);
    })
    .openapi(logout, async (c) => {
      const token = sessionToken(c);
      if (token) await auth.logout(token);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(me, async (c) => {
      const signedIn = c.get('auth');
      return c.json(await auth.describe(signedIn.user, signedIn.session), 200);
    })
    .openapi(session, async (c) => {
      const signedIn = c.get('auth');
      const me = signedIn ? await auth.describe(signedIn.user, signedIn.session) : null;
      return c.json({ me }, 200);
    });
}
