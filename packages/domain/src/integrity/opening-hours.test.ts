import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPENING_HOURS,
  describeOpeningHours,
  formatClock,
  isOpenAt,
  parseClock,
} from './opening-hours.ts';

describe('opening hours', () => {
  it.each([
    ['7:30', 450],
    ['07:30', 450],
    ['7h30', 450],
    ['13g30', 810],
    ['17', 1020],
    [' 0:00 ', 0],
    ['24:00', 1440],
  ])('reads %j as %i minutes after midnight', (text, minute) => {
    expect(parseClock(text)).toBe(minute);
  });

  it.each(['', '7:3', '25:00', '24:30', '7:60', 'bảy giờ', '7:30 sáng', '-1:00'])(
    'refuses %j',
    (text) => {
      expect(parseClock(text)).toBeNull();
    },
  );

  it('writes a time back as it reads it', () => {
    for (const minute of [0, 450, 810, 1020, 1439]) {
      expect(parseClock(formatClock(minute))).toBe(minute);
    }
  });

  it('keeps the default hours, Việt Nam time, closed on Saturday and Sunday', () => {
    expect(isOpenAt(DEFAULT_OPENING_HOURS, Date.parse('2026-11-23T07:30:00+07:00'))).toBe(true);
    expect(isOpenAt(DEFAULT_OPENING_HOURS, Date.parse('2026-11-23T11:30:00+07:00'))).toBe(false);
    expect(isOpenAt(DEFAULT_OPENING_HOURS, Date.parse('2026-11-28T08:00:00+07:00'))).toBe(false);
    expect(describeOpeningHours(DEFAULT_OPENING_HOURS)).toBe(
      'thứ Hai đến thứ Sáu 7:30–11:30, 13:30–17:00',
    );
  });
});
