/**
 * The console's client for the catalogue page: the tree with sectors and counters, one change at a
 * time (add, rename, move, archive, restore), and the first month's checklist (Bắt đầu).
 */
import {
  Catalogue,
  CatalogueCounter,
  CatalogueSector,
  CatalogueUnit,
  SetupChecklist,
  type CreateCounterRequest,
  type CreateUnitRequest,
  type UpdateCounterRequest,
  type UpdateUnitRequest,
} from '@hailong/contracts';
import { GET, PATCH, POST, parsed } from './api-client.ts';

/** Lĩnh vực and quầy share their commands; only the path and the answer's schema differ. */
export type ItemKind = 'sectors' | 'counters';
const itemSchema = { sectors: CatalogueSector, counters: CatalogueCounter } as const;
const id = (value: string) => ({ params: { path: { id: value } } });

export const catalogueApi = {
  tree: (signal?: AbortSignal) => parsed(GET('/api/v1/catalogue', { signal }), Catalogue),
  checklist: (signal?: AbortSignal) =>
    parsed(GET('/api/v1/setup/checklist', { signal }), SetupChecklist),
  units: {
    create: (body: CreateUnitRequest) => parsed(POST('/api/v1/units', { body }), CatalogueUnit),
    update: (unitId: string, body: UpdateUnitRequest) =>
      parsed(PATCH('/api/v1/units/{id}', { ...id(unitId), body }), CatalogueUnit),
    archive: (unitId: string) =>
      parsed(POST('/api/v1/units/{id}/archive', id(unitId)), CatalogueUnit),
    restore: (unitId: string) =>
      parsed(POST('/api/v1/units/{id}/restore', id(unitId)), CatalogueUnit),
  },
  items: {
    create: (kind: ItemKind, unitId: string, body: CreateCounterRequest) =>
      kind === 'sectors'
        ? parsed(POST('/api/v1/units/{id}/sectors', { ...id(unitId), body }), itemSchema[kind])
        : parsed(POST('/api/v1/units/{id}/counters', { ...id(unitId), body }), itemSchema[kind]),
    update: (kind: ItemKind, itemId: string, body: UpdateCounterRequest) =>
      kind === 'sectors'
        ? parsed(PATCH('/api/v1/sectors/{id}', { ...id(itemId), body }), itemSchema[kind])
        : parsed(PATCH('/api/v1/counters/{id}', { ...id(itemId), body }), itemSchema[kind]),
    archive: (kind: ItemKind, itemId: string) =>
      kind === 'sectors'
        ? parsed(POST('/api/v1/sectors/{id}/archive', id(itemId)), itemSchema[kind])
        : parsed(POST('/api/v1/counters/{id}/archive', id(itemId)), itemSchema[kind]),
    restore: (kind: ItemKind, itemId: string) =>
      kind === 'sectors'
        ? parsed(POST('/api/v1/sectors/{id}/restore', id(itemId)), itemSchema[kind])
        : parsed(POST('/api/v1/counters/{id}/restore', id(itemId)), itemSchema[kind]),
  },
};
