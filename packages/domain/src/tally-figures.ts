/**
 * The figures of one tally cell (a sector, a unit, the whole province): answers, satisfied answers,
 * the rate against its target, the 95 % interval, and how far the cell is from its target. Targets
 * are basis points (9150 = 91,50 %) and every comparison with them is done in integers, so a rate
 * of exactly 91,5 % meets a 91,5 % target whatever binary floating point thinks of 0.915.
 */
import { BP_SCALE, meetsTarget, rateVerdict, type RateVerdict } from './rate-verdict.ts';
import { wilsonInterval, type Interval } from './wilson.ts';

/** Below this many answers a rate is shown but flagged as too few to judge. */
export const DEFAULT_MIN_SAMPLE = 30;

/**
 * The raw counts a cell adds up; every field is a non-negative integer. Only ratings of category
 * `counted` make the official rate; every other category is kept and counted in its own field (the
 * excluded breakdown), so a report always shows what was left out and why.
 */
export interface TallyCounts {
  /** Answers in the official rate (category `counted`, on the scale they were given on). */
  total: number;
  satisfied: number;
  /** Flagged as possible repeat presses: kept, counted here, left out of the rate. */
  repeats: number;
  /** From a tablet whose clock was far off: kept, counted here, left out of the rate. */
  badClock: number;
  /** Earlier ratings of a dossier rated again later: kept, counted here, left out of the rate. */
  superseded: number;
  /**
   * Phiếu qua điện thoại chưa gắn hồ sơ: phone ratings not tied to a dossier of the unit. Kept,
   * left out of the official rate, and shown apart with a rate of their own.
   */
  unverified: number;
  /** Of the `unverified`, those at a satisfied level of their scale. */
  unverifiedSatisfied: number;
  /** Phiếu đến sau khi chốt số liệu: arrived after the unit's month was closed; a line of its own. */
  late: number;
  /** At a level their scale lacks: left out of the rate. */
  otherLevels: number;
  /** Excluded by a supervisor with a reason after an integrity check: left out of the rate. */
  excludedBySupervisor: number;
}

export interface Figures extends TallyCounts {
  /** satisfied / total as a ratio; null without answers. */
  rate: number | null;
  interval: Interval | null;
  /** Null: no target applies (a node with no overall target set anywhere up the tree). */
  targetBp: number | null;
  /** The target as a ratio, like `rate`. */
  target: number | null;
  /**
   * Whether the point rate reaches the target; null without answers or target. Not a verdict:
   * `verdict` is (it weighs the sample and the interval).
   */
  met: boolean | null;
  /** Fewer answers than the minimum sample: the rate is shown but not judged. */
  tooFew: boolean;
  /** The verdict (rate-verdict.ts); null only when no target applies and there are enough answers. */
  verdict: RateVerdict | null;
  /** Satisfied answers in a row that would reach the target; null when no number can or no target. */
  moreNeeded: number | null;
  /** unverifiedSatisfied / unverified: the rate of the phone ratings shown apart; null without any. */
  unverifiedRate: number | null;
}

export const ZERO_COUNTS: Readonly<TallyCounts> = {
  total: 0,
  satisfied: 0,
  repeats: 0,
  badClock: 0,
  superseded: 0,
  unverified: 0,
  unverifiedSatisfied: 0,
  late: 0,
  otherLevels: 0,
  excludedBySupervisor: 0,
};

/** Adds `b` into a copy of `a`. */
export function addCounts(a: TallyCounts, b: TallyCounts): TallyCounts {
  return {
    total: a.total + b.total,
    satisfied: a.satisfied + b.satisfied,
    repeats: a.repeats + b.repeats,
    badClock: a.badClock + b.badClock,
    superseded: a.superseded + b.superseded,
    unverified: a.unverified + b.unverified,
    unverifiedSatisfied: a.unverifiedSatisfied + b.unverifiedSatisfied,
    late: a.late + b.late,
    otherLevels: a.otherLevels + b.otherLevels,
    excludedBySupervisor: a.excludedBySupervisor + b.excludedBySupervisor,
  };
}

/**
 * Counts up to this keep every product below with a basis-point factor under 2^53, where doubles
 * are exact integers; beyond it (never in practice: 900 billion answers) BigInt takes over.
 */
const EXACT_LIMIT = Math.floor(Number.MAX_SAFE_INTEGER / BP_SCALE);

/**
 * The smallest k ≥ 0 with (s + k) / (n + k) ≥ target: how many satisfied answers in a row would
 * bring the cell to its target. From 10000(s + k) ≥ bp(n + k): k = ⌈(bp·n − 10000·s) / (10000 − bp)⌉.
 * Null when no k can (a 100 % target with an unsatisfied answer already in). With no answers at all
 * one satisfied answer is 100 %, so it is 1 (0 for a 0 % target).
 */
export function moreNeeded(satisfied: number, total: number, targetBp: number): number | null {
  if (total === 0) return targetBp > 0 ? 1 : 0;
  if (total > EXACT_LIMIT) return moreNeededBig(satisfied, total, targetBp);
  const shortfall = targetBp * total - BP_SCALE * satisfied;
  if (shortfall <= 0) return 0;
  const headroom = BP_SCALE - targetBp;
  if (headroom <= 0) return null;
  // ⌈shortfall / headroom⌉ in integers: the float quotient only gives the start, the products
  // (exact below 2^53) decide.
  let k = Math.ceil(shortfall / headroom);
  while (k > 0 && (k - 1) * headroom >= shortfall) k--;
  while (k * headroom < shortfall) k++;
  return k;
}

function moreNeededBig(satisfied: number, total: number, targetBp: number): number | null {
  const shortfall = BigInt(targetBp) * BigInt(total) - BigInt(BP_SCALE) * BigInt(satisfied);
  if (shortfall <= 0n) return 0;
  const headroom = BigInt(BP_SCALE - targetBp);
  if (headroom <= 0n) return null;
  return Number((shortfall + headroom - 1n) / headroom);
}

/** The figures of a cell from its counts, its target (null: none applies) and the minimum sample. */
export function figuresOf(
  counts: TallyCounts,
  targetBp: number | null,
  minSample: number,
): Figures {
  const { total, satisfied } = counts;
  // Written out rather than `{ ...counts, … }`: V8 makes spread-then-add objects the slow way,
  // and a national tally builds thousands of these.
  return {
    total,
    satisfied,
    repeats: counts.repeats,
    badClock: counts.badClock,
    superseded: counts.superseded,
    unverified: counts.unverified,
    unverifiedSatisfied: counts.unverifiedSatisfied,
    late: counts.late,
    otherLevels: counts.otherLevels,
    excludedBySupervisor: counts.excludedBySupervisor,
    rate: total === 0 ? null : satisfied / total,
    interval: wilsonInterval(satisfied, total),
    targetBp,
    target: targetBp === null ? null : targetBp / BP_SCALE,
    met: total === 0 || targetBp === null ? null : meetsTarget(satisfied, total, targetBp),
    tooFew: total < minSample,
    verdict: rateVerdict(satisfied, total, targetBp, minSample),
    moreNeeded: targetBp === null ? null : moreNeeded(satisfied, total, targetBp),
    unverifiedRate: counts.unverified === 0 ? null : counts.unverifiedSatisfied / counts.unverified,
  };
}

/** Ratings kept but left out of the official rate, every category together. */
export const excludedOf = (c: TallyCounts): number =>
  c.repeats +
  c.badClock +
  c.superseded +
  c.unverified +
  c.late +
  c.otherLevels +
  c.excludedBySupervisor;
