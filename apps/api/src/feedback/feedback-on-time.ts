/**
 * The on-time figure of the register for the monthly tally (Thông tư 01/2018/TT-VPCP, indicator 8).
 */
import {
  onTimeFigures,
  vnDateOf,
  type IsoDate,
  type OnTimeItem,
  type OnTimeRow,
} from '@hailong/domain';
import { keysetPages } from '../repositories/keyset.ts';
import type { FeedbackRegisterRow, Repositories } from '../repositories/types.ts';

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975). */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The instants [from, to) of a calendar month 'YYYY-MM' in Việt Nam. */
export function vnMonthBounds(month: string): { from: number; to: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: Date.UTC(y, m - 1, 1) - VN_OFFSET_MS, to: Date.UTC(y, m, 1) - VN_OFFSET_MS };
}

const dateOrNull = (ms: number | null): IsoDate | null => (ms === null ? null : vnDateOf(ms));

function toOnTimeItem(row: FeedbackRegisterRow): OnTimeItem {
  const received = row.receivedDate ?? vnDateOf(row.receivedAt);
  return {
    unitId: row.unitId,
    month: received.slice(0, 7),
    status: row.status,
    classification: row.classification,
    closeReason: row.closeReason,
    classifyDue: row.classifyDue ?? received,
    answerDue: row.answerDue ?? received,
    classifiedDate: dateOrNull(row.classifiedAt),
    answeredDate: dateOrNull(row.answeredAt),
    closedDate: dateOrNull(row.closedAt),
    verdict: row.verdict,
  };
}

/**
 * Per unit, for phản ánh, kiến nghị received in `month` ('YYYY-MM', Asia/Ho_Chi_Minh): received,
 * answered (or settled by forwarding / as not admissible), answered on time, overdue open items,
 * the on-time rate and its 2/1/0 score, as they stand at `now` (overdue is judged against today's
 * date in Việt Nam). Only units with at least one item get a row; `unitId` restricts to one unit.
 *
 * Signature for the tally: `feedbackOnTime(repos, month, unitId?, now?) → Promise<OnTimeRow[]>`.
 */
export async function feedbackOnTime(
  repos: Repositories,
  month: string,
  unitId?: string,
  now: number = Date.now(),
): Promise<OnTimeRow[]> {
  const { from, to } = vnMonthBounds(month);
  const items = [];
  for await (const page of keysetPages((p) =>
    repos.feedback.listReceivedBetween(from, to, p, unitId),
  )) {
    items.push(...page.map(toOnTimeItem));
  }
  return onTimeFigures(items, vnDateOf(now));
}

/**
 * The rows of `feedbackOnTime` for each month of `months`, of the units in `unitIds` only (every
 * unit when null): what the assessment, the periodic report and the indicator file sum.
 */
export async function feedbackOnTimeIn(
  repos: Repositories,
  months: readonly string[],
  unitIds: ReadonlySet<string> | null,
  now: number,
): Promise<OnTimeRow[]> {
  const out: OnTimeRow[] = [];
  for (const month of months) {
    for (const row of await feedbackOnTime(repos, month, undefined, now)) {
      if (!unitIds || unitIds.has(row.unitId)) out.push(row);
    }
  }
  return out;
}
