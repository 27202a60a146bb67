import { describe, expect, it } from 'vitest';
import { tallyCounters } from './counter-tally.ts';
import { tallyNodeTrend } from './node-trend.ts';

const TARGET = { targetBp: 9500, source: 'overall' } as const;

describe('tallyCounters', () => {
  const counters = [
    { id: 'q1', code: 'quay-1', name: 'Quầy 1', archived: false },
    { id: 'q2', code: 'quay-2', name: 'Quầy 2', archived: false },
    { id: 'q9', code: 'quay-9', name: 'Quầy cũ', archived: true },
    { id: 'q8', code: 'quay-8', name: 'Quầy bỏ', archived: true },
  ];

  it('gives each counter its figures against the unit’s target, in the order given', () => {
    const rows = tallyCounters({
      counters,
      rows: [
        { counterId: 'q1', scale: 'five', level: 5, category: 'counted', count: 19 },
        { counterId: 'q1', scale: 'five', level: 2, category: 'counted', count: 1 },
        { counterId: 'q1', scale: 'five', level: 5, category: 'repeat', count: 4 },
        { counterId: 'q9', scale: 'five', level: 4, category: 'counted', count: 2 },
        { counterId: 'gone', scale: 'five', level: 4, category: 'counted', count: 2 },
      ],
      target: TARGET,
      scale: 'five',
      minSample: 10,
    });
    expect(rows.map((r) => [r.name, r.total, r.satisfied, r.repeats, r.met, r.tooFew])).toEqual([
      ['Quầy 1', 20, 19, 4, true, false],
      ['Quầy 2', 0, 0, 0, null, true],
      ['Quầy cũ', 2, 2, 0, true, true],
    ]);
    expect(rows[0]).toMatchObject({ targetBp: 9500, targetSource: 'overall', scale: 'five' });
    expect(rows[0]!.levels?.map((l) => l.count)).toEqual([0, 1, 0, 0, 19]);
  });

  it('shows no levels for a counter whose answers span a change of scale', () => {
    const [row] = tallyCounters({
      counters: counters.slice(0, 1),
      rows: [
        { counterId: 'q1', scale: 'five', level: 5, category: 'counted', count: 1 },
        { counterId: 'q1', scale: 'three', level: 3, category: 'counted', count: 1 },
      ],
      target: TARGET,
      scale: 'three',
    });
    expect(row).toMatchObject({ total: 2, satisfied: 2, scale: null, levels: null });
  });
});

describe('tallyNodeTrend', () => {
  it('gives one point per month, empty months included, each against its year’s target', () => {
    const { points } = tallyNodeTrend({
      months: ['2025-12', '2026-01', '2026-02'],
      rows: [
        { month: '2025-12', scale: 'five', level: 5, category: 'counted', count: 9 },
        { month: '2025-12', scale: 'five', level: 1, category: 'counted', count: 1 },
        { month: '2026-02', scale: 'three', level: 1, category: 'counted', count: 1 },
        { month: '2026-02', scale: 'five', level: 4, category: 'counted', count: 3 },
        { month: '2027-01', scale: 'five', level: 4, category: 'counted', count: 3 },
      ],
      targetOf: (month) => (month < '2026-01' ? { targetBp: 9000, source: 'inherited' } : TARGET),
    });
    expect(points.map((p) => [p.month, p.total, p.satisfied, p.targetBp, p.targetSource])).toEqual([
      ['2025-12', 10, 9, 9000, 'inherited'],
      ['2026-01', 0, 0, 9500, 'overall'],
      ['2026-02', 4, 3, 9500, 'overall'],
    ]);
  });
});
