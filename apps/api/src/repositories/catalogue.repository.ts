import { compareVi } from '@hailong/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { mapUniqueViolation } from './db-errors.ts';
import type { CatalogueRepository, SectorRow, UnitRow } from './types.ts';

// Names are ordered in JS with the Vietnamese collator: SQLite compares code points and a
// PostgreSQL server's collation is whatever it was installed with, so SQL cannot agree on both.
const byOrderThenName = (a: Ordered, b: Ordered) =>
  a.sortOrder - b.sortOrder || compareVi(a.name, b.name) || compareCodePoints(a.id, b.id);

type Ordered = Pick<UnitRow, 'id' | 'name' | 'sortOrder'>;

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createCatalogueRepository(db: Kysely<Database>): CatalogueRepository {
  const listUnits = async () =>
    (await db.selectFrom('units').selectAll().execute()).sort(byOrderThenName);

  return {
    async createUnit(unit) {
      await mapUniqueViolation(() => db.insertInto('units').values(unit).execute());
    },
    async createSector(sector) {
      await mapUniqueViolation(() => db.insertInto('sectors').values(sector).execute());
    },
    findUnit: (id) => db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst(),
    listUnits,
    async listSectors(unitId) {
      let query = db.selectFrom('sectors').selectAll();
      if (unitId !== undefined) query = query.where('unitId', '=', unitId);
      const sectors = await query.execute();
      // "By unit" means in the order listUnits gives, so a screen can group without re-sorting.
      const unitRank = new Map((await listUnits()).map((u, i) => [u.id, i]));
      const rank = (s: SectorRow) => unitRank.get(s.unitId) ?? Number.MAX_SAFE_INTEGER;
      return sectors.sort((a, b) => rank(a) - rank(b) || byOrderThenName(a, b));
    },
    async countUnits() {
      const row = await db
        .selectFrom('units')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
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
