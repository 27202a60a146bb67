/**
 * The public, anonymised dataset of a unit's month (issue 25 item 3) and the figures a checkpoint
 * states about it. A row says when (Việt Nam day), where (sector code), what (level, on which
 * scale), how (channel) and whether it counts — never text, dossier code, officer or device.
 *
 * `recordHash` is SHA-256 of the canonical form (canonical-json.ts) of the row's other fields plus
 * the rating's id: distinct for every rating, and a citizen holding the id (on the receipt) can
 * recompute it and ask for the inclusion proof, while the id stays unpublished. The leaves of the
 * month's tree are the UTF-8 canonical forms of the rows, sorted by `recordHash`: every published
 * field is under the root, so changing, adding or removing a row changes it.
 */
import type { RollupCategory } from '../rollup.ts';
import { findLevel, RATING_SCALES, type ScaleId } from '../scales.ts';
import { canonicalJson } from './canonical-json.ts';
import { leafHash, rootOfLeafHashes } from './merkle.ts';
import { sha256, toHex, utf8 } from './sha256.ts';

/** Why a rating is out of the official rate; a counted rating has none. */
export const EXCLUDED_WHY = [
  'repeat',
  'clock',
  'rerated',
  'unverified',
  'late',
  'unknown_level',
  'excluded_by_supervisor',
] as const;
export type ExcludedWhy = (typeof EXCLUDED_WHY)[number];

const WHY_OF_CATEGORY: Record<Exclude<RollupCategory, 'counted'>, ExcludedWhy> = {
  repeat: 'repeat',
  bad_clock: 'clock',
  superseded: 'rerated',
  unverified: 'unverified',
  late: 'late',
  excluded: 'excluded_by_supervisor',
};

/** One rating in the public dataset. */
export interface DatasetRow {
  recordHash: string;
  /** 'YYYY-MM-DD' in Việt Nam. */
  day: string;
  sectorCode: string;
  level: number;
  /** The unit's scale in force in the month: says which levels are satisfied. */
  scale: ScaleId;
  channel: string;
  counted: boolean;
  excludedWhy: ExcludedWhy | null;
}

/** What the server knows of a rating, to make its row. */
export interface DatasetRating {
  ratingId: string;
  day: string;
  sectorCode: string;
  level: number;
  scale: ScaleId;
  channel: string;
  category: RollupCategory;
}

/** The row of a rating: counted only when its category is and its level is on its scale. */
export function datasetRow(r: DatasetRating): DatasetRow {
  const known = findLevel(RATING_SCALES[r.scale], r.level) !== undefined;
  const excludedWhy: ExcludedWhy | null =
    r.category !== 'counted' ? WHY_OF_CATEGORY[r.category] : known ? null : 'unknown_level';
  const fields = {
    day: r.day,
    sectorCode: r.sectorCode,
    level: r.level,
    scale: r.scale,
    channel: r.channel,
    counted: excludedWhy === null,
    excludedWhy,
  };
  const recordHash = toHex(sha256(utf8(canonicalJson({ ...fields, ratingId: r.ratingId }))));
  return { recordHash, ...fields };
}

/** The recordHash a receipt's rating would have, from the rating's id and its published row. */
export function recordHashOf(row: Omit<DatasetRow, 'recordHash'>, ratingId: string): string {
  const { day, sectorCode, level, scale, channel, counted, excludedWhy } = row;
  const fields = { day, sectorCode, level, scale, channel, counted, excludedWhy };
  return toHex(sha256(utf8(canonicalJson({ ...fields, ratingId }))));
}

/** The leaf data of a row: its canonical form, UTF-8. */
export function rowLeafData(row: DatasetRow): Uint8Array {
  const { recordHash, day, sectorCode, level, scale, channel, counted, excludedWhy } = row;
  return utf8(
    canonicalJson({ recordHash, day, sectorCode, level, scale, channel, counted, excludedWhy }),
  );
}

/** Rows in leaf order: by recordHash. */
export function sortRows<R extends { recordHash: string }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) =>
    a.recordHash < b.recordHash ? -1 : a.recordHash > b.recordHash ? 1 : 0,
  );
}

/** What a checkpoint states about its rows. */
export interface DatasetFigures {
  /** Every row, counted or not. */
  size: number;
  /** Counted rows by level ("1".."5"). */
  countsByLevel: Record<string, number>;
  counted: number;
  /** Counted rows whose level is satisfied on their scale. */
  satisfied: number;
  /** The Merkle root over the rows in leaf order, hex. */
  root: string;
}

/** The figures and root of rows already in leaf order. */
export function datasetFigures(rows: readonly DatasetRow[]): DatasetFigures {
  const countsByLevel: Record<string, number> = {};
  let counted = 0;
  let satisfied = 0;
  for (const row of rows) {
    if (!row.counted) continue;
    counted++;
    countsByLevel[String(row.level)] = (countsByLevel[String(row.level)] ?? 0) + 1;
    if (findLevel(RATING_SCALES[row.scale], row.level)?.satisfied) satisfied++;
  }
  const root = toHex(rootOfLeafHashes(rows.map((row) => leafHash(rowLeafData(row)))));
  return { size: rows.length, countsByLevel, counted, satisfied, root };
}
