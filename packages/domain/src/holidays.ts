/**
 * The holiday calendar (lịch nghỉ lễ, Tết) that deadlines are counted against. The law fixes the
 * holidays (Bộ luật Lao động 2019, Điều 112: Tết Dương lịch, 5 days of Tết Nguyên đán, Giỗ Tổ Hùng
 * Vương 10/3 âm lịch, 30/4, 1/5, 2/9 and one adjoining day); each year the Government announces the
 * actual days off for civil servants, including swaps (hoán đổi) paid back on a Saturday (làm bù).
 * Admins keep the calendar current; entries for years not yet announced carry a note "dự kiến".
 */
import { isIsoDate, type IsoDate, type WorkCalendar } from './working-days.ts';

/** off: a day off (lễ, Tết, nghỉ bù, hoán đổi); makeup: a Saturday worked instead (làm bù). */
export const HOLIDAY_KINDS = ['off', 'makeup'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const HOLIDAY_KIND_LABELS: Readonly<Record<HolidayKind, { vi: string; en: string }>> = {
  off: { vi: 'Ngày nghỉ', en: 'Day off' },
  makeup: { vi: 'Ngày làm bù', en: 'Make-up working day' },
};

export interface HolidayEntry {
  date: IsoDate;
  /** e.g. "Tết Nguyên đán", "Giỗ Tổ Hùng Vương (nghỉ bù)". */
  name: string;
  kind: HolidayKind;
  /** e.g. "dự kiến" for a year whose schedule is not yet announced. */
  note: string | null;
}

/** The calendar the deadline functions take, built from the stored entries. */
export function workCalendar(
  entries: readonly Pick<HolidayEntry, 'date' | 'kind'>[],
): WorkCalendar {
  const offDays = new Set<IsoDate>();
  const makeupDays = new Set<IsoDate>();
  for (const entry of entries) (entry.kind === 'off' ? offDays : makeupDays).add(entry.date);
  return { offDays, makeupDays };
}

/** Every date from `from` to `to` inclusive, for entering a multi-day holiday such as Tết. */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError(`bad range ${from}–${to}`);
  const dates: IsoDate[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); ; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    if (date > to) break;
    dates.push(date);
  }
  return dates;
}
