import { createRoute } from '@hono/zod-openapi';
import { TallyQuery, TallyResponse } from '@hailong/contracts';
import type { TallyService } from '../services/tally.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, sessionErrors } from './responses.ts';

const tally = createRoute({
  method: 'get',
  path: '/tally',
  tags: ['tally'],
  summary:
    'Monthly tally per unit and sector (month=YYYY-MM), or unit totals month by month (from, to). Staff: own unit.',
  security: SESSION_SECURITY,
  middleware: [requireSession()],
  request: { query: TallyQuery },
  responses: {
    200: json(TallyResponse, 'The tally (kind "month") or the trend (kind "trend")'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit'),
  },
});

export function tallyRoutes(service: TallyService) {
  return newRouter().openapi(tally, async (c) => {
    const { month, from, to, ...options } = c.req.valid('query');
    const { user } = c.get('auth')!;
    const result = month
      ? await service.month(month, user, options)
      : await service.trend(from!, to!, user, options);
    return c.json(result, 200);
  });
}
