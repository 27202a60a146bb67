/**
 * The tally of any node of the organisation tree for any reporting period, its trend, its counters
 * and the league table, on the wire: one shape per route. Mirrors `tallyNode`, `tallyNodeTrend`,
 * `tallyCounters` and `rankLeague` in @hailong/domain. Rates, targets and bounds are ratios in [0, 1].
 */
import { z } from 'zod';
import { isPeriod } from '@hailong/domain';
import { Id } from './common.ts';
import { ScaleId, UnitKind } from './catalogue.ts';
import { Figures, LevelCount, Month, ReasonCount } from './tally.ts';

/** A reporting period: "2026-03", "2026-Q1", "2026-H1", "2026-9M" or "2026". */
export const PeriodText = z
  .string()
  .refine(isPeriod, 'period: YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-9M or YYYY');

export const PeriodInfo = z
  .object({
    id: z.string(),
    kind: z.enum(['month', 'quarter', 'half', 'nine-months', 'year']),
    /** As Vietnamese reports name it: "quý I/2026". */
    label: z.string(),
    months: z.array(Month),
  })
  .meta({ id: 'PeriodInfo' });
export type PeriodInfo = z.infer<typeof PeriodInfo>;

/**
 * Where a target comes from: set for the sector(s) and agreed; the year's default; nobody set one
 * (the built-in floor, shown as such); the highest of differing targets; a node's overall target
 * (chỉ tiêu chung), set for it or inherited from above; or no overall target anywhere up the tree.
 */
export const TargetSource = z.enum([
  'sector',
  'default',
  'fallback',
  'derived-max',
  'overall',
  'inherited',
  'none',
]);
export type TargetSource = z.infer<typeof TargetSource>;

export const targeted = { ...Figures.shape, targetSource: TargetSource };

export const NodeRef = z
  .object({
    /** null: every unit the reader may see, pooled. */
    id: Id.nullable(),
    name: z.string(),
    kind: z.string().nullable(),
  })
  .meta({ id: 'NodeRef' });

export const PooledSectorTally = z
  .object({
    sectorCode: z.string(),
    sectorName: z.string(),
    archived: z.boolean(),
    ...targeted,
    /** null: units of both scales pooled, so no per-level counts. */
    scale: ScaleId.nullable(),
    levels: z.array(LevelCount).nullable(),
    reasons: z.array(ReasonCount),
  })
  .meta({ id: 'PooledSectorTally' });
export type PooledSectorTally = z.infer<typeof PooledSectorTally>;

export const ChildTally = z
  .object({
    unitId: Id,
    unitName: z.string(),
    kind: z.string(),
    archived: z.boolean(),
    hasChildren: z.boolean(),
    ...targeted,
  })
  .meta({ id: 'ChildTally' });
export type ChildTally = z.infer<typeof ChildTally>;

/** The totals of a node (or of one unit's own answers): its figures, levels, reasons, sectors met. */
export const NodeTotals = z
  .object({
    ...targeted,
    scale: ScaleId.nullable(),
    levels: z.array(LevelCount).nullable(),
    reasons: z.array(ReasonCount),
    sectorsJudged: z.number().int(),
    sectorsMet: z.number().int(),
    sectorsTooFew: z.number().int(),
  })
  .meta({ id: 'NodeTotals' });

export const NodeTally = z
  .object({
    period: PeriodInfo,
    node: NodeRef,
    /** From the top of what the reader may see down to the node, for breadcrumbs. */
    path: z.array(z.object({ id: Id, name: z.string() })),
    minSample: z.number().int(),
    /** The node is a unit with counters (quầy): GET /tally/counters has figures for it. */
    hasCounters: z.boolean(),
    totals: NodeTotals,
    sectors: z.array(PooledSectorTally),
    children: z.array(ChildTally),
    /** Answers given at the node itself; null when a unit moved in during the period. */
    direct: Figures.nullable(),
  })
  .meta({ id: 'NodeTally' });
export type NodeTally = z.infer<typeof NodeTally>;

export const TrendPoint = z.object({ month: Month, ...targeted }).meta({ id: 'TrendPoint' });

export const NodeTrend = z
  .object({
    node: NodeRef,
    months: z.array(Month),
    minSample: z.number().int(),
    points: z.array(TrendPoint),
  })
  .meta({ id: 'NodeTrend' });
export type NodeTrend = z.infer<typeof NodeTrend>;

export const CounterTallyList = z
  .object({
    period: PeriodInfo,
    unit: z.object({ id: Id, name: z.string() }),
    minSample: z.number().int(),
    counters: z.array(
      z.object({
        counterId: Id,
        code: z.string(),
        name: z.string(),
        archived: z.boolean(),
        ...targeted,
        scale: ScaleId.nullable(),
        levels: z.array(LevelCount).nullable(),
      }),
    ),
  })
  .meta({ id: 'CounterTallyList' });
export type CounterTallyList = z.infer<typeof CounterTallyList>;

export const CounterTallyQuery = z.object({
  unit: Id,
  period: PeriodText,
  minSample: z.coerce.number().int().min(1).max(100_000).optional(),
});

const leagueRow = {
  unitId: Id,
  unitName: z.string(),
  kind: UnitKind,
  /** The unit above it, to tell apart communes of the same name. */
  parentName: z.string().nullable(),
  ...targeted,
};

export const League = z
  .object({
    period: PeriodInfo,
    /** The level compared (a kind of unit), or the children of `parent`. */
    kind: UnitKind.nullable(),
    parent: z.object({ id: Id, name: z.string() }).nullable(),
    minSample: z.number().int(),
    ranked: z.array(
      z.object({
        ...leagueRow,
        rank: z.number().int().min(1),
        /** Same rate as another unit, hence the same rank. */
        tied: z.boolean(),
        /** Interval overlaps that of the unit ranked above: không khác biệt có ý nghĩa. */
        overlapsAbove: z.boolean(),
      }),
    ),
    /** Too few answers to rank: listed apart, unranked. */
    tooFew: z.array(z.object(leagueRow)),
  })
  .meta({ id: 'League' });
export type League = z.infer<typeof League>;

export const LeagueQuery = z
  .object({
    period: PeriodText,
    kind: UnitKind.optional(),
    parent: Id.optional(),
    minSample: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.kind === undefined) === (q.parent === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'give kind, or parent' });
    }
  });
export type LeagueQuery = z.input<typeof LeagueQuery>;

/** The tree a reader may pick a node from, depth first in catalogue order. */
export const TallyNodes = z
  .object({
    /** The node shown when none is asked for (null: everything the reader may see). */
    defaultNode: Id.nullable(),
    nodes: z.array(
      z.object({
        id: Id,
        name: z.string(),
        kind: UnitKind,
        parentId: Id.nullable(),
        /** 0 for the top of what the reader may see. */
        depth: z.number().int().min(0),
        archived: z.boolean(),
        hasCounters: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'TallyNodes' });
export type TallyNodes = z.infer<typeof TallyNodes>;
