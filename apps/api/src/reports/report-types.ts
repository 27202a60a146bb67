/**
 * The storage contract of reports. First, the one counter model: the organisation tree's counters
 * (`node_rollups`, `node_totals`, `node_reason_rollups`, `counter_rollups`), written only through
 * reports/counters.ts in the transaction that stores or changes ratings, read by every report.
 * Reads sum over the months of a period in the database, so a year costs one small answer, never a
 * walk over raw ratings. `own`: only the counters of each node's own ratings, not its subtree's.
 */
import type {
  ChannelCount,
  CounterCount,
  MonthCount,
  NodeCount,
  NodeRollupDeltas,
  SectorCount,
  SectorReasonCount,
  TallyCounts,
} from '@hailong/domain';
import type { TargetRow } from '../repositories/types.ts';

/** A contiguous run of months, "YYYY-MM" to "YYYY-MM" inclusive (every reporting period is one). */
export interface MonthSpan {
  from: string;
  to: string;
}

export interface NodeRollupRepository {
  /** Adds (or, with negative counts, takes away) counters; inside the storing transaction. */
  add(deltas: NodeRollupDeltas): Promise<void>;
  /** The counters of these nodes per sector code, summed over the span and the nodes. */
  sectorCounts(nodeIds: readonly string[], span: MonthSpan, own?: boolean): Promise<SectorCount[]>;
  /** The counters of each node per sector code, summed over the span. */
  nodeSectorCounts(
    nodeIds: readonly string[],
    span: MonthSpan,
    own?: boolean,
  ): Promise<(SectorCount & { nodeId: string })[]>;
  /** The low-rating reasons of each node per sector code, summed over the span. */
  sectorReasons(
    nodeIds: readonly string[],
    span: MonthSpan,
    own?: boolean,
  ): Promise<(SectorReasonCount & { nodeId: string })[]>;
  /** The counts of each node over the span, whatever the sector (`countsByNode`). */
  nodeTotals(nodeIds: readonly string[], span: MonthSpan): Promise<Map<string, TallyCounts>>;
  /** The counters of each node summed over sectors and the span. */
  nodeCounts(nodeIds: readonly string[], span: MonthSpan): Promise<NodeCount[]>;
  /** The counters of these nodes per month, summed over sectors and nodes. */
  monthCounts(nodeIds: readonly string[], span: MonthSpan): Promise<MonthCount[]>;
  /** The counters of each node's own ratings per month, summed over sectors. */
  ownMonthCounts(
    nodeIds: readonly string[],
    span: MonthSpan,
  ): Promise<(MonthCount & { nodeId: string })[]>;
  /** The counters of these nodes per channel, summed over sectors, months and nodes. */
  channelCounts(nodeIds: readonly string[], span: MonthSpan): Promise<ChannelCount[]>;
  /** The counters of each counter (quầy), summed over the span. */
  counterCounts(counterIds: readonly string[], span: MonthSpan): Promise<CounterCount[]>;
}

export interface TargetRepository {
  /** Every sector's own target in these years. */
  listForYears(years: readonly number[]): Promise<TargetRow[]>;
  /** The default target (basis points) of each of these years that has one. */
  listDefaults(years: readonly number[]): Promise<Map<number, number>>;
  /** Removes a sector's own target so the year's default applies; whether there was one. */
  remove(unitId: string, sectorId: string, year: number): Promise<boolean>;
  /** Every node's own overall target (chỉ tiêu chung) in these years. */
  listOverall(years: readonly number[]): Promise<OverallTargetRow[]>;
  /** Sets a node's overall target for a year: one row per node and year, the last write wins. */
  upsertOverall(row: OverallTargetRow): Promise<void>;
  /** Removes a node's own overall target so it inherits again; whether there was one. */
  removeOverall(unitId: string, year: number): Promise<boolean>;
}

/** A node's own chỉ tiêu tỷ lệ hài lòng chung for a year (migration 025). */
export interface OverallTargetRow {
  unitId: string;
  year: number;
  targetBp: number;
  updatedAt: number;
  updatedBy: string | null;
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
  /** The catalogue's version (migration 035): changes in the transaction of every catalogue write. */
  version(): Promise<string>;
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
