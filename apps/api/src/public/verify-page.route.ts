/**
 * `GET /public/verify`, the verifier page (verify-render.ts), and `GET /public/verify.js`, its
 * script (verify-script.ts). The page is the same for everyone who asks the same address; a unit
 * the tree does not know, a month or rating id of the wrong shape is dropped from the view (the
 * page then offers the choice again) rather than echoed.
 */
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import { isMonth, VERIFY_PAGE_PATH } from '@hailong/domain';
import type { AppEnv } from '../http/router.ts';
import type { PublicPageDeps } from './public-page.route.ts';
import { renderVerifyPage } from './verify-render.ts';
import { VERIFY_SCRIPT_PATH, verifyScript } from './verify-script.ts';
import { holds } from './widget-http.ts';

const RATING_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Changes with the units' names only; the checking happens in the reader's browser. */
const PAGE_CACHE_CONTROL = 'public, max-age=300';
/** Revalidated: a new release changes the script. */
const SCRIPT_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export function verifyPageRoutes(app: Hono<AppEnv>, deps: PublicPageDeps) {
  app.use(VERIFY_PAGE_PATH, compress());
  app.use(VERIFY_SCRIPT_PATH, compress());

  app.get(VERIFY_PAGE_PATH, async (c) => {
    const query = c.req.query();
    const [{ units }, agency] = await Promise.all([deps.answers.choices(), deps.agency.heading()]);
    const unit = units.find((u) => u.id === query.unit) ?? null;
    const month = query.month && isMonth(query.month) ? query.month : null;
    const rating =
      unit && month && query.rating && RATING_ID.test(query.rating) ? query.rating : null;
    c.header('Cache-Control', PAGE_CACHE_CONTROL);
    return c.html(renderVerifyPage({ agency, units, unit, month, rating }));
  });

  app.get(VERIFY_SCRIPT_PATH, async (c) => {
    const { code, etag } = await verifyScript();
    c.header('ETag', etag);
    c.header('Cache-Control', SCRIPT_CACHE_CONTROL);
    if (holds(c, etag)) return c.body(null, 304);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(code);
  });
}
