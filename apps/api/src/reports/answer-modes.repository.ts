/**
 * How citizens answered (issue 27): ratings per unit × month × category × language × audio ×
 * large text (migration 034), added to in the transaction that stores or moves ratings and read
 * summed over a subtree's units and a period's months — a few hundred units × twelve months × a
 * handful of modes, never the ratings themselves.
 */
import { sql, type Kysely } from 'kysely';
import type { RollupCategory } from '@hailong/domain';
import type { Database } from '../db/schema.ts';
import { chunks } from '../db/chunks.ts';

export interface AnswerModeDelta {
  unitId: string;
  month: string;
  category: RollupCategory;
  language: string;
  audio: number;
  largeText: number;
  count: number;
}

/** Counted ratings of one mode, summed. */
export interface AnswerModeCount {
  language: string;
  audio: number;
  largeText: number;
  count: number;
}

export interface AnswerModeRepository {
  /** Adds `deltas` (in primary-key order, so concurrent batches lock rows in one order). */
  add(deltas: readonly AnswerModeDelta[]): Promise<void>;
  /** Counted ratings of `unitIds` in `months`, per mode. */
  counted(unitIds: readonly string[], months: readonly string[]): Promise<AnswerModeCount[]>;
}

export function createAnswerModeRepository(db: Kysely<Database>): AnswerModeRepository {
  return {
    async add(deltas) {
      for (const part of chunks(deltas)) {
        await db
          .insertInto('answerModeRollups')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['unitId', 'month', 'category', 'language', 'audio', 'largeText'])
              .doUpdateSet({ count: sql`answer_mode_rollups.count + excluded.count` }),
          )
          .execute();
      }
    },
    async counted(unitIds, months) {
      if (months.length === 0) return [];
      const sums = new Map<string, AnswerModeCount>();
      for (const part of chunks([...new Set(unitIds)])) {
        const rows = await db
          .selectFrom('answerModeRollups')
          .select(['language', 'audio', 'largeText'])
          .select((eb) => eb.fn.sum<number | string>('count').as('count'))
          .where('unitId', 'in', part)
          .where('month', 'in', [...months])
          .where('category', '=', 'counted')
          .groupBy(['language', 'audio', 'largeText'])
          .execute();
        for (const r of rows) {
          const key = `${r.language}|${r.audio}|${r.largeText}`;
          const sum = sums.get(key) ?? {
            ...r,
            audio: Number(r.audio),
            largeText: Number(r.largeText),
            count: 0,
          };
          sum.count += Number(r.count);
          sums.set(key, sum);
        }
      }
      return [...sums.values()];
    },
  };
}
