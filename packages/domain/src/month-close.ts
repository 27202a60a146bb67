/**
 * When a unit's month is closed (chốt số liệu tháng), issue 22 item 3. Each unit chooses the day of
 * the next month after which its month's figures no longer move: "số liệu tháng được chốt vào ngày
 * N của tháng sau" means ratings of that month arriving up to the end of day N (Việt Nam time) still
 * count, and later arrivals are kept apart as `late`. A unit that has not chosen has the default,
 * which the console states as such.
 *
 * A change to a unit's counting settings takes effect from the month after the one it is made in.
 * Since a month closes only in the month after it, the rule that closes a month is fixed before it
 * can close: a closed month never reopens, whatever is changed later.
 */
import { addMonths } from './tally-months.ts';

/** A unit's choices about what its official figures count. */
export interface CountingSettings {
  /** Day N of the next month: the month's figures close at the end of that day. */
  closeDay: number;
  /**
   * Phone ratings not tied to a dossier of the unit count in the official rate, up to a daily cap
   * (counting-rule.ts); off: they are kept apart as `unverified`.
   */
  includeUnverifiedPhone: boolean;
}

export const CLOSE_DAY_MIN = 1;
/** Every month has a 28th. */
export const CLOSE_DAY_MAX = 28;

/**
 * What a unit that has not chosen gets: its month closes at the end of the 10th of the next month
 * (tablets that were offline for a week still land in their month), and anonymous phone ratings
 * stay out of the official rate.
 */
export const DEFAULT_COUNTING_SETTINGS: Readonly<CountingSettings> = Object.freeze({
  closeDay: 10,
  includeUnverifiedPhone: false,
});

/** A unit's settings from `fromMonth` on, until a later change. */
export interface CountingSettingsChange extends CountingSettings {
  fromMonth: string;
}

/** The settings in force for `month`, and the month they were in force from (null: defaults). */
export function countingSettingsFor(
  history: readonly CountingSettingsChange[],
  month: string,
): CountingSettings & { fromMonth: string | null } {
  let found: CountingSettingsChange | undefined;
  for (const change of history) {
    if (change.fromMonth <= month && (!found || change.fromMonth > found.fromMonth)) found = change;
  }
  return found
    ? {
        closeDay: found.closeDay,
        includeUnverifiedPhone: found.includeUnverifiedPhone,
        fromMonth: found.fromMonth,
      }
    : { ...DEFAULT_COUNTING_SETTINGS, fromMonth: null };
}

/** Việt Nam is UTC+7 all year. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The instant `month`'s figures close: midnight (Việt Nam) after day `closeDay` of the next month. */
export function monthClosesAt(month: string, closeDay: number): number {
  const [year, index] = addMonths(month, 1).split('-').map(Number) as [number, number];
  return Date.UTC(year, index - 1, closeDay + 1) - VN_OFFSET_MS;
}

/** Whether `month` is closed at instant `at` under the settings in force for it. */
export function isMonthClosed(
  history: readonly CountingSettingsChange[],
  month: string,
  at: number,
): boolean {
  return at >= monthClosesAt(month, countingSettingsFor(history, month).closeDay);
}

/** The month a change made in `currentMonth` takes effect from. */
export function changeTakesEffect(currentMonth: string): string {
  return addMonths(currentMonth, 1);
}
