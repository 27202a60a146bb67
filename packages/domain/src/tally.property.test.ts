import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLLUP_CATEGORIES, type RatingRollupRow } from './rollup.ts';
import { RATING_SCALES } from './scales.ts';
import { strictestTargetBp, tallyMonth, type TallyUnitInput } from './tally.ts';
import { tallyTrend } from './tally-trend.ts';
import { figuresOf, ZERO_COUNTS, type Figures } from './tally-figures.ts';

const MONTHS = ['2026-10', '2026-11'];

/** Up to 4 units of either scale with up to 5 sectors, and rollup rows over them and beyond. */
const world = fc
  .array(
    fc.record({
      scale: fc.constantFrom('five' as const, 'three' as const),
      sectors: fc.integer({ min: 0, max: 5 }),
      targetBp: fc.integer({ min: 0, max: 10_000 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .chain((specs) => {
    const units: TallyUnitInput[] = specs.map((spec, u) => ({
      id: `u${u}`,
      name: `Đơn vị ${u}`,
      scale: spec.scale,
      sectors: Array.from({ length: spec.sectors }, (_, s) => ({
        id: `u${u}s${s}`,
        name: `Lĩnh vực ${s}`,
        targetBp: spec.targetBp,
      })),
    }));
    const rowArb: fc.Arbitrary<RatingRollupRow> = fc.record({
      unitId: fc.constantFrom(...units.map((u) => u.id), 'elsewhere'),
      sectorId: fc.constantFrom('u0s0', 'u0s1', 'u1s0', 'u2s3', 'u3s4', 'stray'),
      month: fc.constantFrom(...MONTHS),
      level: fc.integer({ min: 1, max: 5 }),
      category: fc.constantFrom(...ROLLUP_CATEGORIES),
      count: fc.integer({ min: 0, max: 1_000_000 }),
    });
    return fc.tuple(fc.constant(units), fc.array(rowArb, { maxLength: 60 }));
  });

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const FIGURE_KEYS = Object.keys(figuresOf(ZERO_COUNTS, 9000, 30)) as (keyof Figures)[];

/** Only the figures of a point, a unit's totals or the overall cell, to compare them. */
const figures = (cell: Figures) => Object.fromEntries(FIGURE_KEYS.map((k) => [k, cell[k]]));

describe('tallyMonth, for any rollup rows', () => {
  it('adds sectors up to units, units up to the whole, and loses no rating', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 1, max: 100 }), ([units, rows], minSample) => {
        const tally = tallyMonth({
          month: '2026-11',
          units,
          rollups: rows,
          reasons: [],
          targetBp: 9000,
          minSample,
        });
        for (const unit of tally.units) {
          for (const field of [
            'total',
            'satisfied',
            'repeats',
            'badClock',
            'superseded',
            'otherLevels',
          ] as const) {
            expect(unit.totals[field]).toBe(sum(unit.sectors.map((s) => s[field])));
          }
          unit.totals.levels.forEach((level, i) =>
            expect(level.count).toBe(sum(unit.sectors.map((s) => s.levels[i]!.count))),
          );
          expect(unit.totals.total).toBe(sum(unit.totals.levels.map((l) => l.count)));
          for (const sector of unit.sectors) {
            expect(sector.satisfied).toBeLessThanOrEqual(sector.total);
            expect(sector.tooFew).toBe(sector.total < minSample);
            if (sector.rate !== null) {
              expect(sector.interval!.low).toBeLessThanOrEqual(sector.rate);
              expect(sector.rate).toBeLessThanOrEqual(sector.interval!.high);
            }
          }
        }
        expect(tally.overall.total).toBe(sum(tally.units.map((u) => u.totals.total)));
        expect(tally.overall.satisfied).toBe(sum(tally.units.map((u) => u.totals.satisfied)));
        const inScope = rows.filter(
          (r) => r.month === '2026-11' && units.some((u) => u.id === r.unitId),
        );
        const o = tally.overall;
        expect(o.total + o.repeats + o.badClock + o.superseded + o.otherLevels).toBe(
          sum(inScope.map((r) => r.count)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('counts satisfied answers exactly as the scale marks them', () => {
    fc.assert(
      fc.property(world, ([units, rows]) => {
        const tally = tallyMonth({
          month: '2026-11',
          units,
          rollups: rows,
          reasons: [],
          targetBp: 9000,
        });
        tally.units.forEach((unit) => {
          const satisfiedLevels = RATING_SCALES[unit.scale].levels.filter((l) => l.satisfied);
          const expected = sum(
            unit.totals.levels
              .filter((l) => satisfiedLevels.some((s) => s.level === l.level))
              .map((l) => l.count),
          );
          expect(unit.totals.satisfied).toBe(expected);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the trend, month by month', () => {
    fc.assert(
      fc.property(world, ([units, rows]) => {
        const targetOf = (unitId: string | null) =>
          strictestTargetBp(
            units.filter((u) => unitId === null || u.id === unitId).flatMap((u) => u.sectors),
            9000,
          );
        const trend = tallyTrend({
          months: MONTHS,
          units,
          rollups: rows,
          targetBpOf: (_month, unitId) => targetOf(unitId),
        });
        for (const month of MONTHS) {
          const tally = tallyMonth({ month, units, rollups: rows, reasons: [], targetBp: 9000 });
          const i = MONTHS.indexOf(month);
          tally.units.forEach((unit, u) => {
            expect(figures(trend.units[u]!.points[i]!)).toEqual(figures(unit.totals));
          });
          expect(figures(trend.overall[i]!)).toEqual(figures(tally.overall));
        }
      }),
      { numRuns: 200 },
    );
  });
});
