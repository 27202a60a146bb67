/**
 * Deadlines of a phản ánh, kiến nghị in working days, counted from the day after receipt (the day
 * of receipt itself does not count). Classification — and forwarding what is outside our authority
 * — is due within 5 working days (Nghị định 20/2008/NĐ-CP); the answer within a number of working
 * days each agency sets (ministries use about 7–10; default 10).
 */
import {
  isOpenStatus,
  type FeedbackClassification,
  type FeedbackStatus,
} from './feedback-workflow.ts';
import { addWorkingDays, type IsoDate, type WorkCalendar } from './working-days.ts';

export const CLASSIFY_WORKING_DAYS = 5;
export const DEFAULT_ANSWER_WORKING_DAYS = 10;
/** Items due within this many working days stand out in the inbox. */
export const DUE_SOON_WORKING_DAYS = 2;

export interface FeedbackDeadlines {
  /** Classify, or forward to the competent body, by this date. */
  classifyDue: IsoDate;
  /** Answer by this date. */
  answerDue: IsoDate;
}

/** Both deadlines of an item received on `receivedDate` (its calendar date in Việt Nam). */
export function feedbackDeadlines(
  receivedDate: IsoDate,
  answerDays: number,
  calendar: WorkCalendar,
): FeedbackDeadlines {
  return {
    classifyDue: addWorkingDays(receivedDate, CLASSIFY_WORKING_DAYS, calendar),
    answerDue: addWorkingDays(receivedDate, answerDays, calendar),
  };
}

/** Classifications that settle an item without an answer of our own (it only waits to be closed). */
export function settlesWithoutAnswer(classification: FeedbackClassification | null): boolean {
  return classification === 'forwarded' || classification === 'not_admissible';
}

/**
 * The deadline that binds an item now: classification while it is new, the answer while it is
 * classified or being handled, none once it is answered, forwarded, found not admissible or closed.
 */
export function currentDueDate(
  state: { status: FeedbackStatus; classification: FeedbackClassification | null },
  deadlines: FeedbackDeadlines,
): IsoDate | null {
  if (!isOpenStatus(state.status)) return null;
  if (state.status === 'received') return deadlines.classifyDue;
  return settlesWithoutAnswer(state.classification) ? null : deadlines.answerDue;
}

export type Urgency = 'overdue' | 'due_soon' | 'on_track';

/** The last date that still counts as "due soon" seen from `today`. */
export function dueSoonLimit(today: IsoDate, calendar: WorkCalendar): IsoDate {
  return addWorkingDays(today, DUE_SOON_WORKING_DAYS, calendar);
}

/** How a due date looks from `today`: past, within 2 working days, or further. */
export function urgencyOf(due: IsoDate, today: IsoDate, calendar: WorkCalendar): Urgency {
  if (due < today) return 'overdue';
  return due <= dueSoonLimit(today, calendar) ? 'due_soon' : 'on_track';
}
