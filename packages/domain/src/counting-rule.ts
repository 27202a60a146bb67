/**
 * One voice per served citizen (issue 22 item 4). A rating made at the counter is a citizen the
 * unit served. A phone rating is anyone who scanned a poster, so it counts in the official rate
 * only when tied to a dossier of the unit — one the one-stop import gave the unit, or, when the
 * unit requires a code, one matching its pattern — and then once per dossier (dossier-latest.ts).
 * Every other phone rating is kept apart as `unverified`, with its own rate.
 *
 * A unit may choose to include them (month-close.ts: from the month after the choice), but only up
 * to a daily cap of 1 % of its average daily counted tablet ratings over the 28 days before,
 * rounded down: over a month of steady volume at most about 1 % of the counted ratings come that
 * way, and adding k ratings of any level to n moves a rate by at most k / (n + k), so an anonymous
 * flood from any number of addresses moves the official rate by at most one percentage point.
 * Beyond the cap a phone rating is `unverified`.
 */
import type { DossierModeCode } from './survey.ts';

/** How a phone rating is tied to the unit's dossiers. */
export type PhoneTie = 'imported' | 'pattern' | 'none';

export interface PhoneTieInput {
  unitId: string;
  dossierCode: string | null;
  /** The unit the one-stop import gives the code to; null when it is not imported. */
  owner: string | null;
  /** The unit's dossier setting, and whether the code matches its pattern. */
  dossierMode: DossierModeCode;
  matchesPattern: boolean;
}

/**
 * `imported`: a dossier of this unit in the one-stop import; `pattern`: not imported, but the unit
 * requires a code and this one matches its pattern; `none`: no code, a code the import gives to
 * another unit, or a code the unit does not require.
 */
export function phoneTie(input: PhoneTieInput): PhoneTie {
  if (input.dossierCode === null) return 'none';
  if (input.owner !== null) return input.owner === input.unitId ? 'imported' : 'none';
  return input.dossierMode === 'required' && input.matchesPattern ? 'pattern' : 'none';
}

/** Days of counted tablet ratings the cap is measured on, ending the day before. */
export const PHONE_CAP_WINDOW_DAYS = 28;

/**
 * Phone ratings without a dossier a unit that includes them may count on one day: 1 % of its
 * average daily counted tablet ratings over the window, rounded down (integers only, so no
 * rounding of a float decides it).
 */
export function phoneDailyCap(countedTabletInWindow: number): number {
  return Math.floor(countedTabletInWindow / (PHONE_CAP_WINDOW_DAYS * 100));
}

/** How many of `wanted` more the day still admits, having admitted `used` of `cap`. */
export function admitWithinCap(cap: number, used: number, wanted: number): number {
  return Math.max(0, Math.min(wanted, cap - used));
}
