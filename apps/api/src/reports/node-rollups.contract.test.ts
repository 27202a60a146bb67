/**
 * The tree's counters on real databases of both dialects, written by the real sync path (the
 * property over every source and change is counters.contract.test.ts): after
 * ratings are stored into a small province, every node's counters equal a GROUP BY recount over
 * the raw ratings of its subtree (per sector code, month, scale in force, level and category), and
 * so do its reasons and its counters' figures; a move applies to ratings stored after it only; and
 * batches from many tablets at once add up exactly.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RatingRecord } from '@hailong/contracts';
import { ancestorsOf, buildTree, countsByNode, scaleInForce, type UnitTree } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { tabletRow } from '../../test/fixtures/rows.ts';
import { createSyncService } from '../ingest/sync.service.ts';
import type { DeviceRow, Repositories, UnitRow } from '../repositories/types.ts';

const T0 = Date.UTC(2026, 1, 1);
/** Received on 20 April 2026. */
const NOW = Date.UTC(2026, 3, 20, 3);

const unit = (id: string, parentId: string | null, kind: UnitRow['kind']): UnitRow => ({
  id,
  code: id,
  name: `Đơn vị ${id}`,
  kind,
  scale: 'five',
  sortOrder: 0,
  createdAt: T0,
  parentId,
  archivedAt: null,
  updatedAt: null,
});

/** tinh → { tt → tt-1, xa-a, xa-b }; xa-a used three levels until March. Sectors by code. */
const UNITS = [
  unit('tinh', null, 'province'),
  unit('tt', 'tinh', 'centre'),
  unit('tt-1', 'tt', 'other'),
  unit('xa-a', 'tinh', 'commune'),
  unit('xa-b', 'tinh', 'commune'),
];
const SECTORS: Record<string, string[]> = {
  tt: ['ho-tich', 'dat-dai'],
  'tt-1': ['ho-tich'],
  'xa-a': ['ho-tich', 'chung-thuc'],
  'xa-b': ['ho-tich', 'chung-thuc', 'dat-dai'],
};
const SCALES = [
  { unitId: 'xa-a', fromMonth: '2000-01', scale: 'three' as const, updatedAt: T0 },
  { unitId: 'xa-a', fromMonth: '2026-04', scale: 'five' as const, updatedAt: T0 },
];

interface RawCount {
  unitId: string;
  code: string;
  month: string;
  level: number;
  category: string;
  counterId: string | null;
  reasons: string;
  n: number | string;
}

describe.each(dialects)('node rollups on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  let devices: Map<string, DeviceRow>;
  let seq: Map<string, number>;
  let random: () => number;

  beforeEach(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
    for (const u of UNITS) await repos.catalogue.createUnit(u);
    for (const [unitId, codes] of Object.entries(SECTORS)) {
      for (const code of codes) {
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
    }
    for (const s of SCALES) await repos.catalogue.upsertUnitScale(s);
    await repos.catalogue.createCounter({
      id: 'quay-1',
      unitId: 'xa-a',
      code: 'quay-1',
      name: 'Quầy 1',
      sortOrder: 0,
      archivedAt: null,
      createdAt: T0,
      updatedAt: null,
    });
    devices = new Map();
    seq = new Map();
    for (const u of Object.keys(SECTORS)) {
      const device = tabletRow(`d-${u}`, u, T0, { counterId: u === 'xa-a' ? 'quay-1' : null });
      await repos.devices.createDevice(device);
      devices.set(u, device);
    }
    let state = 2026;
    random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
  });
  afterEach(() => handle.close());

  /** `count` ratings from the unit's tablet, in March and April, ten minutes apart. */
  function ratings(unitId: string, count: number): RatingRecord[] {
    const device = devices.get(unitId)!;
    return Array.from({ length: count }, () => {
      const n = (seq.get(unitId) ?? 0) + 1;
      seq.set(unitId, n);
      const codes = SECTORS[unitId]!;
      // xa-a's March ratings are on its three-level scale of then (ingest refuses a level off it).
      const april = random() < 0.5;
      const level = 1 + Math.floor(random() * (unitId === 'xa-a' && !april ? 3 : 5));
      return {
        id: randomUUID(),
        deviceId: device.id,
        seq: n,
        deviceTime: new Date(Date.UTC(2026, april ? 3 : 2, 2) + n * 600_000).toISOString(),
        schemaVersion: 1,
        kind: 'rating',
        sectorId: `${unitId}/${codes[Math.floor(random() * codes.length)]}`,
        level,
        reasons:
          level <= 2 ? (random() < 0.5 ? ['waiting_time'] : ['came_back', 'waiting_time']) : [],
        possibleRepeat: random() < 0.1,
      };
    });
  }

  async function upload(unitId: string, items: RatingRecord[]) {
    const sync = createSyncService(repos, () => NOW);
    const device = (await repos.devices.findById(devices.get(unitId)!.id))!;
    const { results } = await sync.sync(device, 1, items);
    expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
  }

  /** The raw ratings, grouped as far as the counters need. */
  async function rawCounts(): Promise<RawCount[]> {
    return handle.db
      .selectFrom('ratings as r')
      .innerJoin('sectors as s', 's.id', 'r.sectorId')
      .select((eb) => [
        'r.unitId',
        's.code',
        'r.month',
        'r.level',
        'r.category',
        'r.counterId',
        'r.reasons',
        eb.fn.countAll<number | string>().as('n'),
      ])
      .groupBy([
        'r.unitId',
        's.code',
        'r.month',
        'r.level',
        'r.category',
        'r.counterId',
        'r.reasons',
      ])
      .execute();
  }

  const scaleOf = (unitId: string, month: string) =>
    scaleInForce(
      SCALES.filter((s) => s.unitId === unitId),
      month,
      'five',
    );

  /** What every node's counters must be, from raw ratings and the tree they were stored under. */
  function expected(raw: RawCount[], tree: UnitTree) {
    const levels = new Map<string, number>();
    const reasons = new Map<string, number>();
    const counters = new Map<string, number>();
    const add = (map: Map<string, number>, key: string, n: number) =>
      map.set(key, (map.get(key) ?? 0) + n);
    for (const r of raw) {
      const n = Number(r.n);
      const scale = scaleOf(r.unitId, r.month);
      for (const node of ancestorsOf(tree, r.unitId)) {
        add(levels, [node, r.code, r.month, scale, r.level, r.category].join('|'), n);
        if (r.category !== 'counted' || r.reasons === '') continue;
        for (const reason of r.reasons.split(','))
          add(reasons, [node, r.code, r.month, reason].join('|'), n);
      }
      if (r.counterId)
        add(counters, [r.counterId, r.month, scale, r.level, r.category].join('|'), n);
    }
    return { levels, reasons, counters };
  }

  /** The counters, summed over what the recount does not key by (own, channel). */
  async function stored() {
    const asMap = <T>(rows: T[], key: (r: T) => unknown[], n: (r: T) => unknown) => {
      const out = new Map<string, number>();
      for (const r of rows)
        out.set(key(r).join('|'), (out.get(key(r).join('|')) ?? 0) + Number(n(r)));
      return new Map([...out].filter(([, count]) => count !== 0));
    };
    return {
      levels: asMap(
        await handle.db.selectFrom('nodeRollups').selectAll().execute(),
        (r) => [r.nodeId, r.sectorCode, r.month, r.scale, r.level, r.category],
        (r) => r.count,
      ),
      reasons: asMap(
        await handle.db.selectFrom('nodeReasonRollups').selectAll().execute(),
        (r) => [r.nodeId, r.sectorCode, r.month, r.reason],
        (r) => r.count,
      ),
      counters: asMap(
        await handle.db.selectFrom('counterRollups').selectAll().execute(),
        (r) => [r.counterId, r.month, r.scale, r.level, r.category],
        (r) => r.count,
      ),
    };
  }

  /** `node_totals` holds exactly `node_rollups` summed over sector codes (and channels). */
  async function expectTotalsOfRollups() {
    const key = (r: {
      nodeId: string;
      month: string;
      scale: string;
      level: number;
      category: string;
    }) => [r.nodeId, r.month, r.scale, Number(r.level), r.category].join('|');
    const summed = (rows: Parameters<typeof key>[0][] & { count: number | string | bigint }[]) => {
      const out = new Map<string, number>();
      for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + Number(r.count));
      return new Map([...out].filter(([, n]) => n !== 0));
    };
    const want = summed(await handle.db.selectFrom('nodeRollups').selectAll().execute());
    const got = summed(await handle.db.selectFrom('nodeTotals').selectAll().execute());
    expect(want.size).toBeGreaterThan(0);
    expect(got).toEqual(want);
  }

  it('counts every rating at its unit and each ancestor, as a recount of raw ratings does', async () => {
    for (const u of Object.keys(SECTORS)) await upload(u, ratings(u, 60));
    const want = expected(await rawCounts(), buildTree(UNITS));
    const got = await stored();
    expect(got).toEqual(want);
    // The province holds every rating; xa-a's March answers sit on the three-level scale.
    const total = (prefix: string) =>
      [...got.levels].filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
    expect(total('tinh|')).toBe(240);
    expect(total('tt|')).toBe(120);
    expect([...got.levels.keys()].some((k) => /^xa-a\|[^|]+\|2026-03\|three\|/.test(k))).toBe(true);
    expect([...got.levels.keys()].some((k) => /^xa-a\|[^|]+\|2026-03\|five\|/.test(k))).toBe(false);
    expect(got.counters.size).toBeGreaterThan(0);
    await expectTotalsOfRollups();
  });

  it('sums the counters of any nodes over any span as the domain would', async () => {
    for (const u of Object.keys(SECTORS)) await upload(u, ratings(u, 60));
    const rows = await handle.db.selectFrom('nodeRollups').selectAll().execute();
    const nodes = UNITS.map((u) => u.id);
    for (const span of [
      { from: '2026-03', to: '2026-03' },
      { from: '2026-01', to: '2026-12' },
      { from: '2026-04', to: '2026-06' },
    ]) {
      const inSpan = rows
        .filter((r) => r.month >= span.from && r.month <= span.to)
        .map((r) => ({ ...r, level: Number(r.level), count: Number(r.count) }));
      const totals = await repos.nodeRollups.nodeTotals(nodes, span);
      expect(totals).toEqual(countsByNode(inSpan));
      const sum = (
        keep: (r: (typeof inSpan)[number]) => boolean,
        key: (r: (typeof inSpan)[number]) => string,
      ) => {
        const out = new Map<string, number>();
        for (const r of inSpan.filter(keep)) out.set(key(r), (out.get(key(r)) ?? 0) + r.count);
        return out;
      };
      const bySector = await repos.nodeRollups.sectorCounts(['xa-a', 'xa-b'], span);
      expect(
        new Map(
          bySector.map((r) => [[r.sectorCode, r.scale, r.level, r.category].join('|'), r.count]),
        ),
      ).toEqual(
        sum(
          (r) => r.nodeId === 'xa-a' || r.nodeId === 'xa-b',
          (r) => [r.sectorCode, r.scale, r.level, r.category].join('|'),
        ),
      );
      const byMonth = await repos.nodeRollups.monthCounts(['tinh'], span);
      expect(
        new Map(byMonth.map((r) => [[r.month, r.scale, r.level, r.category].join('|'), r.count])),
      ).toEqual(
        sum(
          (r) => r.nodeId === 'tinh',
          (r) => [r.month, r.scale, r.level, r.category].join('|'),
        ),
      );
    }
    const march = await repos.nodeRollups.nodeCounts(['xa-a'], { from: '2026-03', to: '2026-03' });
    expect(new Set(march.map((r) => r.scale))).toEqual(new Set(['three']));
    expect(await repos.nodeRollups.nodeTotals([], { from: '2026-01', to: '2026-12' })).toEqual(
      new Map(),
    );
  });

  it('applies a move to ratings stored after it, never rewriting counted figures', async () => {
    await upload('tt-1', ratings('tt-1', 30));
    const before = await stored();
    // tt-1 leaves the centre for xa-b.
    await repos.catalogue.updateUnit('tt-1', { parentId: 'xa-b', updatedAt: NOW });
    await upload('tt-1', ratings('tt-1', 20));
    const after = await stored();
    const sum = (map: Map<string, number>, node: string) =>
      [...map].filter(([k]) => k.startsWith(`${node}|`)).reduce((n, [, v]) => n + v, 0);
    expect(sum(after.levels, 'tt')).toBe(sum(before.levels, 'tt'));
    expect(sum(after.levels, 'tt')).toBe(30);
    expect(sum(after.levels, 'xa-b')).toBe(20);
    expect(sum(after.levels, 'tt-1')).toBe(50);
    expect(sum(after.levels, 'tinh')).toBe(50);
  });

  it('adds up batches from many tablets at once, exactly and without deadlock', async () => {
    // Two tablets per unit, all uploading at once: every batch updates the province's rows.
    const extra = [...devices.values()].map((d) => ({
      ...d,
      id: `${d.id}-2`,
      tokenHash: `${d.tokenHash}-2`,
    }));
    for (const d of extra) await repos.devices.createDevice(d);
    const batches = [...devices.keys()].flatMap((u) => [
      { unitId: u, items: ratings(u, 80) },
      { unitId: u, items: ratings(u, 80) },
    ]);
    const sync = createSyncService(repos, () => NOW);
    const results = await Promise.all(
      batches.map(async ({ unitId, items }, i) => {
        const device = i % 2 === 0 ? devices.get(unitId)! : extra.find((d) => d.unitId === unitId)!;
        const renumbered = items.map((r, k) => ({ ...r, deviceId: device.id, seq: k + 1 }));
        const answer = await sync.sync((await repos.devices.findById(device.id))!, 1, renumbered);
        return answer.results;
      }),
    );
    expect(results.flat().every((r) => r.status === 'accepted')).toBe(true);
    expect(await stored()).toEqual(expected(await rawCounts(), buildTree(UNITS)));
    await expectTotalsOfRollups();
  });

  it('reads the catalogue as reports need it: every sector, and the history of renamed ones', async () => {
    await repos.catalogue.updateSector('xa-b/dat-dai', { archivedAt: NOW, updatedAt: NOW });
    const sectors = await repos.reportCatalogue.sectors();
    expect(sectors).toHaveLength(8);
    expect(sectors.find((s) => s.id === 'xa-b/dat-dai')).toEqual({
      id: 'xa-b/dat-dai',
      unitId: 'xa-b',
      code: 'dat-dai',
      name: 'dat-dai',
      sortOrder: 0,
      archivedAt: NOW,
    });
    const change = (
      id: string,
      entityId: string,
      at: number,
      month: string,
      action: 'create' | 'rename' | 'move',
      name: string,
    ) =>
      repos.catalogue.appendHistory({
        id,
        entityType: 'sector',
        entityId,
        at,
        month,
        action,
        name,
        parentId: null,
        actorId: null,
        details: {},
      });
    await change('h1', 'tt/ho-tich', T0, '2026-02', 'create', 'Hộ tịch');
    await change('h2', 'xa-a/ho-tich', T0, '2026-02', 'create', 'Hộ tịch');
    await change('h4', 'tt/ho-tich', T0 + 2, '2026-06', 'rename', 'Hộ tịch, chứng thực');
    await change('h3', 'tt/ho-tich', T0 + 1, '2026-04', 'rename', 'Hộ tịch - Quốc tịch');
    expect(await repos.reportCatalogue.renamedHistory()).toEqual([
      { entityType: 'sector', entityId: 'tt/ho-tich', month: '2026-02', name: 'Hộ tịch' },
      {
        entityType: 'sector',
        entityId: 'tt/ho-tich',
        month: '2026-04',
        name: 'Hộ tịch - Quốc tịch',
      },
      {
        entityType: 'sector',
        entityId: 'tt/ho-tich',
        month: '2026-06',
        name: 'Hộ tịch, chứng thực',
      },
    ]);
  });
});
