/**
 * What a unit's own website embeds, outside /api: the widget's page (`<iframe>`, the only page of
 * ours any site may frame: http/headers.ts `embeddable`), the script variant, the SVG badge, and
 * the agency's emblem they show. All public, cacheable by shared caches with an ETag, readable from
 * any origin, compressed; none sets a cookie or asks anything of a third party.
 */
import type { Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../http/router.ts';
import type { AgencyService } from './agency.service.ts';
import { AGENCY_LOGO_PATHS } from './agency.service.ts';
import type { PublicLocale } from './texts.ts';
import { renderBadge } from './widget-badge.ts';
import {
  revalidate,
  weakEtag,
  WIDGET_ASSET_CACHE_CONTROL,
  WIDGET_CACHE_CONTROL,
} from './widget-http.ts';
import { renderWidgetMissing, renderWidgetPage } from './widget-render.ts';
import { WIDGET_SCRIPT, WIDGET_SCRIPT_ETAG, WIDGET_SCRIPT_PATH } from './widget-script.ts';
import type { WidgetFigures, WidgetService } from './widget.service.ts';

/** The widget's page: `frame-ancestors *` applies to this path only. */
export const WIDGET_FRAME_PATH = /^\/public\/widget\/[^/]+$/;

export interface WidgetPageDeps {
  widgets: WidgetService;
  agency: AgencyService;
  /** PUBLIC_URL's origin: the widget's links and emblem point there. */
  publicOrigin: string | undefined;
}

const localeOf = (c: Context): PublicLocale => (c.req.query('lang') === 'en' ? 'en' : 'vi');

/** Where the embedding site reaches us: PUBLIC_URL, else the address this request came to. */
export function originOf(c: Context<AppEnv>, publicOrigin: string | undefined): string {
  if (publicOrigin) return publicOrigin;
  return `${c.get('https') ? 'https' : 'http'}://${new URL(c.req.url).host}`;
}

export function widgetPageRoutes(app: Hono<AppEnv>, deps: WidgetPageDeps) {
  app.use(WIDGET_SCRIPT_PATH, compress());
  app.use('/public/widget/*', compress());

  app.get(WIDGET_SCRIPT_PATH, (c) => {
    const unchanged = revalidate(c, WIDGET_SCRIPT_ETAG, WIDGET_ASSET_CACHE_CONTROL);
    if (unchanged) return unchanged;
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(WIDGET_SCRIPT);
  });

  /** The unit's figures, or undefined (after a 404 was set up) for a unit the tree lacks. */
  const figuresOf = async (c: Context<AppEnv>): Promise<WidgetFigures | undefined> => {
    try {
      return await deps.widgets.figures(c.req.param('unitId')!);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err;
      c.header('Cache-Control', 'no-store');
      c.header('Access-Control-Allow-Origin', '*');
      return undefined;
    }
  };

  app.get('/public/widget/:unitId', async (c) => {
    const locale = localeOf(c);
    const figures = await figuresOf(c);
    if (!figures) return c.html(renderWidgetMissing(locale), 404);
    const origin = originOf(c, deps.publicOrigin);
    const page = String(await renderWidgetPage({ figures, locale, origin }));
    const unchanged = revalidate(c, weakEtag(page), WIDGET_CACHE_CONTROL);
    return unchanged ?? c.html(page);
  });

  app.get('/public/widget/:unitId/badge.svg', async (c) => {
    const figures = await figuresOf(c);
    if (!figures) return c.text('', 404);
    const svg = renderBadge(figures.current, localeOf(c));
    const unchanged = revalidate(c, weakEtag(svg), WIDGET_CACHE_CONTROL);
    if (unchanged) return unchanged;
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    return c.body(svg);
  });

  for (const size of ['large', 'small'] as const) {
    app.get(AGENCY_LOGO_PATHS[size], async (c) => {
      const logo = await deps.agency.logo(size);
      if (!logo) {
        c.header('Cache-Control', 'no-store');
        return c.text('', 404);
      }
      // A versioned URL never changes; the bare one follows the latest emblem.
      const lasting = c.req.query('v') === logo.version;
      const policy = lasting ? 'public, max-age=31536000, immutable' : WIDGET_CACHE_CONTROL;
      const unchanged = revalidate(c, `"${logo.version}"`, policy);
      if (unchanged) return unchanged;
      c.header('Content-Type', 'image/png');
      return c.body(logo.bytes as Uint8Array<ArrayBuffer>);
    });
  }
}
