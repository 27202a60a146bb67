import { createRoute } from '@hono/zod-openapi';
import { SetupChecklist } from '@hailong/contracts';
import type { SetupChecklistService } from './setup-checklist.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { json, sessionErrors } from '../http/responses.ts';

const checklist = createRoute({
  method: 'get',
  path: '/setup/checklist',
  tags: ['setup'],
  summary:
    "The first month's checklist (Bắt đầu) over the units you may see, each step counted from the data",
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
  responses: { 200: json(SetupChecklist, 'Checklist'), ...sessionErrors },
});

export function setupChecklistRoutes(service: SetupChecklistService) {
  return newRouter().openapi(checklist, async (c) =>
    c.json(await service.checklist(c.get('auth').user), 200),
  );
}
