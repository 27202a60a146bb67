/**
 * The on-time figure of phản ánh, kiến nghị per unit and month, as Thông tư 01/2018/TT-VPCP scores
 * it (indicator 8: handled on time — 2 points at 100%, 1 at ≥ 90%, 0 below).
 *
 * Items count in the month they were received (Asia/Ho_Chi_Minh). An item is settled when it is
 * answered (judged against the answer deadline) or, if it is not ours to answer, when it was
 * classified as forwarded or not admissible (judged against the 5-working-day classification
 * deadline). Open items are judged only once they are overdue; open items still within their
 * deadline are not judged yet. Duplicates are left out entirely: the item they duplicate counts.
 */
import { settlesWithoutAnswer, type FeedbackDeadlines } from './deadlines.ts';
import type {
  FeedbackClassification,
  FeedbackCloseReason,
  FeedbackStatus,
} from './feedback-workflow.ts';
import type { IsoDate } from './working-days.ts';
import type { FeedbackVerdictValue } from './feedback-channels.ts';

export interface OnTimeItem extends FeedbackDeadlines {
  unitId: string;
  /** Month of receipt, 'YYYY-MM'. */
  month: string;
  status: FeedbackStatus;
  classification: FeedbackClassification | null;
  closeReason: FeedbackCloseReason | null;
  /** Calendar dates in Việt Nam of the steps taken, null when not (yet) taken. */
  classifiedDate: IsoDate | null;
  answeredDate: IsoDate | null;
  closedDate: IsoDate | null;
  /** The citizen's verdict on the answer, if they gave one (issue 13). */
  verdict?: FeedbackVerdictValue | null;
}

export interface OnTimeRow {
  unitId: string;
  month: string;
  /** Received in the month, duplicates left out. */
  received: number;
  duplicates: number;
  /** Answered, or settled by forwarding or as not admissible. */
  answered: number;
  answeredOnTime: number;
  /** Not settled and past their deadline as of `today`. */
  overdueOpen: number;
  /** Answers the citizen said they accept, and do not accept (QĐ 766/QĐ-TTg). */
  accepted: number;
  notAccepted: number;
  /** answeredOnTime / (answered + overdueOpen); null when nothing can be judged yet. */
  rate: number | null;
  /** 2 at 100%, 1 at ≥ 90%, 0 below; null with the rate. */
  score: 0 | 1 | 2 | null;
}

/** The points of indicator 8 for `onTime` of `judged` items (exact integer comparison). */
export function onTimeScore(onTime: number, judged: number): 0 | 1 | 2 | null {
  if (judged === 0) return null;
  if (onTime >= judged) return 2;
  return onTime * 10 >= judged * 9 ? 1 : 0;
}

type Outcome = 'duplicate' | 'on_time' | 'late' | 'overdue_open' | 'pending';

/** How one item stands for the figure on `today`. */
export function onTimeOutcome(item: OnTimeItem, today: IsoDate): Outcome {
  if (item.closeReason === 'duplicate') return 'duplicate';
  if (item.answeredDate !== null) {
    return item.answeredDate <= item.answerDue ? 'on_time' : 'late';
  }
  if (settlesWithoutAnswer(item.classification) && item.classifiedDate !== null) {
    return item.classifiedDate <= item.classifyDue ? 'on_time' : 'late';
  }
  if (item.status === 'closed' && item.closedDate !== null) {
    // Closed straight from "received" as not admissible: that decision is the classification.
    return item.closedDate <= item.classifyDue ? 'on_time' : 'late';
  }
  const due = item.status === 'received' ? item.classifyDue : item.answerDue;
  return due < today ? 'overdue_open' : 'pending';
}

/** One row per unit and month present in `items`, ordered by unit then month. */
export function onTimeFigures(items: readonly OnTimeItem[], today: IsoDate): OnTimeRow[] {
  const rows = new Map<string, OnTimeRow>();
  for (const item of items) {
    const key = `${item.unitId}\u0000${item.month}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        unitId: item.unitId,
        month: item.month,
        received: 0,
        duplicates: 0,
        answered: 0,
        answeredOnTime: 0,
        overdueOpen: 0,
        accepted: 0,
        notAccepted: 0,
        rate: null,
        score: null,
      };
      rows.set(key, row);
    }
    const outcome = onTimeOutcome(item, today);
    if (outcome === 'duplicate') {
      row.duplicates += 1;
      continue;
    }
    row.received += 1;
    if (outcome === 'on_time' || outcome === 'late') row.answered += 1;
    if (outcome === 'on_time') row.answeredOnTime += 1;
    if (outcome === 'overdue_open') row.overdueOpen += 1;
    if (item.answeredDate !== null && item.verdict === 'accepted') row.accepted += 1;
    if (item.answeredDate !== null && item.verdict === 'not_accepted') row.notAccepted += 1;
  }
  for (const row of rows.values()) {
    const judged = row.answered + row.overdueOpen;
    row.rate = judged === 0 ? null : row.answeredOnTime / judged;
    row.score = onTimeScore(row.answeredOnTime, judged);
  }
  return [...rows.values()].sort((a, b) =>
    a.unitId === b.unitId ? a.month.localeCompare(b.month) : a.unitId.localeCompare(b.unitId),
  );
}
