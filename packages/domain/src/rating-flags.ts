/**
 * Which ratings stay out of the official rate, decided so that the answer never depends on how a
 * tablet happened to batch or order its uploads:
 * - bad clock: a device time before enrollment or more than a day ahead of the server (kept,
 *   counted by receipt month). Such a time says nothing about when the press happened, so a
 *   bad-clock rating is never anyone's "previous rating".
 * - repeat: the tablet marked it, or another valid rating of the same device lies less than the
 *   repeat window BEFORE it in device time (commercial terminals treat such presses as misuse).
 *   "Before" is by device time, then sequence number, then id, so ties are ordered too.
 * A rating that arrives late can make an already stored later one a repeat, never the reverse, so
 * applying `flagRatings` batch by batch ends in the same flags as one upload of everything.
 */
import { monthOf, type RollupCategory } from './rollup.ts';

/** How far a tablet's clock may be from the truth before its time is not believed. */
export const CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export interface FlagContext {
  /** When the device was enrolled: a record from well before that has a clock set wrong. */
  enrolledAt: number;
  /** When the server received the batch. */
  receivedAt: number;
  /** Ratings closer together than this are possible repeat presses (the unit's setting). */
  repeatWindowMs: number;
}

/** A rating's place on its device's timeline. */
export interface TimelineRating {
  id: string;
  seq: number;
  deviceTime: number;
}

export interface NewRating extends TimelineRating {
  /** The tablet's own repeat-press mark. */
  possibleRepeat: boolean;
}

export interface StoredRating extends TimelineRating {
  category: RollupCategory;
}

export interface RatingFlag {
  category: RollupCategory;
  /** The month the rating is counted in: of its device time, or of receipt if the clock is off. */
  month: string;
}

export interface Flagging {
  /** One flag per new rating, in the order given. */
  flags: RatingFlag[];
  /** Ids of stored `counted` ratings that a new rating just before them makes repeats. */
  nowRepeats: string[];
}

/** Whether a device time is too far off to be believed. */
export function hasBadClock(context: FlagContext, deviceTime: number): boolean {
  return (
    deviceTime < context.enrolledAt - CLOCK_TOLERANCE_MS ||
    deviceTime > context.receivedAt + CLOCK_TOLERANCE_MS
  );
}

/**
 * The device-time ranges (inclusive) whose stored ratings `flagRatings` must be given: a repeat
 * window either side of every new rating with a believable clock, overlapping ranges merged.
 */
export function flagNeighbourhoods(
  context: FlagContext,
  ratings: readonly TimelineRating[],
): { from: number; to: number }[] {
  const times = ratings
    .map((r) => r.deviceTime)
    .filter((t) => !hasBadClock(context, t))
    .sort((a, b) => a - b);
  const ranges: { from: number; to: number }[] = [];
  for (const t of times) {
    const last = ranges.at(-1);
    if (last && t - context.repeatWindowMs <= last.to) last.to = t + context.repeatWindowMs;
    else ranges.push({ from: t - context.repeatWindowMs, to: t + context.repeatWindowMs });
  }
  return ranges;
}

const before = (a: TimelineRating, b: TimelineRating) =>
  a.deviceTime - b.deviceTime || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Flags new ratings of one device against each other and against its stored ratings (at least
 * those in `flagNeighbourhoods` of the new ones; stored bad-clock ones are ignored), and names the
 * stored ratings that become repeats because a new one lies within the window before them.
 */
export function flagRatings(
  context: FlagContext,
  fresh: readonly NewRating[],
  stored: readonly StoredRating[],
): Flagging {
  const valid = fresh.filter((r) => !hasBadClock(context, r.deviceTime));
  const timeline = [
    ...stored.filter((r) => r.category !== 'bad_clock').map((r) => ({ r, isNew: false })),
    ...valid.map((r) => ({ r, isNew: true })),
  ].sort((a, b) => before(a.r, b.r));
  const close = (earlier: TimelineRating, later: TimelineRating) =>
    later.deviceTime - earlier.deviceTime < context.repeatWindowMs;

  const repeatByTime = new Set<string>();
  const nowRepeats: string[] = [];
  let lastNew: TimelineRating | null = null;
  timeline.forEach(({ r, isNew }, i) => {
    if (isNew) {
      const previous = timeline[i - 1]?.r;
      if (previous && close(previous, r)) repeatByTime.add(r.id);
    } else if ((r as StoredRating).category === 'counted' && lastNew && close(lastNew, r)) {
      nowRepeats.push(r.id);
    }
    if (isNew) lastNew = r;
  });

  const flags = fresh.map((r): RatingFlag => {
    if (hasBadClock(context, r.deviceTime)) {
      return { category: 'bad_clock', month: monthOf(context.receivedAt) };
    }
    const repeat = r.possibleRepeat || repeatByTime.has(r.id);
    return { category: repeat ? 'repeat' : 'counted', month: monthOf(r.deviceTime) };
  });
  return { flags, nowRepeats };
}
