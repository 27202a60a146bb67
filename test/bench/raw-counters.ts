/**
 * The tree's counters computed from raw ratings instead of read from the counters: a drop-in
 * NodeRollupRepository for the benchmark, so that the API's own tally and league services give the
 * same answer from a GROUP BY over the `ratings` table in the same run. One scan per period serves
 * every read of a request (sectors, reasons, units beneath), as a careful hand-written report would.
 */
import { sql } from 'kysely';
import {
  ancestorsOf,
  buildTree,
  countsByNode,
  type RollupCategory,
  type ScaleId,
  type SourceChannel,
} from '@hailong/domain';
import type { DatabaseHandle } from '../../apps/api/src/db/connect.ts';
import type { MonthSpan, NodeRollupRepository } from '../../apps/api/src/repositories/types.ts';

interface RawReason {
  unitId: string;
  sectorId: string;
  month: string;
  reason: string;
  count: number;
}

interface RawRow {
  unitId: string;
  sectorId: string;
  month: string;
  level: number;
  category: RollupCategory;
  channel: SourceChannel;
  count: number;
}

export async function rawNodeCounters(database: DatabaseHandle) {
  const units = await database.repos.catalogue.listUnits();
  const tree = buildTree(units);
  const codeOf = new Map(
    (await database.repos.catalogue.listSectors()).map((s) => [s.id, s.code] as const),
  );
  const scaleOf = new Map(units.map((u) => [u.id, u.scale as ScaleId]));
  const cache = new Map<string, Promise<{ rows: RawRow[]; reasons: RawReason[] }>>();

  /** Every rating of the span, grouped, and the reasons of those in the rate. */
  const scan = (span: MonthSpan) => {
    const key = `${span.from}/${span.to}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = (async () => {
        const { rows } = await sql<RawRow>`
          SELECT unit_id, sector_id, month, level, category, channel, count(*) AS count
          FROM ratings WHERE month >= ${span.from} AND month <= ${span.to}
          GROUP BY unit_id, sector_id, month, level, category, channel`.execute(database.db);
        const reasonRows = await sql<Omit<RawReason, 'reason'> & { reasons: string }>`
          SELECT unit_id, sector_id, month, reasons, count(*) AS count FROM ratings
          WHERE month >= ${span.from} AND month <= ${span.to} AND category = 'counted'
            AND reasons <> ''
          GROUP BY unit_id, sector_id, month, reasons`.execute(database.db);
        return {
          rows: rows.map((r) => ({ ...r, count: Number(r.count) })),
          reasons: reasonRows.rows.flatMap((r) =>
            r.reasons.split(',').map((reason) => ({
              unitId: r.unitId,
              sectorId: r.sectorId,
              month: r.month,
              reason,
              count: Number(r.count),
            })),
          ),
        };
      })();
      cache.set(key, hit);
    }
    return hit;
  };
  /** The rows of these nodes' subtrees (or only their own), each with the node it counts for. */
  const within = <T extends { unitId: string; sectorId: string }>(
    rows: T[],
    nodeIds: readonly string[],
    own = false,
  ) => {
    const wanted = new Set(nodeIds);
    return rows.flatMap((r) =>
      ancestorsOf(tree, r.unitId)
        .filter((id) => wanted.has(id) && (!own || id === r.unitId))
        .map((nodeId) => ({
          ...r,
          nodeId,
          scale: scaleOf.get(r.unitId)!,
          sectorCode: codeOf.get(r.sectorId)!,
        })),
    );
  };
  const scaled = (r: {
    scale: ScaleId;
    level: number;
    category: RollupCategory;
    count: number;
  }) => ({
    scale: r.scale,
    level: r.level,
    category: r.category,
    count: r.count,
  });

  const source: NodeRollupRepository = {
    add: () => Promise.reject(new Error('read only')),
    async sectorCounts(nodeIds, span, own) {
      return within((await scan(span)).rows, nodeIds, own).map((r) => ({
        sectorCode: r.sectorCode,
        ...scaled(r),
      }));
    },
    async nodeSectorCounts(nodeIds, span, own) {
      return within((await scan(span)).rows, nodeIds, own).map((r) => ({
        nodeId: r.nodeId,
        sectorCode: r.sectorCode,
        ...scaled(r),
      }));
    },
    async sectorReasons(nodeIds, span, own) {
      return within((await scan(span)).reasons, nodeIds, own).map((r) => ({
        nodeId: r.nodeId,
        sectorCode: r.sectorCode,
        reason: r.reason,
        count: r.count,
      }));
    },
    async nodeTotals(nodeIds, span) {
      return countsByNode(within((await scan(span)).rows, nodeIds));
    },
    async nodeCounts(nodeIds, span) {
      return within((await scan(span)).rows, nodeIds).map((r) => ({
        nodeId: r.nodeId,
        ...scaled(r),
      }));
    },
    async monthCounts(nodeIds, span) {
      return within((await scan(span)).rows, nodeIds).map((r) => ({
        month: r.month,
        ...scaled(r),
      }));
    },
    async ownMonthCounts(nodeIds, span) {
      return within((await scan(span)).rows, nodeIds, true).map((r) => ({
        nodeId: r.nodeId,
        month: r.month,
        ...scaled(r),
      }));
    },
    async channelCounts(nodeIds, span) {
      return within((await scan(span)).rows, nodeIds).map((r) => ({
        channel: r.channel,
        ...scaled(r),
      }));
    },
    counterCounts: () => Promise.resolve([]),
  };
  return {
    repos: { ...database.repos, nodeRollups: source },
    /** Forgets earlier scans, so each timed run does its own. */
    reset: () => cache.clear(),
  };
}
