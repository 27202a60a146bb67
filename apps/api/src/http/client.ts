import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './router.ts';
import { clientAddress, forwardedHttps, type ProxyTrust } from './forwarded.ts';

/**
 * Who is calling and over what, for every request. Forwarded headers are believed only as far as
 * the operator's proxy configuration allows (see forwarded.ts); otherwise anyone could pick their
 * own address, or claim HTTPS.
 */
export function clientInfo(trust: ProxyTrust): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const peer = peerAddress(c);
    c.set('clientAddress', clientAddress(trust, peer, c.req.header('x-forwarded-for')));
    c.set(
      'https',
      new URL(c.req.url).protocol === 'https:' ||
        forwardedHttps(trust, peer, c.req.header('x-forwarded-proto')),
    );
    await next();
  };
}

function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // in-process requests (tests) have no socket
  }
}
