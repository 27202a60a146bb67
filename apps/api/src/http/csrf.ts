import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated requests: a state-changing request must come from our own
 * pages. Browsers send `Sec-Fetch-Site` and `Origin` on every such fetch; a request that has neither
 * is refused, because the session cookie alone must never be enough. Requests that carry a bearer
 * token (kiosk devices) are exempt: a browser never attaches those by itself.
 * `Origin` is compared by host with `Host`, so TLS ended at a reverse proxy still matches.
 */
export function csrfGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (/^Bearer\s/i.test(c.req.header('authorization') ?? '')) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const sameSite = site === 'same-origin' || site === 'none';
    const sameOrigin = origin !== undefined && origin !== 'null' && hostOf(origin) === host;
    const allowed =
      site !== undefined ? sameSite && (origin === undefined || sameOrigin) : sameOrigin;
    if (allowed) return next();
    return c.json(
      errorBody('csrf_rejected', 'Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống.'),
      403,
    );
  };
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
