/** Lĩnh vực (sectors) and quầy (counters) of a unit: create, change, archive, restore; no DELETE. */
import { createRoute } from '@hono/zod-openapi';
import {
  CatalogueCounter,
  CatalogueSector,
  CreateCounterRequest,
  CreateSectorRequest,
  UpdateCounterRequest,
  UpdateSectorRequest,
} from '@hailong/contracts';
import type { CatalogueAdminService } from './catalogue-admin.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { json, jsonBody } from '../http/responses.ts';
import { changeErrors, IdParam } from './catalogue.route.ts';

const managers = {
  tags: ['catalogue'],
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
};

/** The four routes of one kind of item, e.g. `sectors` under `/units/{id}/sectors`. */
function itemRoutes(
  plural: 'sectors' | 'counters',
  label: string,
  schemas: {
    item: typeof CatalogueSector;
    create: typeof CreateSectorRequest;
    update: typeof UpdateSectorRequest;
  },
) {
  const create = createRoute({
    ...managers,
    method: 'post',
    path: `/units/{id}/${plural}`,
    summary: `Add a ${label} to a unit (admin; supervisor within their subtree)`,
    request: { params: IdParam, body: jsonBody(schemas.create) },
    responses: { 201: json(schemas.item, 'Created'), ...changeErrors },
  });
  const update = createRoute({
    ...managers,
    method: 'patch',
    path: `/${plural}/{id}`,
    summary: `Rename, move to another unit (unitId) or reorder (sortOrder) a ${label}`,
    request: { params: IdParam, body: jsonBody(schemas.update) },
    responses: { 200: json(schemas.item, 'Updated'), ...changeErrors },
  });
  const archive = createRoute({
    ...managers,
    method: 'post',
    path: `/${plural}/{id}/archive`,
    summary: `Archive a ${label}: it leaves tablets and forms, stays in reports`,
    request: { params: IdParam },
    responses: { 200: json(schemas.item, 'Archived'), ...changeErrors },
  });
  const restore = createRoute({
    ...managers,
    method: 'post',
    path: `/${plural}/{id}/restore`,
    summary: `Restore an archived ${label} (its unit must not be archived)`,
    request: { params: IdParam },
    responses: { 200: json(schemas.item, 'Restored'), ...changeErrors },
  });
  return { create, update, archive, restore };
}

const sector = itemRoutes('sectors', 'sector (lĩnh vực)', {
  item: CatalogueSector,
  create: CreateSectorRequest,
  update: UpdateSectorRequest,
});
const counter = itemRoutes('counters', 'counter (quầy)', {
  item: CatalogueCounter,
  create: CreateCounterRequest,
  update: UpdateCounterRequest,
});

export function catalogueItemRoutes(service: CatalogueAdminService) {
  const router = newRouter();
  for (const [routes, ops] of [
    [sector, service.sectors],
    [counter, service.counters],
  ] as const) {
    router
      .openapi(routes.create, async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await ops.create(c.get('auth').user, id, c.req.valid('json')), 201);
      })
      .openapi(routes.update, async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await ops.update(c.get('auth').user, id, c.req.valid('json')), 200);
      })
      .openapi(routes.archive, async (c) =>
        c.json(await ops.archive(c.get('auth').user, c.req.valid('param').id), 200),
      )
      .openapi(routes.restore, async (c) =>
        c.json(await ops.restore(c.get('auth').user, c.req.valid('param').id), 200),
      );
  }
  return router;
}
