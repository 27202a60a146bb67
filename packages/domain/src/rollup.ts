/**
 * The monthly rollup the tally reads instead of raw ratings: one counter per
 * unit × sector × month × level × category, kept in the same transaction as the ratings it counts.
 */

/**
 * counted: in the official rate; repeat: a possible repeat press; bad_clock: device clock far off;
 * superseded: a later rating of the same dossier counts instead.
 */
export const ROLLUP_CATEGORIES = ['counted', 'repeat', 'bad_clock', 'superseded'] as const;
export type RollupCategory = (typeof ROLLUP_CATEGORIES)[number];

export interface RatingRollupRow {
  unitId: string;
  sectorId: string;
  /** Calendar month in Asia/Ho_Chi_Minh, "YYYY-MM". */
  month: string;
  level: number;
  category: RollupCategory;
  count: number;
}

export interface ReasonRollupRow {
  unitId: string;
  sectorId: string;
  month: string;
  reason: string;
  count: number;
}

const monthFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
});

/** The calendar month of an instant in Việt Nam, "YYYY-MM". */
export function monthOf(epochMs: number): string {
  return monthFormat.format(new Date(epochMs)).slice(0, 7);
}
