import { sql, type Kysely } from 'kysely';
import {
  nodeTotalRows,
  RATING_SCALES,
  type RollupCategory,
  type ScaleId,
  type TallyCounts,
} from '@hailong/domain';
import type { Database } from '../db/schema.ts';
import type { MonthSpan, NodeRollupRepository } from './report-types.ts';

/** Rows per INSERT and ids per IN list: far below both dialects' bound-parameter limits. */
const CHUNK = 250;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * A counted answer on a level of its own scale (`satisfiedOnly`: a satisfied one), as SQL written
 * from the scales themselves, so that the database sums what `addScaled` would.
 */
function inRate(satisfiedOnly: boolean) {
  const scales = Object.values(RATING_SCALES).map((scale) => {
    const levels = scale.levels.filter((l) => l.satisfied || !satisfiedOnly).map((l) => l.level);
    return sql`(scale = ${scale.id} and level in (${sql.join(levels)}))`;
  });
  return sql`category = 'counted' and (${sql.join(scales, sql` or `)})`;
}

/** PostgreSQL answers SUM(bigint) as numeric text. */
type Summed = { count: number | string | bigint };
type Scaled = { scale: ScaleId; level: number; category: RollupCategory };

/** Orders rows by their primary key, field by field, in code-point order. */
function byKey<T>(...fields: (keyof T)[]) {
  return (a: T, b: T) => {
    for (const f of fields) {
      if (a[f] < b[f]) return -1;
      if (a[f] > b[f]) return 1;
    }
    return 0;
  };
}

/**
 * The tree's counters. Writes add with ON CONFLICT … DO UPDATE inside the batch transaction (never
 * read-then-write), like `rating_rollups`. Every batch under a province updates the province's rows,
 * so batches from many tablets contend for the same rows: each writes them in primary-key order,
 * one order for all, so that two PostgreSQL transactions never wait on each other in a cycle
 * (a deadlock, answered 500 to one tablet). Reads filter by node first and by a range of months, so
 * both dialects walk the primary key (node_id, month, …) of just those nodes and months.
 */
export function createNodeRollupRepository(db: Kysely<Database>): NodeRollupRepository {
  const levels = (nodeIds: readonly string[], span: MonthSpan) =>
    db
      .selectFrom('nodeRollups')
      .where('nodeId', 'in', [...nodeIds])
      .where('month', '>=', span.from)
      .where('month', '<=', span.to);
  const totals = (nodeIds: readonly string[], span: MonthSpan) =>
    db
      .selectFrom('nodeTotals')
      .where('nodeId', 'in', [...nodeIds])
      .where('month', '>=', span.from)
      .where('month', '<=', span.to);

  /** Runs `query` once per chunk of ids and concatenates the answers. */
  async function perChunk<T>(ids: readonly string[], query: (ids: string[]) => Promise<T[]>) {
    const out: T[] = [];
    for (const part of chunks([...new Set(ids)])) out.push(...(await query(part)));
    return out;
  }
  const scaled = <R extends Scaled & Summed>(r: R) => ({
    scale: r.scale,
    level: Number(r.level),
    category: r.category,
    count: Number(r.count),
  });

  return {
    async add(deltas) {
      const rows = [...deltas.levels].sort(
        byKey('nodeId', 'month', 'sectorCode', 'scale', 'level', 'category'),
      );
      const sums = nodeTotalRows(deltas.levels).sort(
        byKey('nodeId', 'month', 'scale', 'level', 'category'),
      );
      const reasons = [...deltas.reasons].sort(byKey('nodeId', 'month', 'sectorCode', 'reason'));
      const counters = [...deltas.counters].sort(
        byKey('counterId', 'month', 'scale', 'level', 'category'),
      );
      for (const part of chunks(rows)) {
        await db
          .insertInto('nodeRollups')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['nodeId', 'month', 'sectorCode', 'scale', 'level', 'category'])
              .doUpdateSet({ count: sql`node_rollups.count + excluded.count` }),
          )
          .execute();
      }
      for (const part of chunks(sums)) {
        await db
          .insertInto('nodeTotals')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['nodeId', 'month', 'scale', 'level', 'category'])
              .doUpdateSet({ count: sql`node_totals.count + excluded.count` }),
          )
          .execute();
      }
      for (const part of chunks(reasons)) {
        await db
          .insertInto('nodeReasonRollups')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['nodeId', 'month', 'sectorCode', 'reason'])
              .doUpdateSet({ count: sql`node_reason_rollups.count + excluded.count` }),
          )
          .execute();
      }
      for (const part of chunks(counters)) {
        await db
          .insertInto('counterRollups')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['counterId', 'month', 'scale', 'level', 'category'])
              .doUpdateSet({ count: sql`counter_rollups.count + excluded.count` }),
          )
          .execute();
      }
    },

    async sectorCounts(nodeIds, span) {
      const rows = await perChunk(nodeIds, (ids) =>
        levels(ids, span)
          .select((eb) => [
            'sectorCode',
            'scale',
            'level',
            'category',
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .groupBy(['sectorCode', 'scale', 'level', 'category'])
          .execute(),
      );
      return rows.map((r) => ({ sectorCode: r.sectorCode, ...scaled(r) }));
    },

    async nodeSectorCounts(nodeIds, span) {
      const rows = await perChunk(nodeIds, (ids) =>
        levels(ids, span)
          .select((eb) => [
            'nodeId',
            'sectorCode',
            'scale',
            'level',
            'category',
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .groupBy(['nodeId', 'sectorCode', 'scale', 'level', 'category'])
          .execute(),
      );
      return rows.map((r) => ({ nodeId: r.nodeId, sectorCode: r.sectorCode, ...scaled(r) }));
    },

    async sectorReasons(nodeIds, span) {
      const rows = await perChunk(nodeIds, (ids) =>
        db
          .selectFrom('nodeReasonRollups')
          .where('nodeId', 'in', ids)
          .where('month', '>=', span.from)
          .where('month', '<=', span.to)
          .select((eb) => ['sectorCode', 'reason', eb.fn.sum<number | string>('count').as('count')])
          .groupBy(['sectorCode', 'reason'])
          .execute(),
      );
      return rows.map((r) => ({
        sectorCode: r.sectorCode,
        reason: r.reason,
        count: Number(r.count),
      }));
    },

    async nodeTotals(nodeIds, span) {
      const rows = await perChunk(nodeIds, (ids) =>
        totals(ids, span)
          .select((eb) => [
            'nodeId',
            eb.fn
              .sum<number | string>(sql`case when ${inRate(false)} then count else 0 end`)
              .as('total'),
            eb.fn
              .sum<number | string>(sql`case when ${inRate(true)} then count else 0 end`)
              .as('satisfied'),
            eb.fn
              .sum<number | string>(sql`case when category = 'repeat' then count else 0 end`)
              .as('repeats'),
            eb.fn
              .sum<number | string>(sql`case when category = 'bad_clock' then count else 0 end`)
              .as('badClock'),
            eb.fn
              .sum<number | string>(sql`case when category = 'superseded' then count else 0 end`)
              .as('superseded'),
            eb.fn.sum<number | string>('count').as('all'),
          ])
          .groupBy('nodeId')
          .execute(),
      );
      const out = new Map<string, TallyCounts>();
      for (const r of rows) {
        const counts = {
          total: Number(r.total),
          satisfied: Number(r.satisfied),
          repeats: Number(r.repeats),
          badClock: Number(r.badClock),
          superseded: Number(r.superseded),
          otherLevels: 0,
        };
        counts.otherLevels =
          Number(r.all) - counts.total - counts.repeats - counts.badClock - counts.superseded;
        out.set(r.nodeId, counts);
      }
      return out;
    },

    async monthCounts(nodeIds, span) {
      const rows = await perChunk(nodeIds, (ids) =>
        totals(ids, span)
          .select((eb) => [
            'month',
            'scale',
            'level',
            'category',
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .groupBy(['month', 'scale', 'level', 'category'])
          .execute(),
      );
      return rows.map((r) => ({ month: r.month, ...scaled(r) }));
    },

    async counterCounts(counterIds, span) {
      const rows = await perChunk(counterIds, (ids) =>
        db
          .selectFrom('counterRollups')
          .where('counterId', 'in', ids)
          .where('month', '>=', span.from)
          .where('month', '<=', span.to)
          .select((eb) => [
            'counterId',
            'scale',
            'level',
            'category',
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .groupBy(['counterId', 'scale', 'level', 'category'])
          .execute(),
      );
      return rows.map((r) => ({ counterId: r.counterId, ...scaled(r) }));
    },
  };
}
