import { createRoute } from '@hono/zod-openapi';
import { TargetList, TargetsQuery, UpdateTargetsRequest } from '@hailong/contracts';
import type { TargetsService } from '../services/targets.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, json, jsonBody, sessionErrors } from './responses.ts';

const list = createRoute({
  method: 'get',
  path: '/targets',
  tags: ['targets'],
  summary: "Every sector's satisfaction target in force for a year (default: this year)",
  security: SESSION_SECURITY,
  middleware: [requireSession()],
  request: { query: TargetsQuery },
  responses: { 200: json(TargetList, 'Targets'), ...commonErrors, ...sessionErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/targets',
  tags: ['targets'],
  summary: "Set the year's default and sectors' own targets (admin, supervisor); audited",
  security: SESSION_SECURITY,
  middleware: [requireSession('admin', 'supervisor')],
  request: { body: jsonBody(UpdateTargetsRequest) },
  responses: {
    200: json(TargetList, 'Targets after the change'),
    ...commonErrors,
    ...sessionErrors,
  },
});

export function targetsRoutes(targets: TargetsService) {
  return newRouter()
    .openapi(list, async (c) => c.json(await targets.list(c.req.valid('query').year), 200))
    .openapi(update, async (c) =>
      c.json(await targets.update(c.req.valid('json'), c.get('auth')!.user.id), 200),
    );
}
