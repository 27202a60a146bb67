import { sql, type Kysely } from 'kysely';
import {
  countsByNode,
  type CounterRollupRow,
  type NodeReasonRollupRow,
  type NodeRollupRow,
  type NodeTotalRow,
  type RollupCategory,
  type ScaleId,
} from '@hailong/domain';
import type { Database } from '../db/schema.ts';
import { chunks } from '../db/chunks.ts';
import type { MonthSpan, NodeRollupRepository } from './report-types.ts';

/** PostgreSQL answers SUM(bigint) as numeric text. */
type Summed = { count: number | string | bigint };
type Scaled = { scale: ScaleId; level: number; category: RollupCategory };

/** The counter tables, the rows written to each, and their primary keys in order. */
interface Counters {
  nodeRollups: NodeRollupRow;
  nodeTotals: NodeTotalRow;
  nodeReasonRollups: NodeReasonRollupRow;
  counterRollups: CounterRollupRow;
}
const KEYS = {
  nodeRollups: ['nodeId', 'month', 'sectorCode', 'scale', 'level', 'category', 'own'],
  nodeTotals: ['nodeId', 'month', 'scale', 'level', 'category', 'channel'],
  nodeReasonRollups: ['nodeId', 'month', 'sectorCode', 'reason', 'own'],
  counterRollups: ['counterId', 'month', 'scale', 'level', 'category'],
} as const;
const TABLES = {
  nodeRollups: 'node_rollups',
  nodeTotals: 'node_totals',
  nodeReasonRollups: 'node_reason_rollups',
  counterRollups: 'counter_rollups',
} as const;

/** Orders rows by their primary key, field by field, in code-point order. */
function byKey<T>(...fields: readonly (keyof T)[]) {
  return (a: T, b: T) => {
    for (const f of fields) {
      if (a[f] < b[f]) return -1;
      if (a[f] > b[f]) return 1;
    }
    return 0;
  };
}

/**
 * The tree's counters, the only counters there are. Writes add with ON CONFLICT … DO UPDATE inside
 * the transaction that stores or changes the ratings (never read-then-write). Every batch under a
 * province updates the province's rows, so batches from many sources contend for the same rows:
 * each writes them in primary-key order, one order for all, so that two PostgreSQL transactions
 * never wait on each other in a cycle (a deadlock, answered 500 to one tablet). Reads filter by
 * node first and by a range of months, so both dialects walk the primary key (node_id, month, …)
 * of just those nodes and months; sums over months and units are done in the database, the
 * counting rule (which category and level counts) once, in the domain (`addScaled`).
 */
export function createNodeRollupRepository(db: Kysely<Database>): NodeRollupRepository {
  const levels = (nodeIds: readonly string[], span: MonthSpan, own: boolean) => {
    const query = db
      .selectFrom('nodeRollups')
      .where('nodeId', 'in', [...nodeIds])
      .where('month', '>=', span.from)
      .where('month', '<=', span.to);
    return own ? query.where('own', '=', 1) : query;
  };
  const reasonRows = (nodeIds: readonly string[], span: MonthSpan, own: boolean) => {
    const query = db
      .selectFrom('nodeReasonRollups')
      .where('nodeId', 'in', [...nodeIds])
      .where('month', '>=', span.from)
      .where('month', '<=', span.to);
    return own ? query.where('own', '=', 1) : query;
  };
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
  /** Adds `rows` to `table`, in the order of its primary key `key`. */
  async function upsert<T extends keyof Counters>(table: T, rows: readonly Counters[T][]) {
    const key = KEYS[table] as readonly string[] as readonly (keyof Counters[T] & string)[];
    const ordered = [...rows].sort(byKey(...key));
    for (const part of chunks(ordered)) {
      await db
        .insertInto(table)
        .values(part as never)
        .onConflict((oc) =>
          oc.columns(key as never).doUpdateSet({
            count: sql`${sql.table(TABLES[table])}.count + excluded.count`,
          } as never),
        )
        .execute();
    }
  }

  return {
    async add(deltas) {
      await upsert('nodeRollups', deltas.levels);
      await upsert('nodeTotals', deltas.totals);
      await upsert('nodeReasonRollups', deltas.reasons);
      await upsert('counterRollups', deltas.counters);
    },

    async sectorCounts(nodeIds, span, own = false) {
      const rows = await perChunk(nodeIds, (ids) =>
        levels(ids, span, own)
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

    async nodeSectorCounts(nodeIds, span, own = false) {
      const rows = await perChunk(nodeIds, (ids) =>
        levels(ids, span, own)
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

    async sectorReasons(nodeIds, span, own = false) {
      const rows = await perChunk(nodeIds, (ids) =>
        reasonRows(ids, span, own)
          .select((eb) => [
            'nodeId',
            'sectorCode',
            'reason',
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .groupBy(['nodeId', 'sectorCode', 'reason'])
          .execute(),
      );
      return rows.map((r) => ({
        nodeId: r.nodeId,
        sectorCode: r.sectorCode,
        reason: r.reason,
        count: Number(r.count),
      }));
    },

    async nodeTotals(nodeIds, span) {
      return countsByNode(await this.nodeCounts(nodeIds, span));
    },

    async nodeCounts(nodeIds, span) {
      const rows = await perChunk(nodeIds, (ids) =>
        totals(ids, span)
          .select((eb) => [
            'nodeId',
            'scale',
            'level',
            'category',
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .groupBy(['nodeId', 'scale', 'level', 'category'])
          .execute(),
      );
      return rows.map((r) => ({ nodeId: r.nodeId, ...scaled(r) }));
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

    async ownMonthCounts(nodeIds, span) {
      const rows = await perChunk(nodeIds, (ids) =>
        levels(ids, span, true)
          .select((eb) => [
            'nodeId',
            'month',
            'scale',
            'level',
            'category',
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .groupBy(['nodeId', 'month', 'scale', 'level', 'category'])
          .execute(),
      );
      return rows.map((r) => ({ nodeId: r.nodeId, month: r.month, ...scaled(r) }));
    },

    async channelCounts(nodeIds, span) {
      const rows = await perChunk(nodeIds, (ids) =>
        totals(ids, span)
          .select((eb) => [
            'channel',
            'scale',
            'level',
            'category',
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .groupBy(['channel', 'scale', 'level', 'category'])
          .execute(),
      );
      return rows.map((r) => ({ channel: r.channel, ...scaled(r) }));
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
