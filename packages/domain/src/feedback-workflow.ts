/**
 * The handling of a phản ánh, kiến nghị as a pure state machine, after Nghị định 20/2008/NĐ-CP
 * (amended by NĐ 92/2017/NĐ-CP): receive and log in the register → classify (within our authority;
 * about an official's conduct; outside our authority → forward to the competent body; not
 * admissible) → handle → answer → publish the result, or close. Nothing is ever deleted: an item
 * that should not be handled is closed with a reason (duplicate, not admissible, forwarded).
 */
import { foldDiacritics } from './vi-text.ts';

export const FEEDBACK_STATUSES = [
  'received',
  'classified',
  'in_progress',
  'answered',
  'published',
  'closed',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_LABELS: Readonly<Record<FeedbackStatus, { vi: string; en: string }>> =
  {
    received: { vi: 'Mới tiếp nhận', en: 'Received' },
    classified: { vi: 'Đã phân loại', en: 'Classified' },
    in_progress: { vi: 'Đang xử lý', en: 'In progress' },
    answered: { vi: 'Đã trả lời', en: 'Answered' },
    published: { vi: 'Đã công khai', en: 'Published' },
    closed: { vi: 'Đóng', en: 'Closed' },
  };

export const FEEDBACK_CLASSIFICATIONS = [
  'within_authority',
  'official_conduct',
  'forwarded',
  'not_admissible',
] as const;
export type FeedbackClassification = (typeof FEEDBACK_CLASSIFICATIONS)[number];

export const FEEDBACK_CLASSIFICATION_LABELS: Readonly<
  Record<FeedbackClassification, { vi: string; en: string }>
> = {
  within_authority: { vi: 'Thuộc thẩm quyền xử lý', en: 'Within our authority' },
  official_conduct: {
    vi: 'Về hành vi, thái độ của cán bộ, công chức',
    en: "About an official's conduct",
  },
  forwarded: {
    vi: 'Không thuộc thẩm quyền, chuyển cơ quan có thẩm quyền',
    en: 'Outside our authority, forwarded',
  },
  not_admissible: { vi: 'Không đủ điều kiện xử lý', en: 'Not admissible' },
};

/** done: the normal end after an answer; the others end an item without an answer of its own. */
export const FEEDBACK_CLOSE_REASONS = ['done', 'duplicate', 'not_admissible', 'forwarded'] as const;
export type FeedbackCloseReason = (typeof FEEDBACK_CLOSE_REASONS)[number];

export const FEEDBACK_CLOSE_REASON_LABELS: Readonly<
  Record<FeedbackCloseReason, { vi: string; en: string }>
> = {
  done: { vi: 'Đã giải quyết xong', en: 'Resolved' },
  duplicate: { vi: 'Trùng với phản ánh, kiến nghị khác', en: 'Duplicate of another item' },
  not_admissible: { vi: 'Không đủ điều kiện xử lý', en: 'Not admissible' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Forwarded to the competent body' },
};

/** Classifications that this unit handles itself and answers. */
const HANDLED_HERE: ReadonlySet<FeedbackClassification> = new Set([
  'within_authority',
  'official_conduct',
]);

export interface WorkflowState {
  status: FeedbackStatus;
  classification: FeedbackClassification | null;
}

export type WorkflowAction =
  | { type: 'classify'; classification: FeedbackClassification }
  | { type: 'start' }
  | { type: 'answer' }
  | { type: 'publish' }
  | { type: 'close'; reason: FeedbackCloseReason };

export type WorkflowActionType = WorkflowAction['type'];

export type TransitionResult =
  { ok: true; state: WorkflowState } | { ok: false; reason: { vi: string; en: string } };

const refuse = (vi: string, en: string): TransitionResult => ({ ok: false, reason: { vi, en } });

/** The state after `action`, or why the workflow does not allow it from `state`. */
export function applyAction(state: WorkflowState, action: WorkflowAction): TransitionResult {
  const { status, classification } = state;
  const label = FEEDBACK_STATUS_LABELS[status];
  const notFrom = () =>
    refuse(
      `Không thể thực hiện thao tác này khi phản ánh, kiến nghị đang ở trạng thái "${label.vi}".`,
      `This action is not allowed while the item is "${label.en}".`,
    );
  switch (action.type) {
    case 'classify':
      // Classification may be corrected until handling starts.
      if (status !== 'received' && status !== 'classified') return notFrom();
      return { ok: true, state: { status: 'classified', classification: action.classification } };
    case 'start':
      if (status !== 'classified') return notFrom();
      if (!classification || !HANDLED_HERE.has(classification)) {
        return refuse(
          'Chỉ xử lý phản ánh, kiến nghị thuộc thẩm quyền; trường hợp khác hãy chuyển hoặc đóng.',
          'Only items within our authority are handled here; forward or close the others.',
        );
      }
      return { ok: true, state: { status: 'in_progress', classification } };
    case 'answer':
      if (status !== 'in_progress') return notFrom();
      return { ok: true, state: { status: 'answered', classification } };
    case 'publish':
      if (status !== 'answered') return notFrom();
      return { ok: true, state: { status: 'published', classification } };
    case 'close':
      return close(state, action.reason, notFrom);
  }
}

function close(
  state: WorkflowState,
  reason: FeedbackCloseReason,
  notFrom: () => TransitionResult,
): TransitionResult {
  const { status, classification } = state;
  const closed: TransitionResult = { ok: true, state: { status: 'closed', classification } };
  switch (reason) {
    case 'done':
      return status === 'answered' || status === 'published' ? closed : notFrom();
    case 'duplicate':
      return status === 'received' || status === 'classified' || status === 'in_progress'
        ? closed
        : notFrom();
    case 'not_admissible':
      if (status === 'received') return { ok: true, state: { status: 'closed', classification } };
      if (status === 'classified' && classification === 'not_admissible') return closed;
      return refuse(
        'Chỉ đóng vì không đủ điều kiện khi phản ánh, kiến nghị mới tiếp nhận hoặc đã được phân loại như vậy.',
        'Close as not admissible only a new item or one classified so.',
      );
    case 'forwarded':
      if (status === 'classified' && classification === 'forwarded') return closed;
      return refuse(
        'Hãy phân loại "chuyển cơ quan có thẩm quyền" (ghi rõ cơ quan nhận) trước khi đóng.',
        'Classify the item as forwarded (naming the body) before closing it so.',
      );
  }
}

const ALL_ACTIONS: readonly WorkflowAction[] = [
  ...FEEDBACK_CLASSIFICATIONS.map((c) => ({ type: 'classify' as const, classification: c })),
  { type: 'start' },
  { type: 'answer' },
  { type: 'publish' },
  ...FEEDBACK_CLOSE_REASONS.map((r) => ({ type: 'close' as const, reason: r })),
];

/** Every action the workflow allows from `state`, for the console to offer only those. */
export function allowedActions(state: WorkflowState): WorkflowAction[] {
  return ALL_ACTIONS.filter((action) => applyAction(state, action).ok);
}

/**
 * The folded text the inbox searches with LIKE on both dialects: the tracking code with and
 * without its dash, and the content, without diacritics or case ("Đất đai" is found by "dat dai").
 */
export function feedbackSearchText(trackingCode: string, content: string): string {
  return foldDiacritics(`${trackingCode} ${trackingCode.replace(/-/g, '')} ${content}`);
}

/** Whether the item still waits for something to be done (its deadline still binds). */
export function isOpenStatus(status: FeedbackStatus): boolean {
  return status === 'received' || status === 'classified' || status === 'in_progress';
}
