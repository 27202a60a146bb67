/**
 * Revalidation for what other sites embed: every answer carries a weak ETag of what it shows (weak:
 * the same figures compressed or not are the same answer) and the shared-cache policy, and a
 * request that already holds it gets 304 without a body. The answers hold aggregate figures only,
 * the same for everyone, so any site may read them (`Access-Control-Allow-Origin: *`, never with
 * credentials), and no cookie is ever set on them.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** Like the public statistics: shared caches may keep them for 5 minutes. */
export const WIDGET_CACHE_CONTROL = 'public, max-age=300';
/** The script and the emblem change with a release or an admin's upload (its URL is versioned). */
export const WIDGET_ASSET_CACHE_CONTROL = 'public, max-age=86400';

export const weakEtag = (...parts: readonly string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return `W/"${hash.digest('base64url').slice(0, 22)}"`;
};

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function holds(c: Context, etag: string): boolean {
  const asked = c.req.header('if-none-match');
  if (!asked) return false;
  if (asked.trim() === '*') return true;
  return asked.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Sets the caching and sharing headers; answers 304 when the caller already holds `etag`,
 * otherwise undefined (the caller sends the body).
 */
export function revalidate(c: Context, etag: string, cacheControl: string): Response | undefined {
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  c.header('Access-Control-Allow-Origin', '*');
  return holds(c, etag) ? c.body(null, 304) : undefined;
}
