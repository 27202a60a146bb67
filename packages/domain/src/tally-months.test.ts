import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatMonth,
  isMonth,
  monthRange,
  monthsBetween,
  yearOfMonth,
} from './tally-months.ts';

describe('months', () => {
  it('checks the shape', () => {
    expect(isMonth('2026-11')).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '']) {
      expect(isMonth(bad), bad).toBe(false);
    }
  });

  it('steps across years both ways', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-01', -25)).toBe('2023-12');
    expect(monthsBetween('2025-12', '2026-11')).toBe(11);
  });

  it('lists a range inclusively, and nothing when reversed', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-02')).toEqual(['2026-02']);
    expect(monthRange('2026-03', '2026-02')).toEqual([]);
  });

  it('gives the year and the Vietnamese form', () => {
    expect(yearOfMonth('2026-03')).toBe(2026);
    expect(formatMonth('2026-03')).toBe('03/2026');
    expect(() => formatMonth('2026-3')).toThrow(RangeError);
  });
});
