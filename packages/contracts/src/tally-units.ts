/**
 * Each unit's own answers (not its subtree's) for a month, and month by month: the monthly report
 * per unit, read from the same tree counters as every tally (their `own` part). Mirrors `tallyNode`
 * applied to one unit's own counters.
 */
import { z } from 'zod';
import { Id } from './common.ts';
import { ScaleId, UnitKind } from './catalogue.ts';
import { FeedbackOnTime, Month, ReasonCount } from './tally.ts';
import { NodeTotals, PeriodInfo, PooledSectorTally, targeted, TrendPoint } from './tally-node.ts';

export const UnitOwnTally = z
  .object({
    unitId: Id,
    unitName: z.string(),
    kind: UnitKind,
    scale: ScaleId,
    totals: NodeTotals,
    sectors: z.array(PooledSectorTally),
    /** Phản ánh, kiến nghị of the month and how many were answered on time. */
    feedback: FeedbackOnTime,
  })
  .meta({ id: 'UnitOwnTally' });
export type UnitOwnTally = z.infer<typeof UnitOwnTally>;

export const UnitsTally = z
  .object({
    period: PeriodInfo,
    minSample: z.number().int(),
    units: z.array(UnitOwnTally),
    /** Every unit listed together; no levels, since units may use different scales. */
    overall: z.object({ ...targeted, reasons: z.array(ReasonCount) }),
  })
  .meta({ id: 'UnitsTally' });
export type UnitsTally = z.infer<typeof UnitsTally>;

export const UnitsTrend = z
  .object({
    months: z.array(Month),
    minSample: z.number().int(),
    units: z.array(z.object({ unitId: Id, unitName: z.string(), points: z.array(TrendPoint) })),
    overall: z.array(TrendPoint),
  })
  .meta({ id: 'UnitsTrend' });
export type UnitsTrend = z.infer<typeof UnitsTrend>;
