/**
 * The storage contract of reports over the tree. First, the organisation tree's counters (`node_rollups`, `node_reason_rollups`,
 * `counter_rollups`): written only by the sync transaction, read by every tally of a node, a
 * period, a league table or a counter. Reads sum over the months of a period in the database, so a
 * year costs one small answer, never a walk over raw ratings.
 */
import type {
  CounterCount,
  MonthCount,
  TallyCounts,
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
  /**
   * The counts of each node (answers in the rate, satisfied, repeats, bad clock, other levels),
   * summed over sectors and the span in the database: the same rule as `countsByNode`, for the
   * units beneath a node and league tables, where rows would be many and only totals are needed.
   */
  nodeTotals(nodeIds: readonly string[], span: MonthSpan): Promise<Map<string, TallyCounts>>;
  /** The counters of these nodes per month, summed over sectors and nodes. */
  monthCounts(nodeIds: readonly string[], span: MonthSpan): Promise<MonthCount[]>;
  /** The counters of each counter (quầy), summed over the span. */
  counterCounts(counterIds: readonly string[], span: MonthSpan): Promise<CounterCount[]>;
}

/** A sector or counter as reports need it (they order them by the tree, not by this list). */
export interface ReportSectorRow {
  id: string;
  unitId: string;
  code: string;
  name: string;
  sortOrder: number;
  archivedAt: number | null;
}

/** A change of a unit or sector, with the name in force from `month` on. */
export interface NameChangeRow {
  entityType: 'unit' | 'sector' | 'counter';
  entityId: string;
  month: string;
  name: string;
}

/** The catalogue read the way reports read it: lean, once per report, at province scale. */
export interface ReportCatalogueRepository {
  /** Every sector, archived ones included, in no particular order. */
  sectors(): Promise<ReportSectorRow[]>;
  /** The counters (quầy) of a unit, or of every unit, archived ones included, in no order. */
  counters(unitId?: string): Promise<ReportSectorRow[]>;
  /**
   * Every recorded change of the entities that were ever renamed, in the order made: only they
   * can have had another name in a past period.
   */
  renamedHistory(): Promise<NameChangeRow[]>;
}

/** Which citizens' comments (góp ý thêm) a report lists: of these units, sectors and months. */
export interface CommentFilter {
  unitIds: readonly string[];
  /** Only these sectors (one code pooled over the subtree); undefined: every sector. */
  sectorIds?: readonly string[];
  span: MonthSpan;
}

/** A rating that carries a comment, as the report shows it. */
export interface CommentRow {
  id: string;
  unitId: string;
  sectorId: string;
  level: number;
  reasons: string[];
  comment: string;
  deviceTime: number;
}

/**
 * The comments citizens typed with their ratings: read newest first (by the tablet's time, then
 * id, so pages never overlap), and erased after the retention period like other citizen text.
 */
export interface RatingCommentRepository {
  count(filter: CommentFilter): Promise<number>;
  page(filter: CommentFilter, limit: number, offset: number): Promise<CommentRow[]>;
  /** The newest `max` comments' ids and text, for a search made outside SQL. */
  newestTexts(filter: CommentFilter, max: number): Promise<{ id: string; comment: string }[]>;
  /** These ratings' comments, newest first. */
  byIds(ids: readonly string[]): Promise<CommentRow[]>;
  /** Empties the comments of up to `max` ratings received before `before`; returns how many. */
  eraseReceivedBefore(before: number, max: number): Promise<number>;
}
