/**
 * What one asks of the tally, the exports and the public statistics. The tally answers four ways:
 * a node of the tree over a period (`node`, `period`), that node month by month (`node`, `from`,
 * `to`), and as before the monthly tally per unit (`month`) and unit trends (`from`, `to`).
 */
import { z } from 'zod';
import { Id, Instant } from './common.ts';
import { MonthTally, TallyTrend } from './tally.ts';
import { BoundedMonth, checkMonthRange } from './periods.ts';
import {
  NodeRef,
  NodeTally,
  NodeTrend,
  PeriodInfo,
  PeriodText,
  TargetSource,
} from './tally-node.ts';

export const TallyResponse = z
  .discriminatedUnion('kind', [MonthTally, TallyTrend, NodeTally, NodeTrend])
  .meta({ id: 'TallyResponse' });

export const TallyQuery = z
  .object({
    month: BoundedMonth.optional(),
    from: BoundedMonth.optional(),
    to: BoundedMonth.optional(),
    unitId: Id.optional(),
    /** A node of the tree: its subtree pooled (default: everything the reader may see). */
    node: Id.optional(),
    period: PeriodText.optional(),
    /** Below this many answers a rate is flagged as too few to judge. */
    minSample: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .superRefine((q, ctx) => {
    const range = q.from !== undefined || q.to !== undefined;
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (q.period !== undefined && (q.month !== undefined || range)) {
      issue('period', 'give period, month, or from and to');
    } else if (q.month !== undefined && range) {
      issue('month', 'give month, or from and to');
    } else if (!range && q.month === undefined && q.period === undefined) {
      issue(q.node === undefined ? 'month' : 'period', 'required');
    } else if (range && (q.from === undefined || q.to === undefined)) {
      issue(q.from ? 'to' : 'from', 'required');
    } else if (range) {
      checkMonthRange(q.from!, q.to!, ctx);
    }
    if (q.node !== undefined && q.unitId !== undefined) issue('node', 'give node or unitId');
  });
export type TallyQuery = z.input<typeof TallyQuery>;

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
        target: Ratio,
        targetSource: TargetSource,
        current: PublicFigure,
        previous: PublicFigure,
        sectors: z.array(
          z.object({
            sectorCode: z.string(),
            sectorName: z.string(),
            target: Ratio,
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
