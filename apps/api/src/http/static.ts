import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env, Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/**
 * Serves a built single-page app under `prefix`. Hashed assets are immutable; the HTML shell and
 * the service worker must be revalidated on every load, or a kiosk would never see an update.
 * Any other path under the prefix that is not a file gets the shell, so client-side routes reload.
 */
export function serveSpa<E extends Env>(app: Hono<E>, prefix: '/' | `/${string}/`, dir: string) {
  if (!existsSync(join(dir, 'index.html'))) return false;
  const shell = readFileSync(join(dir, 'index.html'), 'utf8');
  const pattern = `${prefix}*`;
  app.get(
    pattern,
    serveStatic({
      root: dir,
      rewriteRequestPath: (path) => (prefix === '/' ? path : path.slice(prefix.length - 1)),
      onFound: (path, c) => {
        const immutable = /[/\\]assets[/\\]/.test(path);
        c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.get(pattern, (c, next) => {
    if (c.req.path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(c.req.path)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(shell);
  });
  return true;
}
