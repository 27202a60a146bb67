/**
 * The dossier store on both dialects: a code belongs to the unit that stored it first. A row that
 * names another unit is left out and reported with its owner, never moved — also when another
 * transaction stored the code a moment before and has not yet committed (conflict-ignore, never
 * check-then-insert).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { seedDemoCatalogue } from '../demo/seed.service.ts';
import type { DossierRow } from '../repositories/types.ts';

const T0 = Date.UTC(2026, 10, 20, 3);

describe.each(dialects)('dossier store on %s', (dialect) => {
  let handle: DatabaseHandle;
  let unitA: string;
  let unitB: string;

  const dossier = (code: string, unitId: string, fields: Partial<DossierRow> = {}): DossierRow => ({
    code,
    unitId,
    sectorId: null,
    officerId: null,
    procedure: null,
    receivedDate: '2026-11-02',
    dueDate: '2026-11-12',
    returnedDate: null,
    online: false,
    ...fields,
  });
  const ownerOf = async (code: string) =>
    (
      await handle.db
        .selectFrom('dossiers')
        .select(['unitId', 'returnedDate'])
        .where('code', '=', code)
        .executeTakeFirst()
    )?.unitId;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    await seedDemoCatalogue(handle.repos, () => T0);
    const units = await handle.repos.catalogue.listUnits();
    unitA = units.find((u) => u.code === 'ubnd-phuong-trung-tam')!.id;
    unitB = units.find((u) => u.code === 'ubnd-xa-an-phu')!.id;
  });
  afterAll(() => handle.close());

  it('creates, updates and leaves alone its own codes, and refuses another unit’s', async () => {
    const repo = handle.repos.assessment;
    expect(await repo.upsertDossiers([dossier('A-1', unitA), dossier('B-1', unitB)], T0)).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      ownedElsewhere: [],
    });
    const next = await repo.upsertDossiers(
      [
        dossier('A-1', unitA, { returnedDate: '2026-11-10' }),
        dossier('B-1', unitA, { returnedDate: '2026-11-10' }),
        dossier('A-2', unitA),
      ],
      T0 + 1,
    );
    expect(next).toEqual({
      created: 1,
      updated: 1,
      unchanged: 0,
      ownedElsewhere: [{ code: 'B-1', ownerUnitId: unitB }],
    });
    expect(await ownerOf('B-1')).toBe(unitB);
    const b1 = await handle.db
      .selectFrom('dossiers')
      .select('returnedDate')
      .where('code', '=', 'B-1')
      .executeTakeFirstOrThrow();
    expect(b1.returnedDate).toBeNull();
  });

  it('refuses a code another transaction stored first, even before it committed', async () => {
    let second: Promise<unknown> | undefined;
    await handle.repos.transaction(async (tx) => {
      await tx.assessment.upsertDossiers([dossier('RACE-1', unitA)], T0);
      // The other importer starts while this transaction holds the new row uncommitted.
      second = handle.repos.transaction((other) =>
        other.assessment.upsertDossiers([dossier('RACE-1', unitB)], T0),
      );
      if (dialect === 'postgres') await blockedOnALock();
      // SQLite runs one transaction at a time: the second waits for this one to end.
    });
    expect(await second).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      ownedElsewhere: [{ code: 'RACE-1', ownerUnitId: unitA }],
    });
    expect(await ownerOf('RACE-1')).toBe(unitA);
  });

  /**
   * Waits until a session of this test's database waits on a lock: the second insert meeting the
   * uncommitted row (other test files share the server, each with its own database).
   */
  async function blockedOnALock() {
    for (;;) {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(handle.db);
      if (Number(rows[0]!.n) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
});
