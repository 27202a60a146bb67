/**
 * The verdict (kết quả) of a satisfaction rate against its target, decided here and nowhere else,
 * so the overview, the report, the exports, the league and the public page can never disagree
 * (issue 23, item 1). Too few answers are never judged: a rate on a handful of phiếu says nothing,
 * so it reads "Chưa đủ phiếu để đánh giá", never "Chưa đạt". A rate whose 95 % Wilson interval
 * contains the target is "chưa khác biệt có ý nghĩa so với chỉ tiêu" whichever side of it the point
 * falls. Only then is it met or not, compared exactly in integers. A rate with no
 * target that someone chose has no verdict at all: no default nobody chose may decide one.
 */
import { wilsonInterval } from './wilson.ts';

/** Basis points in 100 %. */
export const BP_SCALE = 10_000;

/** Products below this with a basis-point factor stay under 2^53, where doubles are exact. */
const EXACT_LIMIT = Math.floor(Number.MAX_SAFE_INTEGER / BP_SCALE);

/** Whether `satisfied` of `total` reach `targetBp`: satisfied·10000 ≥ targetBp·total, exactly. */
export function meetsTarget(satisfied: number, total: number, targetBp: number): boolean {
  if (total > EXACT_LIMIT) {
    return BigInt(satisfied) * BigInt(BP_SCALE) >= BigInt(targetBp) * BigInt(total);
  }
  return satisfied * BP_SCALE >= targetBp * total;
}

export type RateVerdict = 'met' | 'not-met' | 'not-significant' | 'too-few';

/** How a report names a verdict in a narrow table cell (the DOCX report). */
export const RATE_VERDICT_LABELS: Readonly<Record<RateVerdict, string>> = {
  met: 'Đạt',
  'not-met': 'Chưa đạt',
  'not-significant': 'Chưa khác biệt có ý nghĩa',
  'too-few': 'Chưa đủ phiếu',
};

/** The verdict in full words: the "Kết quả" column of the exports, the public page, the headline. */
export const RATE_VERDICT_TEXT: Readonly<Record<RateVerdict, { vi: string; en: string }>> = {
  met: { vi: 'Đạt', en: 'Met' },
  'not-met': { vi: 'Chưa đạt', en: 'Not met' },
  'not-significant': {
    vi: 'Chưa khác biệt có ý nghĩa so với chỉ tiêu',
    en: 'Not significantly different from the target',
  },
  'too-few': { vi: 'Chưa đủ phiếu để đánh giá', en: 'Too few answers to judge' },
};

/** How a headline says that no overall target is set anywhere up the tree: no verdict. */
export const NO_TARGET_TEXT = { vi: 'Chưa đặt chỉ tiêu chung', en: 'No overall target set' };

/**
 * The verdict of `satisfied` of `total` against a target in basis points: too few below
 * `minSample` (or without answers); not significantly different when the 95 % interval contains
 * the target; otherwise met or not met. Null when no target applies (`targetBp` null), unless too
 * few: too few is said whatever the target.
 */
export function rateVerdict(
  satisfied: number,
  total: number,
  targetBp: number,
  minSample: number,
): RateVerdict;
export function rateVerdict(
  satisfied: number,
  total: number,
  targetBp: number | null,
  minSample: number,
): RateVerdict | null;
export function rateVerdict(
  satisfied: number,
  total: number,
  targetBp: number | null,
  minSample: number,
): RateVerdict | null {
  if (total === 0 || total < minSample) return 'too-few';
  if (targetBp === null) return null;
  const interval = wilsonInterval(satisfied, total)!;
  const target = targetBp / BP_SCALE;
  if (interval.low <= target && target <= interval.high) return 'not-significant';
  return meetsTarget(satisfied, total, targetBp) ? 'met' : 'not-met';
}
