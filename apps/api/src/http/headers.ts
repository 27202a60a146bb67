import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './router.ts';

/** Hono's default for the header; sent only where it means something. */
const HSTS = 'max-age=15552000; includeSubDomains';

/**
 * HSTS only on answers that travelled over HTTPS (directly or from a trusted proxy): over plain
 * HTTP browsers ignore it, and a server reached by IP on the LAN must not claim a name it lacks.
 */
export function strictTransportSecurity(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.get('https')) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}

/**
 * API answers carry citizens' items, contact data and accounts: no cache (browser, proxy, shared
 * tablet) may keep them, unless a route chose its own policy, as the public statistics do.
 */
export function noStoreByDefault(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}
