/**
 * Changes to the monthly rollups, in the batch transaction of the ratings they count. Rows are
 * written in key order, so two batches of one unit lock the same rollup rows in the same order
 * and cannot deadlock on PostgreSQL. A row that falls to zero is deleted: the rollups stay exactly
 * a GROUP BY recount of the raw ratings.
 */
import { sql, type Kysely } from 'kysely';
import type { RollupCategory } from '@hailong/domain';
import type { Database } from '../db/schema.ts';
import type { RatingRow } from '../repositories/types.ts';

/** Rows per INSERT: far below both dialects' bound-parameter limits for our widest table. */
export const CHUNK = 250;

export function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

interface LevelDelta {
  unitId: string;
  sectorId: string;
  month: string;
  level: number;
  category: RollupCategory;
  count: number;
}

interface ReasonDelta {
  unitId: string;
  sectorId: string;
  month: string;
  reason: string;
  count: number;
}

/** Per-key sums of what `rows` add (sign 1) or take away (sign -1), in `category`. */
class Deltas {
  readonly levels = new Map<string, LevelDelta>();
  readonly reasons = new Map<string, ReasonDelta>();

  add(r: RatingRow, category: RollupCategory, sign: 1 | -1): void {
    const key = `${r.unitId}|${r.sectorId}|${r.month}|${r.level}|${category}`;
    const level = this.levels.get(key) ?? { ...pick(r), level: r.level, category, count: 0 };
    level.count += sign;
    this.levels.set(key, level);
    // Reasons are tallied for the ratings that count, like the rate they explain.
    if (category !== 'counted') return;
    for (const reason of r.reasons) {
      const rkey = `${r.unitId}|${r.sectorId}|${r.month}|${reason}`;
      const entry = this.reasons.get(rkey) ?? { ...pick(r), reason, count: 0 };
      entry.count += sign;
      this.reasons.set(rkey, entry);
    }
  }
}

const pick = (r: RatingRow) => ({ unitId: r.unitId, sectorId: r.sectorId, month: r.month });

const sorted = <T>(map: Map<string, T>) =>
  [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

async function apply(db: Kysely<Database>, deltas: Deltas): Promise<void> {
  const levels = sorted(deltas.levels).filter((d) => d.count !== 0);
  const reasons = sorted(deltas.reasons).filter((d) => d.count !== 0);
  for (const part of chunks(levels)) {
    await db
      .insertInto('ratingRollups')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['unitId', 'month', 'sectorId', 'level', 'category'])
          .doUpdateSet({ count: sql`rating_rollups.count + excluded.count` }),
      )
      .execute();
  }
  for (const part of chunks(reasons)) {
    await db
      .insertInto('ratingReasonRollups')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['unitId', 'month', 'sectorId', 'reason'])
          .doUpdateSet({ count: sql`rating_reason_rollups.count + excluded.count` }),
      )
      .execute();
  }
  const units = [...new Set(levels.map((d) => d.unitId))];
  if (levels.some((d) => d.count < 0)) {
    await db
      .deleteFrom('ratingRollups')
      .where('unitId', 'in', units)
      .where('count', '=', 0)
      .execute();
  }
  if (reasons.some((d) => d.count < 0)) {
    await db
      .deleteFrom('ratingReasonRollups')
      .where('unitId', 'in', units)
      .where('count', '=', 0)
      .execute();
  }
}

/** Adds new ratings to the rollups under their own category. */
export function addToRollups(db: Kysely<Database>, rows: readonly RatingRow[]): Promise<void> {
  const deltas = new Deltas();
  for (const r of rows) deltas.add(r, r.category, 1);
  return apply(db, deltas);
}

/**
 * Moves stored ratings' counts from what they counted as (`before`) to what they count as now
 * (`after`: amended answers, another category), netted so that an unchanged part writes nothing.
 */
export function replaceInRollups(
  db: Kysely<Database>,
  before: readonly RatingRow[],
  after: readonly RatingRow[],
): Promise<void> {
  const deltas = new Deltas();
  for (const r of before) deltas.add(r, r.category, -1);
  for (const r of after) deltas.add(r, r.category, 1);
  return apply(db, deltas);
}

/** Moves `counted` ratings that became repeats or were superseded to that category. */
export function moveCategory(
  db: Kysely<Database>,
  rows: readonly RatingRow[],
  to: Exclude<RollupCategory, 'counted'>,
): Promise<void> {
  const deltas = new Deltas();
  for (const r of rows) {
    deltas.add(r, 'counted', -1);
    deltas.add(r, to, 1);
  }
  return apply(db, deltas);
}
