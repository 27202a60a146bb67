import { describe, expect, it } from 'vitest';
import {
  changeTakesEffect,
  countingSettingsFor,
  DEFAULT_COUNTING_SETTINGS,
  isMonthClosed,
  monthClosesAt,
  type CountingSettingsChange,
} from './month-close.ts';

/** An instant in Việt Nam (UTC+7). */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

describe('monthClosesAt', () => {
  it('is midnight in Việt Nam after day N of the next month', () => {
    expect(monthClosesAt('2026-11', 10)).toBe(vn('2026-12-11T00:00:00'));
    expect(monthClosesAt('2026-12', 1)).toBe(vn('2027-01-02T00:00:00'));
    expect(monthClosesAt('2027-01', 28)).toBe(vn('2027-03-01T00:00:00'));
  });
});

describe('countingSettingsFor', () => {
  const history: CountingSettingsChange[] = [
    { fromMonth: '2026-12', closeDay: 5, includeUnverifiedPhone: true },
    { fromMonth: '2026-09', closeDay: 20, includeUnverifiedPhone: false },
  ];

  it('gives the defaults before any choice, then the latest change in force', () => {
    expect(countingSettingsFor(history, '2026-08')).toEqual({
      ...DEFAULT_COUNTING_SETTINGS,
      fromMonth: null,
    });
    expect(countingSettingsFor(history, '2026-11')).toMatchObject({
      closeDay: 20,
      fromMonth: '2026-09',
    });
    expect(countingSettingsFor(history, '2027-03')).toMatchObject({
      closeDay: 5,
      includeUnverifiedPhone: true,
    });
  });
});

describe('isMonthClosed', () => {
  it('closes a month at the end of the close day it had, never reopening it', () => {
    const history: CountingSettingsChange[] = [];
    expect(isMonthClosed(history, '2026-11', vn('2026-12-10T23:59:59'))).toBe(false);
    expect(isMonthClosed(history, '2026-11', vn('2026-12-11T00:00:00'))).toBe(true);
    // On 15/12 the unit chooses day 20: it applies from January, so November stays closed and
    // December closes on 20/01.
    history.push({
      fromMonth: changeTakesEffect('2026-12'),
      closeDay: 20,
      includeUnverifiedPhone: false,
    });
    expect(isMonthClosed(history, '2026-11', vn('2026-12-15T09:00:00'))).toBe(true);
    expect(isMonthClosed(history, '2026-12', vn('2027-01-15T09:00:00'))).toBe(true);
    expect(isMonthClosed(history, '2027-01', vn('2027-02-15T09:00:00'))).toBe(false);
    expect(isMonthClosed(history, '2027-01', vn('2027-02-21T00:00:00'))).toBe(true);
  });

  it('never closes the month in progress', () => {
    expect(isMonthClosed([], '2026-12', vn('2026-12-31T23:59:59'))).toBe(false);
  });
});
