/**
 * Rules of the catalogue (danh mục: units, lĩnh vực, quầy) that do not need storage: what a code
 * may look like, which scale is in force in a month, and where an item lands when it is reordered.
 */
import { addMonths } from './tally-months.ts';

/**
 * A code: 1–40 lower-case ASCII letters, digits and dashes, not starting or ending with a dash.
 * Codes are stable identifiers in files and exports, so they stay ASCII ("so-tu-phap", "quay-1").
 */
export const CATALOGUE_CODE = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Whether `code` may name a new unit, sector or counter. */
export function isCatalogueCode(code: string): boolean {
  return CATALOGUE_CODE.test(code);
}

export interface ScaleFrom<S extends string = string> {
  /** "YYYY-MM": the first month this scale applies to. */
  fromMonth: string;
  scale: S;
}

/**
 * The scale in force in `month`: the one whose `fromMonth` is the latest not after it. Undefined
 * when every change starts later (or there is none). Order of `scales` does not matter.
 */
export function scaleAt<S extends string>(
  scales: readonly ScaleFrom<S>[],
  month: string,
): S | undefined {
  let best: ScaleFrom<S> | undefined;
  for (const entry of scales) {
    if (entry.fromMonth > month) continue;
    if (!best || entry.fromMonth > best.fromMonth) best = entry;
  }
  return best?.scale;
}

/**
 * The month a scale change made in `month` takes effect: the next one, so that a month's ratings
 * are all on one scale and history is never rewritten.
 */
export function scaleChangeMonth(month: string): string {
  return addMonths(month, 1);
}

/**
 * The order of siblings after moving `id` to `position` (0-based, clamped to the list). Returns
 * the input order unchanged when `id` is not among them.
 */
export function reorderIds(siblings: readonly string[], id: string, position: number): string[] {
  const from = siblings.indexOf(id);
  if (from < 0) return [...siblings];
  const rest = siblings.filter((s) => s !== id);
  const at = Math.max(0, Math.min(rest.length, Math.trunc(position)));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
