import { createRoute } from '@hono/zod-openapi';
import { PublicStats, PublicStatsQuery } from '@hailong/contracts';
import type { PublicStatsService } from '../services/public-stats.service.ts';
import { newRouter } from '../http/router.ts';
import { commonErrors, json } from './responses.ts';

/** Shared caches may keep it: the same for everyone, and only aggregate numbers. */
export const PUBLIC_STATS_CACHE_CONTROL = 'public, max-age=300';

const stats = createRoute({
  method: 'get',
  path: '/public/stats',
  tags: ['public'],
  summary:
    "Each unit's satisfaction rate this month and last, per sector, against its target (no sign-in)",
  request: { query: PublicStatsQuery },
  responses: { 200: json(PublicStats, 'Aggregate figures only'), ...commonErrors },
});

export function publicStatsRoutes(service: PublicStatsService) {
  return newRouter().openapi(stats, async (c) => {
    const body = await service.stats(c.req.valid('query').month);
    c.header('Cache-Control', PUBLIC_STATS_CACHE_CONTROL);
    return c.json(body, 200);
  });
}
