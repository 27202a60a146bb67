import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workCalendar } from './holidays.ts';
import {
  addDays,
  addWorkingDays,
  dateOfDay,
  dayNumber,
  EMPTY_CALENDAR,
  formatIsoDate,
  isIsoDate,
  isWorkingDay,
  parseViDate,
  vnDateOf,
  weekday,
  workingDaysBetween,
  type IsoDate,
  type WorkCalendar,
} from './working-days.ts';
import { dateRange } from './holidays.ts';

/** Tết Ất Tỵ 2025 as announced (25/01–02/02, weekends included) and the 30/4 swap of 2025. */
const CALENDAR_2025: WorkCalendar = workCalendar([
  ...dateRange('2025-01-25', '2025-02-02').map((date) => ({ date, kind: 'off' as const })),
  ...dateRange('2025-04-30', '2025-05-04').map((date) => ({ date, kind: 'off' as const })),
  { date: '2025-04-26', kind: 'makeup' },
]);

const day = fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') });
const date = day.map(dateOfDay);
const holidays = fc.uniqueArray(date, { maxLength: 40 });
const offCalendar = holidays.map((dates) => ({ offDays: new Set(dates) }) satisfies WorkCalendar);
const n = fc.integer({ min: 0, max: 60 });

const isWeekend = (d: IsoDate) => weekday(d) === 0 || weekday(d) === 6;

describe('calendar dates', () => {
  it('round-trips day numbers and knows the weekday', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(weekday('2025-01-25')).toBe(6); // a Saturday
    expect(weekday('2026-02-17')).toBe(2); // mùng 1 Tết Bính Ngọ, a Tuesday
    fc.assert(fc.property(day, (d) => dayNumber(dateOfDay(d)) === d));
  });

  it('accepts only real dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('27-01-01')).toBe(false);
    expect(formatIsoDate('2025-09-02')).toBe('02/09/2025');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it("takes the date of an instant in Việt Nam, not the server's zone", () => {
    // 17:30 UTC on 31/12 is already 00:30 on 1/1 in Hà Nội.
    expect(vnDateOf(Date.UTC(2025, 11, 31, 17, 30))).toBe('2026-01-01');
    expect(vnDateOf(Date.UTC(2025, 11, 31, 16, 59))).toBe('2025-12-31');
  });
});

describe('working days', () => {
  it('counts from the day after receipt and skips weekends, Tết and the 30/4 holidays', () => {
    // Friday 24/01/2025, the last working day before Tết: day 1 is Monday 03/02.
    expect(addWorkingDays('2025-01-24', 1, CALENDAR_2025)).toBe('2025-02-03');
    expect(addWorkingDays('2025-01-24', 5, CALENDAR_2025)).toBe('2025-02-07');
    // Received Thursday 24/04/2025: Fri 25, Sat 26 (làm bù), Mon 28, Tue 29, then 30/4–4/5 off.
    expect(addWorkingDays('2025-04-24', 4, CALENDAR_2025)).toBe('2025-04-29');
    expect(addWorkingDays('2025-04-24', 5, CALENDAR_2025)).toBe('2025-05-05');
    expect(isWorkingDay('2025-04-26', CALENDAR_2025)).toBe(true);
    expect(addWorkingDays('2025-06-06', 0, EMPTY_CALENDAR)).toBe('2025-06-06');
    expect(() => addWorkingDays('2025-06-06', -1, EMPTY_CALENDAR)).toThrow(RangeError);
  });

  it('never falls due on a weekend or a day off', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), offCalendar, (start, k, calendar) => {
        const due = addWorkingDays(start, k, calendar);
        expect(isWeekend(due)).toBe(false);
        expect(calendar.offDays.has(due)).toBe(false);
      }),
    );
  });

  it('N working days from any day contain exactly N working days, the last on the due date', () => {
    fc.assert(
      fc.property(date, n, offCalendar, (start, k, calendar) => {
        const due = addWorkingDays(start, k, calendar);
        expect(workingDaysBetween(start, due, calendar)).toBe(k);
        // …and no earlier date would do.
        if (k > 0) expect(workingDaysBetween(start, addDays(due, -1), calendar)).toBe(k - 1);
      }),
    );
  });

  it('adding holidays never makes a deadline earlier', () => {
    fc.assert(
      fc.property(date, n, holidays, holidays, (start, k, some, more) => {
        const before = addWorkingDays(start, k, { offDays: new Set(some) });
        const after = addWorkingDays(start, k, { offDays: new Set([...some, ...more]) });
        expect(after >= before).toBe(true);
      }),
    );
  });

  it('is monotonic in N and in the start date', () => {
    fc.assert(
      fc.property(date, date, n, offCalendar, (a, b, k, calendar) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(early, k, calendar) <= addWorkingDays(late, k, calendar)).toBe(true);
        expect(addWorkingDays(a, k, calendar) < addWorkingDays(a, k + 1, calendar)).toBe(true);
      }),
    );
  });

  it('lands on a working day with make-up Saturdays too', () => {
    const makeup = fc.uniqueArray(
      date.filter((d) => weekday(d) === 6),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), holidays, makeup, (s, k, off, work) => {
        const calendar: WorkCalendar = { offDays: new Set(off), makeupDays: new Set(work) };
        const due = addWorkingDays(s, k, calendar);
        expect(isWorkingDay(due, calendar)).toBe(true);
        expect(workingDaysBetween(s, due, calendar)).toBe(k);
      }),
    );
  });
});

describe('parseViDate', () => {
  it.each([
    ['02/09/2026', '2026-09-02'],
    ['2/9/2026', '2026-09-02'],
    [' 30.04.2026 ', '2026-04-30'],
    ['31/02/2026', undefined],
    ['2026-09-02', undefined],
    ['09/02', undefined],
  ])('reads %s as %s', (text, iso) => {
    expect(parseViDate(text)).toBe(iso);
  });
});
