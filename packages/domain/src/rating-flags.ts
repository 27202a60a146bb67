import { monthOf, type RollupCategory } from './rollup.ts';

/** How far a tablet's clock may be from the truth before its time is not believed. */
export const CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export interface FlagContext {
  /** When the device was enrolled: a record from before that has a clock set wrong. */
  enrolledAt: number;
  /** When the server received the batch. */
  receivedAt: number;
  /** Device time of the latest earlier rating from this device, if any. */
  lastRatingAt: number | null;
  /** Ratings closer together than this are possible repeat presses. */
  repeatWindowMs: number;
}

export interface RatingToFlag {
  deviceTime: number;
  /** The tablet's own repeat-press mark. */
  possibleRepeat: boolean;
}

export interface RatingFlag {
  category: RollupCategory;
  /** The month the rating is counted in: of its device time, or of receipt if the clock is off. */
  month: string;
}

/**
 * Flags ratings (given in device sequence order) that must stay out of the official rate: a clock
 * before enrollment or more than a day ahead of the server (kept, counted by receipt time), and
 * presses within the repeat window of the previous one (commercial terminals treat those as misuse).
 */
export function flagRatings(context: FlagContext, ratings: readonly RatingToFlag[]): RatingFlag[] {
  let previous = context.lastRatingAt;
  return ratings.map((rating) => {
    const clockOff =
      rating.deviceTime < context.enrolledAt - CLOCK_TOLERANCE_MS ||
      rating.deviceTime > context.receivedAt + CLOCK_TOLERANCE_MS;
    if (clockOff) return { category: 'bad_clock', month: monthOf(context.receivedAt) };
    const tooClose =
      previous !== null && Math.abs(rating.deviceTime - previous) < context.repeatWindowMs;
    previous = rating.deviceTime;
    const category = rating.possibleRepeat || tooClose ? 'repeat' : 'counted';
    return { category, month: monthOf(rating.deviceTime) };
  });
}
