/**
 * The dossier store on both dialects: a code belongs to the unit that stored it first. A row that
 * names another unit is left out and reported with its owner, never moved — also when another
 * transaction stored the code a moment before and has not yet committed (conflict-ignore, never
 * check-then-insert).
 *
 * The counting rule's store (counting.repository.ts, issue 22): the rating that counts is kept per
 * (unit, dossier code), so two units rating one code never share a row nor wait for each other,
 * while two batches of one unit's dossier do; a unit's counting settings are kept per month they
 * take effect from; a unit's day of phone admissions keeps the cap it started with, and a second
 * batch admitting on that day waits for the first and sees what it admitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { seedDemoCatalogue } from '../demo/seed.service.ts';
import type { DossierRow } from '../repositories/types.ts';
import { dossierKey } from './counting.repository.ts';

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
    unitA = units.find((u) => u.code === 'ubnd-phuong-thuan-hoa')!.id;
    unitB = units.find((u) => u.code === 'ubnd-xa-quang-dien')!.id;
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

  describe('counting store', () => {
    it('keeps the rating that counts per unit and code, each unit its own row', async () => {
      const repo = handle.repos.counting;
      const keys = [
        { unitId: unitB, code: 'HS-1' },
        { unitId: unitA, code: 'HS-1' },
        { unitId: unitA, code: 'HS-2' },
        { unitId: unitA, code: 'HS-1' },
      ];
      const first = await handle.repos.transaction((tx) => tx.counting.lockDossiers(keys));
      expect(first.size).toBe(3);
      expect([...first.values()]).toEqual([
        { ratingId: null, ratedAt: null },
        { ratingId: null, ratedAt: null },
        { ratingId: null, ratedAt: null },
      ]);
      await repo.setDossierLatest({ unitId: unitA, code: 'HS-1' }, 'rating-a', T0);
      const again = await repo.lockDossiers(keys);
      expect(again.get(dossierKey({ unitId: unitA, code: 'HS-1' }))).toEqual({
        ratingId: 'rating-a',
        ratedAt: T0,
      });
      expect(again.get(dossierKey({ unitId: unitB, code: 'HS-1' }))).toEqual({
        ratingId: null,
        ratedAt: null,
      });
    });

    it('makes a batch wait for another on the same unit’s dossier, never on another unit’s', async () => {
      let same: Promise<unknown> | undefined;
      let other: Promise<unknown> | undefined;
      const order: string[] = [];
      await handle.repos.transaction(async (tx) => {
        await tx.counting.lockDossiers([{ unitId: unitA, code: 'HS-LOCK' }]);
        same = handle.repos.transaction(async (inner) => {
          await inner.counting.lockDossiers([{ unitId: unitA, code: 'HS-LOCK' }]);
          order.push('same unit');
        });
        if (dialect === 'postgres') {
          // Another unit's dossier of the same code is not this lock's business.
          other = handle.repos.transaction(async (inner) => {
            await inner.counting.lockDossiers([{ unitId: unitB, code: 'HS-LOCK' }]);
            order.push('other unit');
          });
          await other;
          await blockedOnALock();
        }
        order.push('first');
      });
      await same;
      expect(order).toEqual(
        dialect === 'postgres' ? ['other unit', 'first', 'same unit'] : ['first', 'same unit'],
      );
    });

    it('tells which unit the one-stop import gives a code to', async () => {
      await handle.repos.assessment.upsertDossiers([dossier('OWN-1', unitA)], T0);
      expect(await handle.repos.counting.dossierOwners(['OWN-1', 'NOT-IMPORTED'])).toEqual(
        new Map([['OWN-1', unitA]]),
      );
    });

    it('keeps a unit’s settings per month they take effect from, a change to that month replacing it', async () => {
      const repo = handle.repos.counting;
      const row = {
        unitId: unitA,
        fromMonth: '2027-01',
        closeDay: 5,
        includeUnverifiedPhone: false,
        updatedAt: T0,
        updatedBy: 'admin',
      };
      await repo.putSettings(row);
      await repo.putSettings({ ...row, fromMonth: '2026-12', closeDay: 20 });
      await repo.putSettings({
        ...row,
        closeDay: 7,
        includeUnverifiedPhone: true,
        updatedAt: T0 + 1,
      });
      expect(
        (await repo.listSettings([unitA, unitB]))
          .get(unitA)
          ?.sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : 1)),
      ).toEqual([
        { fromMonth: '2026-12', closeDay: 20, includeUnverifiedPhone: false },
        { fromMonth: '2027-01', closeDay: 7, includeUnverifiedPhone: true },
      ]);
      expect((await repo.listSettings([unitB])).has(unitB)).toBe(false);
      expect((await repo.settingsHistory(unitA)).map((h) => [h.fromMonth, h.updatedAt])).toEqual([
        ['2027-01', T0 + 1],
        ['2026-12', T0],
      ]);
    });

    it('keeps a day’s cap as it started, and makes a second admission wait for the first', async () => {
      const repo = handle.repos.counting;
      let computed = 0;
      const cap = async () => {
        computed += 1;
        return 3;
      };
      let second: Promise<{ cap: number; used: number }> | undefined;
      await handle.repos.transaction(async (tx) => {
        expect(await tx.counting.lockInclusionDay(unitA, '2027-01-20', cap)).toEqual({
          cap: 3,
          used: 0,
        });
        await tx.counting.addInclusions(unitA, '2027-01-20', 2);
        second = handle.repos.transaction(async (inner) => {
          const day = await inner.counting.lockInclusionDay(unitA, '2027-01-20', async () => 99);
          await inner.counting.addInclusions(unitA, '2027-01-20', 1);
          return day;
        });
        if (dialect === 'postgres') await blockedOnALock();
      });
      expect(await second).toEqual({ cap: 3, used: 2 });
      expect(computed).toBe(1);
      expect(await repo.lockInclusionDay(unitA, '2027-01-20', cap)).toEqual({ cap: 3, used: 3 });
      expect(await repo.lockInclusionDay(unitB, '2027-01-20', async () => 0)).toEqual({
        cap: 0,
        used: 0,
      });
    });
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
