/**
 * The assessment's counters (migration 022): officers' ratings, the extra answers and the dossiers
 * rated, added to inside the transaction that stores or changes ratings and read summed, counted
 * ones only. Reads filter by unit and month first, the primary key's prefix, on both dialects.
 */
import { sql, type Kysely } from 'kysely';
import { NO_OFFICER, type AssessmentQuestion, type CountedAnswers } from '@hailong/domain';
import type { Database } from '../db/schema.ts';
import type { AssessmentRepository, OfficerRatingRow } from './assessment-types.ts';

/** Rows per INSERT and ids per IN list: far below both dialects' bound-parameter limits. */
const CHUNK = 250;

export function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Code-point order of rows by these fields, the same on both dialects (never a collation's). */
function byFields<T>(...fields: (keyof T)[]) {
  return (a: T, b: T) => {
    for (const f of fields) {
      if (a[f] < b[f]) return -1;
      if (a[f] > b[f]) return 1;
    }
    return 0;
  };
}

/** PostgreSQL answers SUM(bigint) as numeric text. */
const n = (v: unknown) => Number(v ?? 0);

type CounterMethods = Pick<
  AssessmentRepository,
  'addCounters' | 'officerRatings' | 'countedAnswers' | 'ratedCodes'
>;

export function createAssessmentCounterRepository(db: Kysely<Database>): CounterMethods {
  return {
    async addCounters(deltas) {
      // Rows come in primary-key order (assessmentCounterDeltas), so two batches touching the same
      // rows lock them in the same order and never deadlock on PostgreSQL.
      for (const part of chunks(deltas.officers)) {
        await db
          .insertInto('officerRollups')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['unitId', 'month', 'officerId', 'level', 'category'])
              .doUpdateSet({ count: sql`officer_rollups.count + excluded.count` }),
          )
          .execute();
      }
      for (const part of chunks(deltas.answers)) {
        await db
          .insertInto('answerRollups')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns([
                'unitId',
                'month',
                'sectorId',
                'officerId',
                'category',
                'question',
                'answer',
              ])
              .doUpdateSet({ count: sql`answer_rollups.count + excluded.count` }),
          )
          .execute();
      }
      for (const part of chunks(deltas.dossiers)) {
        await db
          .insertInto('ratedDossiers')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['dossierCode', 'unitId'])
              .doUpdateSet({ count: sql`rated_dossiers.count + excluded.count` }),
          )
          .execute();
      }
    },
    async officerRatings(unitIds, months) {
      const out: OfficerRatingRow[] = [];
      if (months.length === 0) return out;
      for (const part of chunks([...new Set(unitIds)])) {
        const rows = await db
          .selectFrom('officerRollups')
          .select(['unitId', 'month', 'officerId', 'level', 'count'])
          .where('unitId', 'in', part)
          .where('month', 'in', [...months])
          .where('category', '=', 'counted')
          .where('count', '>', 0)
          .execute();
        for (const r of rows) {
          out.push({
            officerId: r.officerId,
            unitId: r.unitId,
            month: r.month,
            level: n(r.level),
            count: n(r.count),
          });
        }
      }
      return out.sort(byFields('officerId', 'unitId', 'month', 'level'));
    },
    async countedAnswers(unitIds, months, by) {
      const out: CountedAnswers[] = [];
      if (months.length === 0) return out;
      const column = by === 'officer' ? 'officerId' : 'sectorId';
      for (const part of chunks([...new Set(unitIds)])) {
        let query = db
          .selectFrom('answerRollups')
          .select((eb) => [
            'unitId',
            'question',
            'answer',
            `${column} as key`,
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .where('unitId', 'in', part)
          .where('month', 'in', [...months])
          .where('category', '=', 'counted')
          .where('count', '>', 0);
        if (by === 'officer') query = query.where('officerId', '<>', NO_OFFICER);
        const rows = await query.groupBy(['unitId', column, 'question', 'answer']).execute();
        for (const r of rows) {
          out.push({
            unitId: r.unitId,
            sectorId: by === 'sector' ? r.key : null,
            officerId: by === 'officer' ? r.key : null,
            question: r.question as AssessmentQuestion,
            answer: r.answer,
            count: n(r.count),
          });
        }
      }
      return out.sort(
        by === 'officer'
          ? byFields('officerId', 'unitId', 'question', 'answer')
          : byFields('unitId', 'sectorId', 'question', 'answer'),
      );
    },
    async ratedCodes(codes) {
      const out = new Set<string>();
      for (const part of chunks([...new Set(codes)])) {
        const rows = await db
          .selectFrom('ratedDossiers')
          .select('dossierCode')
          .distinct()
          .where('dossierCode', 'in', part)
          .where('count', '>', 0)
          .execute();
        for (const r of rows) out.add(r.dossierCode);
      }
      return out;
    },
  };
}
