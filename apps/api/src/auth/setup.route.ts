import { createRoute } from '@hono/zod-openapi';
import { FirstUnitRequest, FirstUnitResult, SetupStatus } from '@hailong/contracts';
import type { SetupService } from './setup.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const status = createRoute({
  method: 'get',
  path: '/setup/status',
  tags: ['setup'],
  summary: 'Whether the first-run set-up is needed (no unit yet), with what exists',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  responses: { 200: json(SetupStatus, 'Status'), ...sessionErrors },
});

const firstUnit = createRoute({
  method: 'post',
  path: '/setup/first-unit',
  tags: ['setup'],
  summary: 'Create the first unit with one sector and one counter (empty catalogue only)',
  security: SESSION_SECURITY,
  middleware: requireSession('admin'),
  request: { body: jsonBody(FirstUnitRequest) },
  responses: {
    201: json(FirstUnitResult, 'Created'),
    ...commonErrors,
    ...sessionErrors,
    409: errorResponse('The catalogue is not empty any more'),
  },
});

export function setupRoutes(setup: SetupService) {
  return newRouter()
    .openapi(status, async (c) => c.json(await setup.status(), 200))
    .openapi(firstUnit, async (c) =>
      c.json(await setup.firstUnit(c.req.valid('json'), c.get('auth').user), 201),
    );
}
