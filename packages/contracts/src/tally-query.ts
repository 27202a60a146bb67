/**
 * What one asks of the tally, the exports and the public statistics: one query per route, each
 * answered with one shape.
 */
import { z } from 'zod';
import { Id, Instant } from './common.ts';
import { BoundedMonth, checkMonthRange } from './periods.ts';
import { NodeRef, PeriodInfo, PeriodText, TargetSource } from './tally-node.ts';
import { RateVerdict } from './tally.ts';

/** Below this many answers a rate is flagged as too few to judge. */
const MinSample = z.coerce.number().int().min(1).max(100_000).optional();

/** GET /tally/node: a node of the tree (default: the top of what the reader may see) over a period. */
export const NodeTallyQuery = z.object({
  /** A node of the tree: its subtree pooled. */
  node: Id.optional(),
  period: PeriodText,
  minSample: MinSample,
});

/** A run of months, `from` to `to` inclusive, at most MAX_TREND_MONTHS. */
const monthRange = {
  from: BoundedMonth,
  to: BoundedMonth,
};
const checkRange = (q: { from: string; to: string }, ctx: z.RefinementCtx) =>
  checkMonthRange(q.from, q.to, ctx);

/** GET /tally/node/trend: the node month by month. */
export const NodeTrendQuery = z
  .object({ node: Id.optional(), ...monthRange, minSample: MinSample })
  .superRefine(checkRange);

/** GET /tally/units: each unit's own answers in a month (every unit the reader sees, or one). */
export const UnitsTallyQuery = z.object({
  month: BoundedMonth,
  unit: Id.optional(),
  minSample: MinSample,
});

/** GET /tally/units/trend: each unit's own answers month by month. */
export const UnitsTrendQuery = z
  .object({ unit: Id.optional(), ...monthRange, minSample: MinSample })
  .superRefine(checkRange);

export const ExportQuery = z
  .object({
    month: BoundedMonth.optional(),
    unitId: Id.optional(),
    node: Id.optional(),
    period: PeriodText.optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.month === undefined) === (q.period === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'give period or month' });
    }
    if (q.node !== undefined && q.unitId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['node'], message: 'give node or unitId' });
    }
  });
export type ExportQuery = z.infer<typeof ExportQuery>;

/** What anyone may see: aggregate numbers only, never a citizen's words. */
export const PublicFigure = z.object({
  total: z.number().int().min(0),
  satisfied: z.number().int().min(0),
  rate: z.number().min(0).max(1).nullable(),
  met: z.boolean().nullable(),
  tooFew: z.boolean(),
  verdict: RateVerdict.nullable(),
});
export type PublicFigure = z.infer<typeof PublicFigure>;

const Ratio = z.number().min(0).max(1);

export const PublicStats = z
  .object({
    period: PeriodInfo,
    /** The same span before, to compare with; null before the first year kept. */
    previousPeriod: PeriodInfo.nullable(),
    /** The node shown: its own card first, then one per unit directly beneath it. */
    node: NodeRef,
    minSample: z.number().int(),
    generatedAt: Instant,
    units: z.array(
      z.object({
        unitId: Id,
        unitName: z.string(),
        /** Units lie beneath it: /public?node=… shows them. */
        hasChildren: z.boolean(),
        /** The unit's overall target; null when none is set up the tree (no verdict). */
        target: Ratio.nullable(),
        targetSource: TargetSource,
        current: PublicFigure,
        previous: PublicFigure,
        sectors: z.array(
          z.object({
            sectorCode: z.string(),
            sectorName: z.string(),
            target: Ratio.nullable(),
            targetSource: TargetSource,
            current: PublicFigure,
            previous: PublicFigure,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'PublicStats' });
export type PublicStats = z.infer<typeof PublicStats>;

export const PublicStatsQuery = z
  .object({ month: BoundedMonth.optional(), period: PeriodText.optional(), node: Id.optional() })
  .refine((q) => q.month === undefined || q.period === undefined, {
    path: ['period'],
    message: 'give period or month',
  });
