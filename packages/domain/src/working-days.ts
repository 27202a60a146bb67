/**
 * Working days (ngày làm việc) for legal deadlines: Saturdays, Sundays and the announced days off
 * do not count (Bộ luật Lao động 2019, Điều 111–112); a Saturday announced as a make-up working
 * day (ngày làm bù, when the Government swaps a Friday for a Saturday) does.
 *
 * Dates are calendar dates as 'YYYY-MM-DD' strings — the day as it is in Việt Nam — so that
 * deadlines never move with the server's time zone. Internally a date is a day number (days since
 * 1970-01-01), which makes arithmetic exact.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written as 'YYYY-MM-DD' (no 2025-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(day).toISOString().slice(0, 10) === text;
}

/**
 * A date as Vietnamese write it, dd/mm/yyyy (02/9/2026 and 2/9/2026 too), as 'YYYY-MM-DD';
 * undefined when it is not a real date.
 */
export function parseViDate(text: string): IsoDate | undefined {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** The 'YYYY-MM-DD' date of a day number. */
export function dateOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDay(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** The days off (lễ, Tết, nghỉ bù, hoán đổi) and make-up working days (làm bù) of the calendar. */
export interface WorkCalendar {
  offDays: ReadonlySet<IsoDate>;
  makeupDays?: ReadonlySet<IsoDate>;
}

export const EMPTY_CALENDAR: WorkCalendar = { offDays: new Set() };

export function isWorkingDay(date: IsoDate, calendar: WorkCalendar): boolean {
  if (calendar.makeupDays?.has(date)) return true;
  if (calendar.offDays.has(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/** Far more than any legal deadline; stops a calendar that marks every day off from looping. */
const MAX_SCAN_DAYS = 3660;

/**
 * The date `n` working days after `start`: counting begins the day after `start` (the day of
 * receipt does not count), and the result is itself a working day. `n = 0` gives `start`.
 */
export function addWorkingDays(start: IsoDate, n: number, calendar: WorkCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be ≥ 0, got ${n}`);
  let day = dayNumber(start);
  let left = n;
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError('calendar has no working days');
    day += 1;
    if (isWorkingDay(dateOfDay(day), calendar)) left -= 1;
  }
  return dateOfDay(day);
}

/** How many working days d there are with from < d ≤ to (0 when to ≤ from). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkCalendar): number {
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= dayNumber(to); day++) {
    if (isWorkingDay(dateOfDay(day), calendar)) count += 1;
  }
  return count;
}

const vnDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Việt Nam (Asia/Ho_Chi_Minh) of an instant, 'YYYY-MM-DD'. */
export function vnDateOf(epochMs: number): IsoDate {
  return vnDate.format(new Date(epochMs));
}

/** 'YYYY-MM-DD' as dd/mm/yyyy, the way Vietnamese documents write dates. */
export function formatIsoDate(date: IsoDate): string {
  const m = ISO_DATE.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}
