/**
 * The catalogue (danh mục): the organisation tree with sectors and counters, and its units. There
 * is no DELETE: things that have ratings, feedback or history are archived, never deleted.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  Catalogue,
  CatalogueHistory,
  CatalogueHistoryQuery,
  CatalogueQuery,
  CatalogueUnit,
  CreateUnitRequest,
  UpdateUnitRequest,
} from '@hailong/contracts';
import type { CatalogueAdminService } from './catalogue-admin.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const readers = { tags: ['catalogue'], security: SESSION_SECURITY, middleware: requireSession() };
const managers = {
  tags: ['catalogue'],
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
};
export const IdParam = z.object({ id: z.string().min(1).max(64) });
export const changeErrors = {
  ...commonErrors,
  ...sessionErrors,
  404: errorResponse('Unknown, or outside your units'),
  409: errorResponse('code_taken, or a state that forbids it (restore under an archived parent)'),
};

const tree = createRoute({
  ...readers,
  method: 'get',
  path: '/catalogue',
  summary:
    'Units you may see, depth first, with sectors and counters (archived flagged; active=1 omits them)',
  request: { query: CatalogueQuery },
  responses: { 200: json(Catalogue, 'Catalogue'), ...commonErrors, ...sessionErrors },
});

const history = createRoute({
  ...readers,
  method: 'get',
  path: '/catalogue/history',
  summary: 'Changes (names, moves, archive, scale) of units, sectors and counters you may see',
  request: { query: CatalogueHistoryQuery },
  responses: {
    200: json(CatalogueHistory, 'History, oldest first'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('Outside your units'),
  },
});

const create = createRoute({
  ...managers,
  method: 'post',
  path: '/units',
  summary: 'Create a unit under a parent (admin; supervisor within their subtree)',
  request: { body: jsonBody(CreateUnitRequest) },
  responses: { 201: json(CatalogueUnit, 'Created'), ...changeErrors },
});

const update = createRoute({
  ...managers,
  method: 'patch',
  path: '/units/{id}',
  summary:
    'Rename, re-classify, move (parentId), reorder (sortOrder), change scale from next month',
  request: { params: IdParam, body: jsonBody(UpdateUnitRequest) },
  responses: { 200: json(CatalogueUnit, 'Updated'), ...changeErrors },
});

const archive = createRoute({
  ...managers,
  method: 'post',
  path: '/units/{id}/archive',
  summary: 'Archive a unit (nothing beneath it): it leaves tablets and forms, stays in reports',
  request: { params: IdParam },
  responses: { 200: json(CatalogueUnit, 'Archived'), ...changeErrors },
});

const restore = createRoute({
  ...managers,
  method: 'post',
  path: '/units/{id}/restore',
  summary: 'Restore an archived unit (its parent must not be archived)',
  request: { params: IdParam },
  responses: { 200: json(CatalogueUnit, 'Restored'), ...changeErrors },
});

export function catalogueRoutes(service: CatalogueAdminService) {
  return newRouter()
    .openapi(tree, async (c) => {
      const { active } = c.req.valid('query');
      return c.json(await service.view(c.get('auth').user, active === '1'), 200);
    })
    .openapi(history, async (c) =>
      c.json(await service.history(c.get('auth').user, c.req.valid('query')), 200),
    )
    .openapi(create, async (c) =>
      c.json(await service.createUnit(c.get('auth').user, c.req.valid('json')), 201),
    )
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await service.updateUnit(c.get('auth').user, id, c.req.valid('json')), 200);
    })
    .openapi(archive, async (c) =>
      c.json(await service.archiveUnit(c.get('auth').user, c.req.valid('param').id), 200),
    )
    .openapi(restore, async (c) =>
      c.json(await service.restoreUnit(c.get('auth').user, c.req.valid('param').id), 200),
    );
}
