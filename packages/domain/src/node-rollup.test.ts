import { describe, expect, it } from 'vitest';
import { netDeltas, nodeRollupDeltas, scaleInForce, type NodeStoredRating } from './node-rollup.ts';

const rating = (fields: Partial<NodeStoredRating> = {}): NodeStoredRating => ({
  unitId: 'xa-a',
  sectorCode: 'ho-tich',
  scale: 'five',
  month: '2026-03',
  level: 5,
  category: 'counted',
  reasons: [],
  counterId: null,
  channel: 'tablet',
  storedAt: 0,
  ...fields,
});

/** xa-a and xa-b under the province; the centre is a root of its own. */
const ancestors: Record<string, string[]> = {
  'xa-a': ['xa-a', 'tinh'],
  'xa-b': ['xa-b', 'tinh'],
  'trung-tam': ['trung-tam'],
};
const nodesOf = (unitId: string) => ancestors[unitId] ?? [unitId];

describe('scaleInForce', () => {
  const changes = [
    { fromMonth: '2026-04', scale: 'three' as const },
    { fromMonth: '2000-01', scale: 'five' as const },
    { fromMonth: '2026-09', scale: 'five' as const },
  ];
  it.each([
    ['2025-12', 'five'],
    ['2026-03', 'five'],
    ['2026-04', 'three'],
    ['2026-08', 'three'],
    ['2026-09', 'five'],
    ['2030-01', 'five'],
  ] as const)('in %s the scale is %s', (month, scale) => {
    expect(scaleInForce(changes, month, 'three')).toBe(scale);
  });

  it('falls back to the unit’s scale before any change, or without any', () => {
    expect(scaleInForce([{ fromMonth: '2026-04', scale: 'three' }], '2026-01', 'five')).toBe(
      'five',
    );
    expect(scaleInForce([], '2026-01', 'three')).toBe('three');
  });
});

describe('nodeRollupDeltas', () => {
  it('counts a rating at its unit and every ancestor, once per key', () => {
    const { levels } = nodeRollupDeltas(
      [rating(), rating(), rating({ unitId: 'xa-b' }), rating({ unitId: 'trung-tam', level: 1 })],
      nodesOf,
    );
    const count = (nodeId: string, level = 5) =>
      levels.find((r) => r.nodeId === nodeId && r.level === level)?.count;
    expect(count('xa-a')).toBe(2);
    expect(count('xa-b')).toBe(1);
    expect(count('tinh')).toBe(3);
    expect(count('trung-tam', 1)).toBe(1);
    expect(levels).toHaveLength(4);
  });

  it('keys by sector code, month, scale, level and category', () => {
    const { levels } = nodeRollupDeltas(
      [
        rating(),
        rating({ sectorCode: 'chung-thuc' }),
        rating({ month: '2026-04' }),
        rating({ scale: 'three', level: 3 }),
        rating({ category: 'repeat' }),
      ],
      () => ['n'],
    );
    expect(levels).toHaveLength(5);
    expect(levels.every((r) => r.count === 1)).toBe(true);
    expect(levels.find((r) => r.category === 'repeat')).toEqual({
      nodeId: 'n',
      sectorCode: 'ho-tich',
      month: '2026-03',
      scale: 'five',
      level: 5,
      category: 'repeat',
      own: 0,
      count: 1,
    });
  });

  it('marks the counters of the rating’s own unit apart from its ancestors’', () => {
    const { levels, reasons } = nodeRollupDeltas(
      [rating({ level: 1, reasons: ['waiting_time'] }), rating({ unitId: 'xa-b' })],
      nodesOf,
    );
    const own = (rows: { nodeId: string; own: number; count: number }[]) =>
      rows.map((r) => `${r.nodeId}:${r.own}`).sort();
    expect(own(levels)).toEqual(['tinh:0', 'tinh:0', 'xa-a:1', 'xa-b:1']);
    expect(own(reasons)).toEqual(['tinh:0', 'xa-a:1']);
  });

  it('counts reasons of ratings in the rate only, at every node', () => {
    const { reasons } = nodeRollupDeltas(
      [
        rating({ level: 1, reasons: ['waiting_time', 'came_back'] }),
        rating({ level: 2, reasons: ['waiting_time'] }),
        rating({ level: 1, reasons: ['waiting_time'], category: 'repeat' }),
        rating({ level: 1, reasons: ['waiting_time'], category: 'bad_clock' }),
      ],
      nodesOf,
    );
    const count = (nodeId: string, reason: string) =>
      reasons.find((r) => r.nodeId === nodeId && r.reason === reason)?.count;
    expect(count('xa-a', 'waiting_time')).toBe(2);
    expect(count('tinh', 'waiting_time')).toBe(2);
    expect(count('tinh', 'came_back')).toBe(1);
    expect(reasons).toHaveLength(4);
  });

  it('counts at the counter when the tablet was bound to one, whatever the category', () => {
    const { counters } = nodeRollupDeltas(
      [
        rating({ counterId: 'quay-1' }),
        rating({ counterId: 'quay-1', category: 'repeat' }),
        rating({ counterId: 'quay-1' }),
        rating({ counterId: 'quay-2', unitId: 'xa-b', scale: 'three', level: 2 }),
        rating(),
      ],
      nodesOf,
    );
    expect(counters).toEqual([
      {
        counterId: 'quay-1',
        month: '2026-03',
        scale: 'five',
        level: 5,
        category: 'counted',
        count: 2,
      },
      {
        counterId: 'quay-1',
        month: '2026-03',
        scale: 'five',
        level: 5,
        category: 'repeat',
        count: 1,
      },
      {
        counterId: 'quay-2',
        month: '2026-03',
        scale: 'three',
        level: 2,
        category: 'counted',
        count: 1,
      },
    ]);
  });

  it('writes nothing for no ratings', () => {
    expect(nodeRollupDeltas([], nodesOf)).toEqual({
      levels: [],
      totals: [],
      reasons: [],
      counters: [],
    });
  });

  it('counts at the tree the rating was stored under', () => {
    const moved = (unitId: string, storedAt: number) =>
      storedAt < 100 ? nodesOf(unitId) : [unitId, 'trung-tam'];
    const { levels } = nodeRollupDeltas([rating(), rating({ storedAt: 200 })], moved);
    expect(levels.map((r) => `${r.nodeId}=${r.count}`).sort()).toEqual([
      'tinh=1',
      'trung-tam=1',
      'xa-a=2',
    ]);
  });
});

describe('node totals', () => {
  it('sum the level counters over sector codes, each channel apart', () => {
    const { levels, totals } = nodeRollupDeltas(
      [
        rating({ sectorCode: 'ho-tich' }),
        rating({ sectorCode: 'chung-thuc' }),
        rating({ sectorCode: 'chung-thuc', level: 4 }),
        rating({ unitId: 'xa-b', month: '2026-04', channel: 'phone' }),
        rating({ category: 'unverified', channel: 'phone' }),
        rating({ channel: 'staff' }),
      ],
      nodesOf,
    );
    const key = (r: { nodeId: string; month: string; level: number; category: string }) =>
      `${r.nodeId} ${r.month} ${r.level} ${r.category}`;
    const totalOf = new Map(totals.map((r) => [`${key(r)} ${r.channel}`, r.count]));
    expect(totalOf).toEqual(
      new Map([
        ['xa-a 2026-03 5 counted tablet', 2],
        ['tinh 2026-03 5 counted tablet', 2],
        ['xa-a 2026-03 4 counted tablet', 1],
        ['tinh 2026-03 4 counted tablet', 1],
        ['xa-b 2026-04 5 counted phone', 1],
        ['tinh 2026-04 5 counted phone', 1],
        ['xa-a 2026-03 5 unverified phone', 1],
        ['tinh 2026-03 5 unverified phone', 1],
        ['xa-a 2026-03 5 counted staff', 1],
        ['tinh 2026-03 5 counted staff', 1],
      ]),
    );
    // Nothing is lost or made up: the totals add to the sector counters.
    const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
    expect(sum(totals)).toBe(sum(levels));
  });
});

describe('netDeltas', () => {
  it('nets what a change takes away against what it adds, leaving out what cancels', () => {
    const before = rating({ level: 2, reasons: ['waiting_time'], counterId: 'quay-1' });
    const after = { ...before, reasons: ['came_back'] };
    const net = netDeltas(
      nodeRollupDeltas([before], nodesOf, -1),
      nodeRollupDeltas([after], nodesOf),
    );
    expect(net.levels).toEqual([]);
    expect(net.totals).toEqual([]);
    expect(net.counters).toEqual([]);
    expect(net.reasons.map((r) => `${r.nodeId} ${r.reason} ${r.count}`).sort()).toEqual([
      'tinh came_back 1',
      'tinh waiting_time -1',
      'xa-a came_back 1',
      'xa-a waiting_time -1',
    ]);
  });
});
