import { createRoute } from '@hono/zod-openapi';
import { PublicStats, PublicStatsQuery } from '@hailong/contracts';
import type { PublicStatsService } from './public-stats.service.ts';
import { monthPeriod, parsePeriod } from '@hailong/domain';
import { newRouter } from '../http/router.ts';
import { commonErrors, errorResponse, json } from '../http/responses.ts';

/** Shared caches may keep it: the same for everyone, and only aggregate numbers. */
export const PUBLIC_STATS_CACHE_CONTROL = 'public, max-age=300';

const stats = createRoute({
  method: 'get',
  path: '/public/stats',
  tags: ['public'],
  summary:
    'A node of the tree (default: the top) over a period (default: this month) and the same span ' +
    'before: its rate per sector and the rate of each unit beneath it, against their targets (no sign-in)',
  request: { query: PublicStatsQuery },
  responses: {
    200: json(PublicStats, 'Aggregate figures only'),
    ...commonErrors,
    404: errorResponse('No such unit'),
  },
});

export function publicStatsRoutes(service: PublicStatsService) {
  return newRouter().openapi(stats, async (c) => {
    const { month, period, node } = c.req.valid('query');
    const asked = period ? parsePeriod(period) : month ? monthPeriod(month) : undefined;
    const body = await service.stats({ period: asked, node });
    c.header('Cache-Control', PUBLIC_STATS_CACHE_CONTROL);
    return c.json(body, 200);
  });
}
