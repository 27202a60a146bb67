import { createRoute } from '@hono/zod-openapi';
import { TargetList, TargetsQuery, UpdateTargetsRequest } from '@hailong/contracts';
import type { TargetsService } from './targets.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, json, jsonBody, sessionErrors } from '../http/responses.ts';

const list = createRoute({
  method: 'get',
  path: '/targets',
  tags: ['targets'],
  summary:
    'The satisfaction target in force for a year (default: this year) of every sector the reader may see, and what they may change',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { query: TargetsQuery },
  responses: { 200: json(TargetList, 'Targets'), ...commonErrors, ...sessionErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/targets',
  tags: ['targets'],
  summary:
    "Set the year's default, sectors' own targets and units' overall targets (admin, supervisor); audited",
  description:
    "A supervisor sets the targets of their subtree's units only, the overall target (chỉ tiêu tỷ lệ hài lòng chung) of a node included; a node without one inherits the nearest ancestor's. The year's default moves every unit, so it is for admins and province-wide supervisors. A request naming anything else is refused whole (403) and changes nothing.",
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
  request: { body: jsonBody(UpdateTargetsRequest) },
  responses: {
    200: json(TargetList, 'Targets after the change'),
    ...commonErrors,
    ...sessionErrors,
  },
});

export function targetsRoutes(targets: TargetsService) {
  return newRouter()
    .openapi(list, async (c) =>
      c.json(await targets.list(c.get('auth').user, c.req.valid('query').year), 200),
    )
    .openapi(update, async (c) =>
      c.json(await targets.update(c.req.valid('json'), c.get('auth').user), 200),
    );
}
