/**
 * The one counter model on real databases of both dialects, as a property (issue 22 item 5): for
 * any interleaving of sources (tablet, phone, staff), any batching and order of arrivals, with
 * repeats, superseded dossiers, late and unverified ratings, amendments and a unit moving in the
 * tree between batches, every counter — each node's per lĩnh vực and own, its totals per channel,
 * its reasons, each counter's (quầy) — equals a GROUP BY recount of the raw `ratings` rows, each
 * counted under the tree as it stood when it was stored. Everything goes through reports/counters.ts
 * (countNew, recategorise, replaceCounted), the only way ingest and amendments touch counters.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATING_SCALES, scaleInForce, type RollupCategory } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { tabletRow } from '../../test/fixtures/rows.ts';
import type { RatingRow, UnitRow } from '../repositories/types.ts';
import { countNew, recategorise, replaceCounted } from './counters.ts';

const T0 = Date.UTC(2026, 1, 1);

const unit = (id: string, parentId: string | null): UnitRow => ({
  id,
  code: id,
  name: id,
  kind: 'other',
  scale: 'five',
  sortOrder: 0,
  createdAt: T0,
  parentId,
  archivedAt: null,
  updatedAt: null,
});

/** tinh → { tt → tt-1, xa-a, xa-b }; tt-1 moves between tt and xa-b. xa-a had three levels. */
const UNITS = [
  unit('tinh', null),
  unit('tt', 'tinh'),
  unit('tt-1', 'tt'),
  unit('xa-a', 'tinh'),
  unit('xa-b', 'tinh'),
];
const RATED = ['tt', 'tt-1', 'xa-a', 'xa-b'] as const;
const CODES = ['ho-tich', 'dat-dai'];
const SCALES = [
  { unitId: 'xa-a', fromMonth: '2000-01', scale: 'three' as const, updatedAt: T0 },
  { unitId: 'xa-a', fromMonth: '2026-04', scale: 'five' as const, updatedAt: T0 },
];
const CHANNELS = ['tablet', 'phone', 'staff'] as const;
const ON_ARRIVAL = ['counted', 'counted', 'counted', 'repeat', 'bad_clock', 'unverified', 'late'];
const LATER = ['repeat', 'superseded', 'late', 'unverified'] as const;

const fresh = fc.record({
  unit: fc.constantFrom(...RATED),
  code: fc.constantFrom(...CODES),
  april: fc.boolean(),
  level: fc.integer({ min: 1, max: 5 }),
  reasons: fc.subarray(['waiting_time', 'came_back']),
  channel: fc.constantFrom(...CHANNELS),
  atCounter: fc.boolean(),
  category: fc.constantFrom(...ON_ARRIVAL) as fc.Arbitrary<RollupCategory>,
});
const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ store: fc.array(fresh, { minLength: 1, maxLength: 6 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      recategorise: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      to: fc.constantFrom(...LATER),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      amend: fc.nat(),
      reasons: fc.subarray(['waiting_time', 'came_back', 'unclear_procedure']),
      category: fc.option(fc.constantFrom('counted', 'unverified') as fc.Arbitrary<RollupCategory>),
    }),
  },
  { weight: 1, arbitrary: fc.record({ move: fc.constantFrom('tt', 'xa-b') }) },
);

type Key = (string | number)[];
const tally = (rows: { key: Key; n: number }[]) => {
  const out = new Map<string, number>();
  for (const { key, n } of rows) out.set(key.join('|'), (out.get(key.join('|')) ?? 0) + n);
  return new Map([...out].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
};

describe.each(dialects)('the counters on %s', (dialect) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    const { repos } = handle;
    for (const u of UNITS) {
      await repos.catalogue.createUnit(u);
      await repos.catalogue.appendHistory({
        id: `h-${u.id}`,
        entityType: 'unit',
        entityId: u.id,
        at: T0,
        month: '2026-02',
        action: 'create',
        name: u.name,
        parentId: u.parentId,
        actorId: null,
        details: {},
      });
    }
    for (const unitId of RATED) {
      for (const code of CODES) {
        await repos.catalogue.createSector({
          id: `${unitId}/${code}`,
          unitId,
          code,
          name: code,
          sortOrder: 0,
          createdAt: T0,
          archivedAt: null,
          updatedAt: null,
        });
      }
      await repos.catalogue.createCounter({
        id: `${unitId}/quay`,
        unitId,
        code: 'quay',
        name: 'Quầy',
        sortOrder: 0,
        archivedAt: null,
        createdAt: T0,
        updatedAt: null,
      });
      await repos.devices.createDevice(tabletRow(`d-${unitId}`, unitId, T0));
    }
    for (const s of SCALES) await repos.catalogue.upsertUnitScale(s);
  }, 60_000);
  afterAll(() => handle?.close());

  /** Empties the ratings and the counters, and puts tt-1 back under tt. */
  async function reset() {
    const { db, repos } = handle;
    for (const table of [
      'ratings',
      'records',
      'nodeRollups',
      'nodeTotals',
      'nodeReasonRollups',
      'counterRollups',
    ] as const) {
      await db.deleteFrom(table).execute();
    }
    await db.deleteFrom('catalogueHistory').where('action', '=', 'move').execute();
    await repos.catalogue.updateUnit('tt-1', { parentId: 'tt', updatedAt: T0 });
  }

  /** Runs `steps`, each in its own transaction at its own instant. */
  async function run(steps: readonly StepValue[]) {
    const { repos } = handle;
    const stored: RatingRow[] = [];
    let at = T0 + 1000;
    let n = 0;
    for (const s of steps) {
      at += 1000;
      if ('store' in s) {
        const rows = s.store.map((r): RatingRow => {
          n += 1;
          return {
            id: `r${n}`,
            deviceId: `d-${r.unit}`,
            unitId: r.unit,
            sectorId: `${r.unit}/${r.code}`,
            counterId: r.atCounter ? `${r.unit}/quay` : null,
            level: r.level,
            reasons: r.level <= 2 && r.category === 'counted' ? r.reasons : [],
            comment: null,
            deviceTime: at,
            receivedAt: at,
            month: r.april ? '2026-04' : '2026-03',
            category: r.category,
            channel: r.channel,
            officerId: null,
            dossierCode: null,
            respondentType: null,
            visits: null,
            agencies: null,
            attitude: null,
          };
        });
        await repos.transaction(async (tx) => {
          // The ledger row each rating hangs from; the counters never read it.
          await tx.ingest.insertRecords(
            rows.map((r, i) => ({
              id: r.id,
              canonicalId: r.id,
              source: 'tablet',
              deviceId: r.deviceId,
              sourceKey: null,
              seq: n - rows.length + i + 1,
              kind: 'rating',
              receivedAt: at,
              contentHash: null,
            })),
          );
          await tx.ingest.insertRatings(rows);
          await countNew(tx, rows);
        });
        stored.push(...rows);
      } else if ('recategorise' in s) {
        if (stored.length === 0) continue;
        const picked = [...new Set(s.recategorise.map((i) => stored[i % stored.length]!))];
        await repos.transaction((tx) => recategorise(tx, picked, s.to));
        for (const r of picked) if (r.category === 'counted') r.category = s.to;
      } else if ('amend' in s) {
        if (stored.length === 0) continue;
        const before = stored[s.amend % stored.length]!;
        const after = { ...before, reasons: s.reasons, category: s.category ?? before.category };
        await repos.transaction(async (tx) => {
          await tx.ratingAmendments.amendRating(before, after);
          await replaceCounted(tx, [before], [after]);
        });
        stored[stored.indexOf(before)] = after;
      } else {
        await repos.transaction(async (tx) => {
          await tx.catalogue.updateUnit('tt-1', { parentId: s.move, updatedAt: at });
          await tx.catalogue.appendHistory({
            id: `move-${at}`,
            entityType: 'unit',
            entityId: 'tt-1',
            at,
            month: '2026-03',
            action: 'move',
            name: 'tt-1',
            parentId: s.move,
            actorId: null,
            details: {},
          });
        });
        parents.push({ at, parent: s.move });
      }
    }
  }
  /** tt-1's parent from each instant on (the test's own account of the moves). */
  let parents: { at: number; parent: string }[] = [];
  const ancestorsAt = (unitId: string, at: number): string[] => {
    if (unitId === 'tinh') return ['tinh'];
    if (unitId !== 'tt-1') return [unitId, ...ancestorsAt('tinh', at)];
    const parent = parents.filter((p) => p.at <= at).at(-1)?.parent ?? 'tt';
    return ['tt-1', ...ancestorsAt(parent, at)];
  };

  /** Every counter from the raw rows: GROUP BY in the database, then each node it counted at. */
  async function recount() {
    const rows = await handle.db
      .selectFrom('ratings as r')
      .innerJoin('sectors as s', 's.id', 'r.sectorId')
      .select((eb) => [
        'r.unitId',
        's.code',
        'r.month',
        'r.level',
        'r.category',
        'r.channel',
        'r.counterId',
        'r.reasons',
        'r.receivedAt',
        eb.fn.countAll<number | string>().as('n'),
      ])
      .groupBy([
        'r.unitId',
        's.code',
        'r.month',
        'r.level',
        'r.category',
        'r.channel',
        'r.counterId',
        'r.reasons',
        'r.receivedAt',
      ])
      .execute();
    const levels: { key: Key; n: number }[] = [];
    const totals: { key: Key; n: number }[] = [];
    const reasons: { key: Key; n: number }[] = [];
    const counters: { key: Key; n: number }[] = [];
    for (const r of rows) {
      const n = Number(r.n);
      const scale = scaleInForce(
        SCALES.filter((s) => s.unitId === r.unitId),
        r.month,
        'five',
      );
      for (const node of ancestorsAt(r.unitId, Number(r.receivedAt))) {
        const own = node === r.unitId ? 1 : 0;
        levels.push({ key: [node, r.code, r.month, scale, r.level, r.category, own], n });
        totals.push({ key: [node, r.month, scale, r.level, r.category, r.channel], n });
        if (r.category !== 'counted' || r.reasons === '') continue;
        for (const reason of r.reasons.split(','))
          reasons.push({ key: [node, r.code, r.month, reason, own], n });
      }
      if (r.counterId)
        counters.push({ key: [r.counterId, r.month, scale, r.level, r.category], n });
    }
    return {
      levels: tally(levels),
      totals: tally(totals),
      reasons: tally(reasons),
      counters: tally(counters),
    };
  }

  async function counted() {
    const { db } = handle;
    const rows = <T>(list: T[], key: (r: T) => Key, n: (r: T) => unknown) =>
      tally(list.map((r) => ({ key: key(r), n: Number(n(r)) })));
    return {
      levels: rows(
        await db.selectFrom('nodeRollups').selectAll().execute(),
        (r) => [
          r.nodeId,
          r.sectorCode,
          r.month,
          r.scale,
          Number(r.level),
          r.category,
          Number(r.own),
        ],
        (r) => r.count,
      ),
      totals: rows(
        await db.selectFrom('nodeTotals').selectAll().execute(),
        (r) => [r.nodeId, r.month, r.scale, Number(r.level), r.category, r.channel],
        (r) => r.count,
      ),
      reasons: rows(
        await db.selectFrom('nodeReasonRollups').selectAll().execute(),
        (r) => [r.nodeId, r.sectorCode, r.month, r.reason, Number(r.own)],
        (r) => r.count,
      ),
      counters: rows(
        await db.selectFrom('counterRollups').selectAll().execute(),
        (r) => [r.counterId, r.month, r.scale, Number(r.level), r.category],
        (r) => r.count,
      ),
    };
  }

  it('equal a recount of the raw ratings at every node and counter, whatever came when', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        await reset();
        parents = [];
        await run(steps);
        const [want, got] = [await recount(), await counted()];
        expect(got).toEqual(want);
      }),
      { numRuns: dialect === 'sqlite' ? 40 : 20 },
    );
  }, 300_000);

  it('give the same figures whatever the batching and order of the same ratings', async () => {
    const ratings = fc.array(fresh, { minLength: 1, maxLength: 16 });
    await fc.assert(
      fc.asyncProperty(ratings, fc.nat(), fc.nat(), async (list, seedA, seedB) => {
        const figures = [];
        for (const seed of [seedA, seedB]) {
          await reset();
          parents = [];
          // The same ratings, shuffled and cut into batches by the seed.
          const order = [...list].sort((a, b) => hash(a, seed) - hash(b, seed));
          const batches: { store: typeof list }[] = [];
          for (let i = 0; i < order.length; i += 1 + (seed % 4)) {
            batches.push({ store: order.slice(i, i + 1 + (seed % 4)) });
          }
          await run(batches);
          figures.push(await counted());
        }
        expect(figures[1]).toEqual(figures[0]);
      }),
      { numRuns: dialect === 'sqlite' ? 20 : 10 },
    );
  }, 300_000);

  it('keep every counted rating in the rate and every other one out, category by category', async () => {
    await reset();
    parents = [];
    const one = (category: RollupCategory, level: number, channel: (typeof CHANNELS)[number]) => ({
      unit: 'xa-b' as const,
      code: 'ho-tich',
      april: true,
      level,
      reasons: [],
      channel,
      atCounter: false,
      category,
    });
    await run([
      {
        store: [
          one('counted', 5, 'tablet'),
          one('counted', 1, 'tablet'),
          one('unverified', 5, 'phone'),
          one('unverified', 4, 'phone'),
          one('unverified', 2, 'phone'),
          one('late', 5, 'staff'),
          one('repeat', 5, 'tablet'),
        ],
      },
    ]);
    const span = { from: '2026-04', to: '2026-04' };
    const totals = (await handle.repos.nodeRollups.nodeTotals(['tinh'], span)).get('tinh')!;
    expect(totals).toMatchObject({
      total: 2,
      satisfied: 1,
      unverified: 3,
      unverifiedSatisfied: 2,
      late: 1,
      repeats: 1,
    });
    expect(RATING_SCALES.five.levels.find((l) => l.level === 4)?.satisfied).toBe(true);
    const byChannel = await handle.repos.nodeRollups.channelCounts(['tinh'], span);
    const of = (channel: string) =>
      byChannel.filter((r) => r.channel === channel).reduce((sum, r) => sum + r.count, 0);
    expect([of('tablet'), of('phone'), of('staff')]).toEqual([3, 3, 1]);
  });
});

type StepValue = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** A stable pseudo-random rank of a rating under a seed. */
function hash(value: object, seed: number): number {
  let h = seed >>> 0;
  for (const ch of JSON.stringify(value))
    h = (Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0) % 2 ** 31;
  return h;
}
