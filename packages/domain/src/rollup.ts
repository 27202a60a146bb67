/**
 * What a stored rating counts as (its category) and the month it counts in: the keys of the tree's
 * counters (node-rollup.ts), kept in the same transaction as the ratings they count.
 */

/**
 * counted: in the official rate; repeat: a possible repeat press; bad_clock: device clock far off;
 * superseded: a later rating of the same dossier counts instead; unverified: a phone rating not
 * tied to a dossier of its unit (counting-rule.ts), shown apart with its own rate; late: arrived
 * after its unit's month was closed (month-close.ts), shown as a "late" line, never in the closed
 * figure; excluded: a supervisor excluded it with a reason after an integrity check (issue 25 item 5,
 * integrity_exclusions holds the reason). Every category but `counted` is out of the official rate.
 */
export const ROLLUP_CATEGORIES = [
  'counted',
  'repeat',
  'bad_clock',
  'superseded',
  'unverified',
  'late',
  'excluded',
] as const;
export type RollupCategory = (typeof ROLLUP_CATEGORIES)[number];

const monthFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
});

/** The calendar month of an instant in Việt Nam, "YYYY-MM". */
export function monthOf(epochMs: number): string {
  return monthFormat.format(new Date(epochMs)).slice(0, 7);
}
