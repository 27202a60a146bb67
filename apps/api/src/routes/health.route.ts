import { createRoute } from '@hono/zod-openapi';
import { Health } from '@hailong/contracts';
import type { Dialect } from '../repositories/types.ts';
import { newRouter } from '../http/router.ts';
import { json } from './responses.ts';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness and database kind',
  responses: { 200: json(Health, 'Serving') },
});

export function healthRoutes(dialect: Dialect, version: string, ping: () => Promise<void>) {
  return newRouter().openapi(health, async (c) => {
    await ping();
    return c.json({ status: 'ok' as const, database: dialect, version }, 200);
  });
}
