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

/**
 * What other sites may embed — the widget, its script and badge, the agency's emblem: any page may
 * load it (`Cross-Origin-Resource-Policy: cross-origin`), and the widget's own page, for which
 * `framed` says yes, may be framed by any site (`frame-ancestors *`, no X-Frame-Options). Every
 * other header stays, and every other page keeps `frame-ancestors 'none'` and DENY. Registered
 * around the security headers, which are set on the way out.
 */
export function embeddable(framed: (path: string) => boolean = () => false): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    if (!framed(c.req.path)) return;
    c.res.headers.delete('X-Frame-Options');
    const policy = c.res.headers.get('Content-Security-Policy');
    if (policy) {
      c.res.headers.set(
        'Content-Security-Policy',
        policy.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'),
      );
    }
  };
}
