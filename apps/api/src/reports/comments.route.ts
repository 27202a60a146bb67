import { createRoute } from '@hono/zod-openapi';
import { parsePeriod } from '@hailong/domain';
import { CommentList, CommentsQuery } from '@hailong/contracts';
import type { CommentsService } from './comments.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, sessionErrors } from '../http/responses.ts';

const comments = createRoute({
  method: 'get',
  path: '/tally/comments',
  tags: ['tally'],
  summary:
    'Góp ý thêm: what citizens typed after a low rating, in a node’s subtree over a period, newest ' +
    'first, optionally one sector code and words to find (no diacritics needed). Readers see their ' +
    'subtree only; viewers read phone numbers masked.',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { query: CommentsQuery },
  responses: {
    200: json(CommentList, 'One page of comments and how many match'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit, or outside the reader’s subtree'),
  },
});

export function commentsRoutes(service: CommentsService) {
  return newRouter().openapi(comments, async (c) => {
    const { period, ...options } = c.req.valid('query');
    const result = await service.list(c.get('auth').user, parsePeriod(period)!, options);
    return c.json(result, 200);
  });
}
