/**
 * What the server stored, checked against what the tablets captured: every record once and no
 * other of theirs, ratings and feedback counted, the rollups equal to a recount of raw rows, and the
 * tree's counters exact. Shared by the fault test and the restore drill.
 */
import { expect } from 'vitest';
import { ancestorsOf, buildTree, scaleInForce } from '@hailong/domain';
import { openDatabase, type DatabaseHandle } from '../../apps/api/src/db/connect.ts';
import type { Tablet } from './kiosk-tablet.ts';

export async function expectLedgerExact(url: string, tablets: readonly Tablet[]): Promise<void> {
  const ours = tablets.map((t) => t.deviceId);
  const all = tablets.flatMap((t) => t.captured);
  const check = await openDatabase(url);
  try {
    const stored = await check.db
      .selectFrom('records')
      .select(['id', 'kind'])
      .where('deviceId', 'in', ours)
      .execute();
    expect(stored).toHaveLength(all.length);
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(all.map((r) => r.id)));
    const ratings = all.filter((r) => r.kind === 'rating').length;
    const count = async (table: 'ratings' | 'feedbackItems') =>
      Number(
        (
          await check.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('deviceId', 'in', ours)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('ratings')).toBe(ratings);
    expect(await count('feedbackItems')).toBe(all.length - ratings);
    // Every rating counted once at its own unit: the tree's counters marked `own`.
    const own = await check.db.selectFrom('nodeRollups').selectAll().where('own', '=', 1).execute();
    const total = Number(
      (
        await check.db
          .selectFrom('ratings')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(own.reduce((n, r) => n + Number(r.count), 0)).toBe(total);
    await expectNodeRollupsExact(check);
  } finally {
    await check.close();
  }
}

/**
 * The tree's counters equal a recount of the raw ratings: each rating at its unit and every
 * ancestor (the tree did not change during the run), per sector code, month, scale and level.
 */
async function expectNodeRollupsExact(check: DatabaseHandle): Promise<void> {
  const units = await check.repos.catalogue.listUnits();
  const tree = buildTree(units);
  const scales = await check.repos.catalogue.listUnitScales();
  const raw = await check.db
    .selectFrom('ratings as r')
    .innerJoin('sectors as s', 's.id', 'r.sectorId')
    .select((eb) => [
      'r.unitId',
      's.code',
      'r.month',
      'r.level',
      'r.category',
      eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy(['r.unitId', 's.code', 'r.month', 'r.level', 'r.category'])
    .execute();
  const expected = new Map<string, number>();
  for (const r of raw) {
    const scale = scaleInForce(
      scales.filter((s) => s.unitId === r.unitId),
      r.month,
      tree.nodes.get(r.unitId)!.scale,
    );
    for (const node of ancestorsOf(tree, r.unitId)) {
      const key = [node, r.code, r.month, scale, r.level, r.category].join('|');
      expected.set(key, (expected.get(key) ?? 0) + Number(r.n));
    }
  }
  // Rows moved to zero (counted → repeat) say nothing; the recount has no such keys.
  const stored = (await check.db.selectFrom('nodeRollups').selectAll().execute()).filter(
    (r) => Number(r.count) !== 0,
  );
  // Summed over `own`: a unit's own ratings and its subtree's are one figure here.
  const got = new Map<string, number>();
  for (const r of stored) {
    const key = [r.nodeId, r.sectorCode, r.month, r.scale, r.level, r.category].join('|');
    got.set(key, (got.get(key) ?? 0) + Number(r.count));
  }
  expect(new Map([...got].filter(([, n]) => n !== 0))).toEqual(expected);
}
