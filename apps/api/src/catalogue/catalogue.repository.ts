import { buildTree, compareVi } from '@hailong/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { mapUniqueViolation } from '../repositories/db-errors.ts';
import type {
  CatalogueHistoryRow,
  Dialect,
  CatalogueRepository,
  CounterRow,
  ListOptions,
  SectorRow,
  UnitRow,
} from '../repositories/types.ts';

// Names are ordered in JS with the Vietnamese collator: SQLite compares code points and a
// PostgreSQL server's collation is whatever it was installed with, so SQL cannot agree on both.
const byOrderThenName = (a: Ordered, b: Ordered) =>
  a.sortOrder - b.sortOrder || compareVi(a.name, b.name) || compareCodePoints(a.id, b.id);

type Ordered = Pick<UnitRow, 'id' | 'name' | 'sortOrder'>;

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Key of the advisory lock that serialises catalogue changes on PostgreSQL ("hl-cat"). */
const TREE_LOCK_KEY = 0x686c636174;

/**
 * Catalogue order: depth first, each unit followed by its sub-units, siblings by sortOrder then
 * name. A unit whose parent is not in the list (archived and left out) is listed as a root.
 */
function inTreeOrder(sorted: UnitRow[]): UnitRow[] {
  const tree = buildTree(sorted);
  const out: UnitRow[] = [];
  const visit = (parent: string | null) => {
    for (const child of tree.children.get(parent) ?? []) {
      out.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return out;
}

export function createCatalogueRepository(
  db: Kysely<Database>,
  dialect: Dialect,
): CatalogueRepository {
  const listUnits = async (options: ListOptions = {}) => {
    let query = db.selectFrom('units').selectAll();
    if (options.activeOnly) query = query.where('archivedAt', 'is', null);
    return inTreeOrder((await query.execute()).sort(byOrderThenName));
  };
  /** "By unit" means in the order listUnits gives, so a screen can group without re-sorting. */
  const byUnitOrder = async <R extends Ordered & { unitId: string }>(rows: R[]): Promise<R[]> => {
    const unitRank = new Map((await listUnits()).map((u, i) => [u.id, i]));
    const rank = (r: R) => unitRank.get(r.unitId) ?? Number.MAX_SAFE_INTEGER;
    return rows.sort((a, b) => rank(a) - rank(b) || byOrderThenName(a, b));
  };

  return {
    async lockTree() {
      if (dialect === 'postgres')
        await sql`select pg_advisory_xact_lock(${TREE_LOCK_KEY})`.execute(db);
    },
    async createUnit(unit) {
      await mapUniqueViolation(() => db.insertInto('units').values(unit).execute());
    },
    async createSector(sector) {
      await mapUniqueViolation(() => db.insertInto('sectors').values(sector).execute());
    },
    async createCounter(counter) {
      await mapUniqueViolation(() => db.insertInto('counters').values(counter).execute());
    },
    updateUnit: (id, patch) =>
      mapUniqueViolation(() =>
        db.updateTable('units').set(patch).where('id', '=', id).returningAll().executeTakeFirst(),
      ),
    updateSector: (id, patch) =>
      mapUniqueViolation(() =>
        db.updateTable('sectors').set(patch).where('id', '=', id).returningAll().executeTakeFirst(),
      ),
    updateCounter: (id, patch) =>
      mapUniqueViolation(() =>
        db
          .updateTable('counters')
          .set(patch)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst(),
      ),
    findUnit: (id) => db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst(),
    findSector: (id) =>
      db.selectFrom('sectors').selectAll().where('id', '=', id).executeTakeFirst(),
    findCounter: (id) =>
      db.selectFrom('counters').selectAll().where('id', '=', id).executeTakeFirst(),
    listUnits,
    async listSectors(unitId, options = {}) {
      let query = db.selectFrom('sectors').selectAll();
      if (unitId !== undefined) query = query.where('unitId', '=', unitId);
      if (options.activeOnly) query = query.where('archivedAt', 'is', null);
      return byUnitOrder<SectorRow>(await query.execute());
    },
    async listCounters(unitId, options = {}) {
      let query = db.selectFrom('counters').selectAll();
      if (unitId !== undefined) query = query.where('unitId', '=', unitId);
      if (options.activeOnly) query = query.where('archivedAt', 'is', null);
      return byUnitOrder<CounterRow>(await query.execute());
    },
    async countUnits() {
      const row = await db
        .selectFrom('units')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async appendHistory(row) {
      await db
        .insertInto('catalogueHistory')
        .values({ ...row, details: JSON.stringify(row.details ?? {}) })
        .execute();
    },
    async listHistory(filter = {}) {
      let query = db.selectFrom('catalogueHistory').selectAll();
      if (filter.entityType) query = query.where('entityType', '=', filter.entityType);
      if (filter.entityId) query = query.where('entityId', '=', filter.entityId);
      const rows = await query.orderBy('at').orderBy('id').execute();
      return rows.map((r): CatalogueHistoryRow => ({
        ...r,
        details: JSON.parse(r.details) as unknown,
      }));
    },
    async listUnitScales(unitIds) {
      if (unitIds !== undefined && unitIds.length === 0) return [];
      let query = db.selectFrom('unitScales').selectAll();
      if (unitIds !== undefined) query = query.where('unitId', 'in', [...unitIds]);
      return query.orderBy('unitId').orderBy('fromMonth').execute();
    },
    async upsertUnitScale(row) {
      await db
        .insertInto('unitScales')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['unitId', 'fromMonth'])
            .doUpdateSet({ scale: row.scale, updatedAt: row.updatedAt }),
        )
        .execute();
    },
    async upsertTarget(target) {
      const { targetBp, updatedAt, updatedBy } = target;
      await db
        .insertInto('targets')
        .values(target)
        .onConflict((oc) =>
          oc
            .columns(['unitId', 'sectorId', 'year'])
            .doUpdateSet({ targetBp, updatedAt, updatedBy }),
        )
        .execute();
    },
    listTargets: (year) =>
      db
        .selectFrom('targets')
        .selectAll()
        .where('year', '=', year)
        .orderBy('unitId')
        .orderBy('sectorId')
        .execute(),
    async findDefaultTarget(year) {
      const row = await db
        .selectFrom('defaultTargets')
        .select('targetBp')
        .where('year', '=', year)
        .executeTakeFirst();
      return row?.targetBp;
    },
    async upsertDefaultTarget(year, targetBp, updatedAt) {
      await db
        .insertInto('defaultTargets')
        .values({ year, targetBp, updatedAt })
        .onConflict((oc) => oc.column('year').doUpdateSet({ targetBp, updatedAt }))
        .execute();
    },
  };
}
