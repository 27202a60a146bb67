import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { errorBody } from '../http/errors.ts';
import { newRouter } from '../http/router.ts';
import type { Metrics } from './metrics.ts';
import { errorResponse } from '../http/responses.ts';

/** `Authorization: Bearer <token>`, nothing else: a malformed header is refused, not guessed at. */
const BEARER = /^Bearer ([\x21-\x7e]+)$/i;

const scrape = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['system'],
  summary: 'Prometheus metrics (text format 0.0.4); bearer token METRICS_TOKEN',
  security: [{ metrics: [] }],
  responses: {
    200: {
      description: 'Every metric of this process',
      content: { 'text/plain': { schema: z.string() } },
    },
    401: errorResponse('Missing or wrong token'),
    404: errorResponse('Disabled: METRICS_TOKEN is not set'),
  },
});

/**
 * The scrape endpoint. Off unless the operator set a token, because the gauges name every tablet
 * and the traffic shows how the office works; with one, only a caller sending it may read.
 */
export function metricsRoutes(access: { metrics: Metrics; token: string } | undefined) {
  const expected = access && digest(access.token);
  return newRouter().openapi(scrape, async (c) => {
    if (!access || !expected) {
      return c.json(errorBody('not_found', `Không có đường dẫn GET ${c.req.path}.`), 404);
    }
    const sent = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    // Digests compared, not tokens: timingSafeEqual needs equal lengths, and the token's own
    // length must not show in the time either.
    if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.json(errorBody('unauthenticated', 'Mã truy cập số liệu vận hành không đúng.'), 401);
    }
    const { register } = access.metrics;
    return c.text(await register.metrics(), 200, {
      'Content-Type': register.contentType,
      'Cache-Control': 'no-store',
    });
  });
}

const digest = (token: string) => createHash('sha256').update(token).digest();
