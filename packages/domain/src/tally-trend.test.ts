import { describe, expect, it } from 'vitest';
import { tallyTrend } from './tally-trend.ts';

describe('tallyTrend', () => {
  it('gives every month a point, empty months included, against each year’s target', () => {
    const trend = tallyTrend({
      months: ['2025-12', '2026-01', '2026-02'],
      units: [{ id: 'tp', name: 'Sở Tư pháp', scale: 'five' }],
      rollups: [
        { unitId: 'tp', sectorId: 'a', month: '2025-12', level: 5, category: 'counted', count: 9 },
        { unitId: 'tp', sectorId: 'b', month: '2025-12', level: 2, category: 'counted', count: 1 },
        { unitId: 'tp', sectorId: 'a', month: '2026-02', level: 4, category: 'counted', count: 19 },
        { unitId: 'tp', sectorId: 'a', month: '2026-02', level: 1, category: 'counted', count: 1 },
        { unitId: 'tp', sectorId: 'a', month: '2026-02', level: 1, category: 'repeat', count: 4 },
      ],
      targetBpOf: (month) => (month.startsWith('2025') ? 9000 : 9500),
    });
    const points = trend.units[0]!.points;
    expect(points.map((p) => [p.month, p.total, p.satisfied, p.met])).toEqual([
      ['2025-12', 10, 9, true],
      ['2026-01', 0, 0, null],
      ['2026-02', 20, 19, true],
    ]);
    expect(points[2]).toMatchObject({ targetBp: 9500, repeats: 4 });
    expect(trend.overall.map((p) => p.total)).toEqual([10, 0, 20]);
  });
});
