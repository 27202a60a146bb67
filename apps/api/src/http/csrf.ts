import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from './errors.ts';
import type { AppEnv } from './router.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated requests: a state-changing request must come from our own
 * pages. Browsers send `Sec-Fetch-Site` and `Origin` on every such fetch; a request that has neither
 * is refused, because the session cookie alone must never be enough. `Origin` must equal the public
 * origin (PUBLIC_URL: scheme, host and port), or without it the origin the request itself reached
 * (scheme as clientInfo decided, host from `Host`). Requests with a bearer token are exempt: only a
 * well-formed one on a device route gets this far (see credentials.ts), and browsers never attach
 * those by themselves.
 */
export function csrfGuard(publicOrigin: string | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (c.get('bearer') !== undefined) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const expected = publicOrigin ?? ownOrigin(c);
    const sameSite = site === 'same-origin' || site === 'none';
    const sameOrigin =
      origin !== undefined && expected !== undefined && originOf(origin) === expected;
    const allowed =
      site !== undefined ? sameSite && (origin === undefined || sameOrigin) : sameOrigin;
    if (allowed) return next();
    return c.json(
      errorBody('csrf_rejected', 'Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống.'),
      403,
    );
  };
}

function ownOrigin(c: Context<AppEnv>): string | undefined {
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  return originOf(`${c.get('https') ? 'https' : 'http'}://${host}`);
}

/** `scheme://host[:port]` with the default port left out, as browsers send it. */
function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
