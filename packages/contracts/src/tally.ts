/**
 * The figures of every tally on the wire (`figuresOf` in @hailong/domain). Rates, targets and
 * interval bounds are ratios in [0, 1] (the console formats them as 91,5 %); `targetBp` is the
 * exact stored target in basis points. Only `counted` ratings make the rate; every other category
 * has its own count (the excluded breakdown).
 */
import { z } from 'zod';
import { Month } from './periods.ts';

export { Month };

export const Ratio = z.number().min(0).max(1);
const Count = z.number().int().min(0);

export const Interval = z.object({ low: Ratio, high: Ratio }).meta({ id: 'Interval' });

/**
 * Kết quả: met; not met; not significantly different from the target (its 95 % interval holds
 * it); too few answers to judge. One rule decides it everywhere.
 */
export const RateVerdict = z
  .enum(['met', 'not-met', 'not-significant', 'too-few'])
  .meta({ id: 'RateVerdict' });
export type RateVerdict = z.infer<typeof RateVerdict>;

const figures = {
  /** Answers in the rate: not flagged, on the unit's scale. */
  total: Count,
  satisfied: Count,
  /** Kept but left out of the rate: possible repeat presses, a tablet clock far off. */
  repeats: Count,
  badClock: Count,
  /** Earlier ratings of a dossier the citizen rated again: the latest counts. */
  superseded: Count,
  /** Phiếu qua điện thoại chưa gắn hồ sơ: phone ratings not tied to a dossier, shown apart. */
  unverified: Count,
  unverifiedSatisfied: Count,
  /** Phiếu đến sau khi chốt số liệu: arrived after the month was closed. */
  late: Count,
  /** At a level their scale lacks; left out of the rate. */
  otherLevels: Count,
  /** Excluded by a supervisor with a reason after an integrity check (issue 25 item 5). */
  excludedBySupervisor: Count,
  rate: Ratio.nullable(),
  /** 95 % Wilson interval of the rate. */
  interval: Interval.nullable(),
  /** Null: no target applies (a node with no overall target set anywhere up the tree). */
  targetBp: z.number().int().min(0).max(10_000).nullable(),
  target: Ratio.nullable(),
  /** Whether the point rate reaches the target; not a verdict (see `verdict`). */
  met: z.boolean().nullable(),
  /** Fewer answers than `minSample`: shown, not judged. */
  tooFew: z.boolean(),
  /** The verdict (rateVerdict in @hailong/domain); null only when no target applies. */
  verdict: RateVerdict.nullable(),
  /** Satisfied answers in a row that would reach the target; null when none can. */
  moreNeeded: Count.nullable(),
  /** The rate of the `unverified` phone ratings, apart from the official one; null without any. */
  unverifiedRate: Ratio.nullable(),
};
export const Figures = z.object(figures).meta({ id: 'TallyFigures' });

export const LevelCount = z.object({ level: z.number().int(), count: Count });
export const ReasonCount = z.object({ reason: z.string(), count: Count });

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
