/**
 * The provincial system's pull routes: a valid, unrevoked pull token is required, and a revocation
 * takes effect on the next request (the token is looked up every time, never cached). A wrong or
 * revoked token is 401 `unauthenticated`, like a revoked tablet.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { errorBody } from '../http/errors.ts';
import type { AppEnv } from '../http/router.ts';
import type { PullTokenRow } from './pull-tokens.repository.ts';
import type { PullTokensService } from './pull-tokens.service.ts';

export interface PullEnv {
  Variables: { pullToken: PullTokenRow };
}

/** The paths a bearer token may be sent to besides the tablets' (http/credentials.ts). */
export const PULL_PATHS = /^\/api\/v1\/pull\//;

export function requirePullToken(tokens: PullTokensService) {
  return createMiddleware<PullEnv>(async (c, next) => {
    const bearer = (c as unknown as Context<AppEnv>).get('bearer');
    const token = bearer ? await tokens.authenticate(bearer) : undefined;
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json(errorBody('unauthenticated', 'Mã kết nối không đúng hoặc đã bị thu hồi.'), 401);
    }
    c.set('pullToken', token);
    await next();
  });
}
