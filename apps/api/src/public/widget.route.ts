import { createRoute, z } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { WidgetData } from '@hailong/contracts';
import { newRouter } from '../http/router.ts';
import { errorResponse, json } from '../http/responses.ts';
import type { WidgetService } from './widget.service.ts';
import { widgetData } from './widget.service.ts';
import { originOf } from './widget-page.route.ts';
import { revalidate, weakEtag, WIDGET_CACHE_CONTROL } from './widget-http.ts';

const widget = createRoute({
  method: 'get',
  path: '/public/units/{unitId}/widget',
  tags: ['public'],
  summary:
    "A unit's current month and the 12 months ending with it, for a website that draws its own " +
    'widget (no sign-in; any origin may read it; ETag and If-None-Match)',
  request: {
    params: z.object({ unitId: z.string().min(1).max(64) }),
    query: z.object({ lang: z.enum(['vi', 'en']).optional() }),
  },
  responses: {
    200: json(WidgetData, 'Aggregate figures only; links and emblem as absolute URLs'),
    304: { description: 'The caller already holds these figures' },
    404: errorResponse('No such unit'),
    422: errorResponse('Validation failed'),
  },
});

/** `/api/v1/public/units/{unitId}/widget`: the widget's figures as JSON (widget.service.ts). */
export function widgetRoutes(widgets: WidgetService, publicOrigin: string | undefined) {
  const router = newRouter();
  router.use('/public/units/:unitId/widget', compress());
  return router.openapi(widget, async (c) => {
    const { unitId } = c.req.valid('param');
    const locale = c.req.valid('query').lang ?? 'vi';
    // Before anything can fail: a site reading a 404 may see it too.
    c.header('Access-Control-Allow-Origin', '*');
    const data = widgetData(await widgets.figures(unitId), originOf(c, publicOrigin), locale);
    // The figures name the answer; when they were read does not make it another one.
    const etag = weakEtag(JSON.stringify({ ...data, generatedAt: null }));
    const unchanged = revalidate(c, etag, WIDGET_CACHE_CONTROL);
    if (unchanged) return unchanged as never;
    return c.json(data, 200);
  });
}
