import { createRoute } from '@hono/zod-openapi';
import { UnitList } from '@hailong/contracts';
import type { CatalogueService } from './catalogue.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { json, sessionErrors } from '../http/responses.ts';

const listUnits = createRoute({
  method: 'get',
  path: '/units',
  tags: ['catalogue'],
  summary:
    'Active units you may see, with their active sectors and current-year targets (for forms)',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  responses: { 200: json(UnitList, 'Units'), ...sessionErrors },
});

export function unitsRoutes(catalogue: CatalogueService) {
  return newRouter().openapi(listUnits, async (c) =>
    c.json(await catalogue.listUnits(c.get('auth').user), 200),
  );
}
