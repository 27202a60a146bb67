import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BoundedDate,
  BoundedMonth,
  BoundedYear,
  NodeTrendQuery,
  UnitsTrendQuery,
} from './index.ts';

const month = (year: number, m: number) =>
  `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;

describe('periods a request may name', () => {
  it.each([
    ['2026-11', true],
    ['2000-01', true],
    ['2100-12', true],
    ['1999-12', false],
    ['2101-01', false],
    ['0000-01', false],
    ['9999-12', false],
    ['2026-00', false],
    ['2026-13', false],
    ['-001-01', false],
    ['2026-1', false],
    ['', false],
  ])('month %j → %s', (value, ok) => {
    expect(BoundedMonth.safeParse(value).success).toBe(ok);
  });

  it('accepts exactly the months of the years 2000 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), (y, m) => {
        const ok = y >= 2000 && y <= 2100 && m >= 1 && m <= 12;
        expect(BoundedMonth.safeParse(month(y, m)).success).toBe(ok);
      }),
    );
  });

  it.each([
    ['2026', 2026],
    ['2000', 2000],
    ['2100', 2100],
    ['1999', null],
    ['0', null],
    ['-1', null],
    ['1e9', null],
    ['NaN', null],
    ['Infinity', null],
    ['2026.5', null],
    ['2026\n', null],
    ['2026 ', null],
    [' 2026', null],
    ['2026\t', null],
    ['2e3', null],
  ])('year %j → %s', (value, parsed) => {
    const result = BoundedYear.safeParse(value);
    expect(result.success ? result.data : null).toBe(parsed);
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['0100-01-01', false],
    ['9999-12-31', false],
  ])('date %j → %s', (value, ok) => {
    expect(BoundedDate.safeParse(value).success).toBe(ok);
  });

  it('bounds a trend range by its order and its span', () => {
    for (const query of [NodeTrendQuery, UnitsTrendQuery]) {
      const ok = (q: Record<string, string>) => query.safeParse(q).success;
      expect(ok({ from: '2024-01', to: '2026-12' })).toBe(true);
      expect(ok({ from: '2024-01', to: '2027-01' })).toBe(false);
      expect(ok({ from: '2026-12', to: '2026-01' })).toBe(false);
      expect(ok({ from: '2000-01', to: '2100-12' })).toBe(false);
      expect(ok({ from: '0000-01', to: '0000-02' })).toBe(false);
      expect(ok({ from: '2026-01' })).toBe(false);
    }
  });
});
