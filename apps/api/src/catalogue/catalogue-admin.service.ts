/**
 * The catalogue page's API: the tree a user may see, and changes through the catalogue commands.
 * Access comes from `loadAccess`: admins everywhere; supervisors within their subtree, where they
 * may not create roots, nor move, reorder or archive their own root unit (that would change what
 * lies outside their subtree); everyone else reads only. Out of scope is 404, by role is 403.
 */
import { buildTree, canManageCatalogue, monthOf } from '@hailong/domain';
import type {
  Catalogue,
  CatalogueCounter,
  CatalogueHistory,
  CatalogueSector,
  CatalogueUnit,
  CreateCounterRequest,
  CreateSectorRequest,
  CreateUnitRequest,
  UpdateCounterRequest,
  UpdateSectorRequest,
  UpdateUnitRequest,
} from '@hailong/contracts';
import type { CatalogueEntityType, Repositories, UserRow } from '../repositories/types.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess, type Access } from '../auth/access.ts';
import * as commands from './catalogue-commands.ts';
import { ENTITY_LABEL } from './catalogue-command-support.ts';
import { toCatalogueItem, toCatalogueUnit, toHistoryEntry } from './catalogue.mapper.ts';

type Defined<T> = Exclude<T, undefined>;
type NewUnit = Defined<CreateUnitRequest> & { scale: 'five' | 'three'; parentId: string | null };
type ItemKind = 'sector' | 'counter';

export function createCatalogueAdminService(repos: Repositories, clock: Clock) {
  const ctx = (user: UserRow) => ({ now: clock(), actorId: user.id });

  async function view(user: UserRow, activeOnly = false): Promise<Catalogue> {
    const access = await loadAccess(repos, user);
    const month = monthOf(clock());
    const visible = access.visibleUnits().filter((u) => !activeOnly || u.archivedAt === null);
    const ids = visible.map((u) => u.id);
    const [sectors, counters, scales] = await Promise.all([
      repos.catalogue.listSectors(undefined, { activeOnly }),
      repos.catalogue.listCounters(undefined, { activeOnly }),
      repos.catalogue.listUnitScales(ids),
    ]);
    const tree = buildTree(visible);
    return {
      month,
      units: visible.map((unit) =>
        toCatalogueUnit({
          unit,
          tree,
          month,
          scales,
          sectors,
          counters,
          canManage: canManageCatalogue(access.tree, user, unit.id),
        }),
      ),
    };
  }

  async function unitView(user: UserRow, id: string): Promise<CatalogueUnit> {
    const unit = (await view(user)).units.find((u) => u.id === id);
    if (!unit) throw notFound('Đơn vị');
    return unit;
  }

  /** Supervisors may not touch their own root's place in the tree (it is outside their scope). */
  function requireNotOwnRoot(user: UserRow, unitId: string) {
    if (user.role !== 'admin' && user.unitId === unitId) throw forbidden();
  }

  /** Where a unit may be put: under a unit the user manages; at the root only by admins. */
  function requireParent(access: Access, user: UserRow, parentId: string | null) {
    if (parentId === null) {
      if (user.role !== 'admin') throw forbidden();
      return;
    }
    access.requireManage(parentId);
  }

  async function findItem(kind: ItemKind, id: string) {
    const row =
      kind === 'sector'
        ? await repos.catalogue.findSector(id)
        : await repos.catalogue.findCounter(id);
    if (!row) throw notFound(ENTITY_LABEL[kind]);
    return row;
  }

  /** The item if the user may change it: its unit must be manageable (else 404/403). */
  async function manageItem(user: UserRow, kind: ItemKind, id: string) {
    const row = await findItem(kind, id);
    const access = await loadAccess(repos, user);
    if (!access.scope.all && !access.scope.unitIds.has(row.unitId))
      throw notFound(ENTITY_LABEL[kind]);
    access.requireManage(row.unitId);
    return { row, access };
  }

  const itemCommands = {
    sector: {
      create: commands.createSector,
      change: commands.changeSector,
      archive: commands.archiveSector,
      restore: commands.restoreSector,
    },
    counter: {
      create: commands.createCounter,
      change: commands.changeCounter,
      archive: commands.archiveCounter,
      restore: commands.restoreCounter,
    },
  };

  function itemOps(kind: ItemKind) {
    const run = itemCommands[kind];
    return {
      async create(
        user: UserRow,
        unitId: string,
        input: Defined<CreateSectorRequest | CreateCounterRequest>,
      ): Promise<CatalogueSector & CatalogueCounter> {
        (await loadAccess(repos, user)).requireManage(unitId);
        return toCatalogueItem(await run.create(repos, ctx(user), { ...input, unitId }));
      },
      async update(
        user: UserRow,
        id: string,
        input: Defined<UpdateSectorRequest | UpdateCounterRequest>,
      ) {
        const { access } = await manageItem(user, kind, id);
        if (input.unitId !== undefined) access.requireManage(input.unitId);
        return toCatalogueItem(await run.change(repos, ctx(user), id, input));
      },
      async archive(user: UserRow, id: string) {
        await manageItem(user, kind, id);
        return toCatalogueItem(await run.archive(repos, ctx(user), id));
      },
      async restore(user: UserRow, id: string) {
        await manageItem(user, kind, id);
        return toCatalogueItem(await run.restore(repos, ctx(user), id));
      },
    };
  }

  return {
    view,

    async createUnit(user: UserRow, input: NewUnit): Promise<CatalogueUnit> {
      requireParent(await loadAccess(repos, user), user, input.parentId);
      const unit = await commands.createUnit(repos, ctx(user), input);
      return unitView(user, unit.id);
    },

    async updateUnit(
      user: UserRow,
      id: string,
      input: Defined<UpdateUnitRequest>,
    ): Promise<CatalogueUnit> {
      const access = await loadAccess(repos, user);
      access.requireManage(id);
      if (input.parentId !== undefined || input.sortOrder !== undefined) {
        requireNotOwnRoot(user, id);
      }
      if (input.parentId !== undefined) requireParent(access, user, input.parentId);
      await commands.changeUnit(repos, ctx(user), id, input);
      return unitView(user, id);
    },

    async archiveUnit(user: UserRow, id: string): Promise<CatalogueUnit> {
      (await loadAccess(repos, user)).requireManage(id);
      requireNotOwnRoot(user, id);
      await commands.archiveUnit(repos, ctx(user), id);
      return unitView(user, id);
    },

    async restoreUnit(user: UserRow, id: string): Promise<CatalogueUnit> {
      (await loadAccess(repos, user)).requireManage(id);
      requireNotOwnRoot(user, id);
      await commands.restoreUnit(repos, ctx(user), id);
      return unitView(user, id);
    },

    sectors: itemOps('sector'),
    counters: itemOps('counter'),

    /** Changes of what the user may see, oldest first; of one entity when named. */
    async history(
      user: UserRow,
      filter: { entityType?: CatalogueEntityType; entityId?: string },
    ): Promise<CatalogueHistory> {
      const access = await loadAccess(repos, user);
      const [rows, users] = await Promise.all([
        repos.catalogue.listHistory(filter),
        repos.users.list(),
      ]);
      // A unit's changes belong to the unit; a sector's or counter's to the unit it was in.
      const visible = rows.filter((r) => {
        const unitId = r.entityType === 'unit' ? r.entityId : r.parentId;
        return unitId !== null && (access.scope.all || access.scope.unitIds.has(unitId));
      });
      if (filter.entityId !== undefined && rows.length > 0 && visible.length === 0) {
        throw notFound(ENTITY_LABEL[filter.entityType ?? rows[0]!.entityType]);
      }
      const names = new Map(users.map((u) => [u.id, u.displayName]));
      return {
        entries: visible.map((r) =>
          toHistoryEntry(r, r.actorId === null ? null : (names.get(r.actorId) ?? null)),
        ),
      };
    },
  };
}

export type CatalogueAdminService = ReturnType<typeof createCatalogueAdminService>;
