import { createRoute } from '@hono/zod-openapi';
import { AnswerModes, ChannelTallyQuery } from '@hailong/contracts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, sessionErrors } from '../http/responses.ts';
import type { AnswerModesService } from './answer-modes.service.ts';

const answerModes = createRoute({
  method: 'get',
  path: '/reports/answer-modes',
  tags: ['tally'],
  summary:
    'How a node’s citizens answered over a period: counted ratings per language, with the ' +
    'spoken prompts and with large text (issue 27). Readers: their subtree only',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { query: ChannelTallyQuery },
  responses: {
    200: json(AnswerModes, 'Counts by answer mode'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit, or outside the reader’s subtree'),
  },
});

export function answerModesRoutes(service: AnswerModesService) {
  return newRouter().openapi(answerModes, async (c) =>
    c.json(await service.report(c.get('auth').user, c.req.valid('query')), 200),
  );
}
