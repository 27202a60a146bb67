/**
 * The storage contract of the organisation tree's counters (`node_rollups`, `node_reason_rollups`,
 * `counter_rollups`): written only by the sync transaction, read by every tally of a node, a
 * period, a league table or a counter. Reads sum over the months of a period in the database, so a
 * year costs one small answer, never a walk over raw ratings.
 */
import type {
  CounterCount,
  MonthCount,
  NodeCount,
  NodeRollupDeltas,
  SectorCount,
  SectorReasonCount,
} from '@hailong/domain';

/** A contiguous run of months, "YYYY-MM" to "YYYY-MM" inclusive (every reporting period is one). */
export interface MonthSpan {
  from: string;
  to: string;
}

export interface NodeRollupRepository {
  /** Adds the counters of stored ratings; runs inside the sync transaction. */
  add(deltas: NodeRollupDeltas): Promise<void>;
  /** The counters of these nodes per sector code, summed over the span and the nodes. */
  sectorCounts(nodeIds: readonly string[], span: MonthSpan): Promise<SectorCount[]>;
  /** The counters of each node per sector code, summed over the span. */
  nodeSectorCounts(
    nodeIds: readonly string[],
    span: MonthSpan,
  ): Promise<(SectorCount & { nodeId: string })[]>;
  /** The low-rating reasons of these nodes per sector code, summed likewise. */
  sectorReasons(nodeIds: readonly string[], span: MonthSpan): Promise<SectorReasonCount[]>;
  /** The counters of each node, summed over sectors and the span. */
  nodeCounts(nodeIds: readonly string[], span: MonthSpan): Promise<NodeCount[]>;
  /** The counters of these nodes per month, summed over sectors and nodes. */
  monthCounts(nodeIds: readonly string[], span: MonthSpan): Promise<MonthCount[]>;
  /** The counters of each counter (quầy), summed over the span. */
  counterCounts(counterIds: readonly string[], span: MonthSpan): Promise<CounterCount[]>;
}
