import { createRoute, z } from '@hono/zod-openapi';
import { PublicFeedbackList } from '@hailong/contracts';
import type { FeedbackPublicService } from '../services/feedback-public.service.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse, json } from './responses.ts';

const lookup = createRoute({
  method: 'get',
  path: '/public/feedback/{code}',
  tags: ['public'],
  summary:
    'Citizen lookup by tracking code (any case, with or without the dash); no sign-in, throttled',
  request: { params: z.object({ code: z.string().max(40) }) },
  responses: {
    200: json(PublicFeedbackList, 'Status, dates and the published answer'),
    404: errorResponse('No item with this code'),
    422: errorResponse('Validation failed'),
    429: errorResponse('Too many lookups from this address'),
  },
});

export function feedbackPublicRoutes(lookups: FeedbackPublicService) {
  return newRouter().openapi(lookup, async (c) => {
    const items = await lookups.lookup(c.req.valid('param').code, c.get('clientAddress'));
    return c.json({ items }, 200);
  });
}
