/**
 * The monthly tally, its trend and the public statistics on the wire. Rates, targets and interval
 * bounds are ratios in [0, 1] (the console formats them as 91,5 %); `targetBp` is the exact stored
 * target in basis points. Mirrors the types of `tallyMonth` / `tallyTrend` in @hailong/domain.
 */
import { z } from 'zod';
import { Id } from './common.ts';
import { ScaleId } from './catalogue.ts';
import { Month } from './periods.ts';

export { Month };

export const Ratio = z.number().min(0).max(1);
const Count = z.number().int().min(0);

export const Interval = z.object({ low: Ratio, high: Ratio }).meta({ id: 'Interval' });

const figures = {
  /** Answers in the rate: not flagged, on the unit's scale. */
  total: Count,
  satisfied: Count,
  /** Kept but left out of the rate: possible repeat presses, a tablet clock far off. */
  repeats: Count,
  badClock: Count,
  /** Earlier ratings of a dossier the citizen rated again: the latest counts. */
  superseded: Count,
  /** At a level the unit's current scale lacks (its scale was changed); left out of the rate. */
  otherLevels: Count,
  rate: Ratio.nullable(),
  /** 95 % Wilson interval of the rate. */
  interval: Interval.nullable(),
  targetBp: z.number().int().min(0).max(10_000),
  target: Ratio,
  met: z.boolean().nullable(),
  /** Fewer answers than `minSample`: shown, not judged. */
  tooFew: z.boolean(),
  /** Satisfied answers in a row that would reach the target; null when none can. */
  moreNeeded: Count.nullable(),
};
export const Figures = z.object(figures).meta({ id: 'TallyFigures' });

export const LevelCount = z.object({ level: z.number().int(), count: Count });
export const ReasonCount = z.object({ reason: z.string(), count: Count });

export const SectorTally = z
  .object({
    sectorId: Id,
    sectorName: z.string(),
    ...figures,
    levels: z.array(LevelCount),
    reasons: z.array(ReasonCount),
  })
  .meta({ id: 'SectorTally' });
export type SectorTally = z.infer<typeof SectorTally>;

/** Phản ánh, kiến nghị answered on time in the month (TT 01/2018/TT-VPCP indicator 8: 2/1/0). */
export const FeedbackOnTime = z
  .object({
    received: Count,
    duplicates: Count,
    answered: Count,
    answeredOnTime: Count,
    overdueOpen: Count,
    /** Answers the citizen accepted, and did not accept (their verdict on the lookup page). */
    accepted: Count,
    notAccepted: Count,
    rate: Ratio.nullable(),
    score: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable(),
  })
  .meta({ id: 'FeedbackOnTime' });
export type FeedbackOnTime = z.infer<typeof FeedbackOnTime>;

export const UnitTally = z
  .object({
    unitId: Id,
    unitName: z.string(),
    scale: ScaleId,
    sectors: z.array(SectorTally),
    totals: z.object({
      ...figures,
      levels: z.array(LevelCount),
      reasons: z.array(ReasonCount),
      sectorsMet: Count,
      sectorsUnmet: Count,
    }),
    /** Present once the feedback register exists. */
    feedback: FeedbackOnTime.optional(),
  })
  .meta({ id: 'UnitTally' });
export type UnitTally = z.infer<typeof UnitTally>;

export const MonthTally = z
  .object({
    kind: z.literal('month'),
    month: Month,
    minSample: z.number().int(),
    units: z.array(UnitTally),
    overall: z.object({ ...figures, reasons: z.array(ReasonCount) }),
  })
  .meta({ id: 'MonthTally' });
export type MonthTally = z.infer<typeof MonthTally>;

export const TrendPoint = z.object({ month: Month, ...figures }).meta({ id: 'TrendPoint' });
export type TrendPoint = z.infer<typeof TrendPoint>;

export const TallyTrend = z
  .object({
    kind: z.literal('trend'),
    months: z.array(Month),
    minSample: z.number().int(),
    units: z.array(z.object({ unitId: Id, unitName: z.string(), points: z.array(TrendPoint) })),
    overall: z.array(TrendPoint),
  })
  .meta({ id: 'TallyTrend' });
export type TallyTrend = z.infer<typeof TallyTrend>;
