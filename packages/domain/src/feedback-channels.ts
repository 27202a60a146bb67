/**
 * Where a phản ánh, kiến nghị came from and what the citizen said of its answer. Staff record items
 * received outside the tablet (Nghị định 20/2008/NĐ-CP asks that every one be logged, whatever the
 * channel); the citizen may accept an answer or not (QĐ 766/QĐ-TTg counts answers not rejected by
 * the citizen), and a "not accepted" verdict stays flagged until staff take it up.
 */
import type { FeedbackCloseReason, FeedbackStatus } from './feedback-workflow.ts';
import { foldDiacritics } from './vi-text.ts';

/** How staff received an item they enter by hand (the 1022 line counts as the hotline). */
export const FEEDBACK_SOURCES = [
  'phone',
  'letter',
  'email',
  'in_person',
  'hotline',
  'portal',
] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const FEEDBACK_SOURCE_LABELS: Readonly<Record<FeedbackSource, { vi: string; en: string }>> =
  {
    phone: { vi: 'Điện thoại', en: 'Phone call' },
    letter: { vi: 'Thư, đơn gửi qua bưu điện', en: 'Letter' },
    email: { vi: 'Thư điện tử', en: 'E-mail' },
    in_person: { vi: 'Trực tiếp tại bộ phận một cửa', en: 'In person' },
    hotline: { vi: 'Đường dây nóng (1022)', en: 'Hotline (1022)' },
    portal: { vi: 'Cổng Dịch vụ công', en: 'Public-service portal' },
  };

export const FEEDBACK_VERDICTS = ['accepted', 'not_accepted'] as const;
export type FeedbackVerdictValue = (typeof FEEDBACK_VERDICTS)[number];

export const FEEDBACK_VERDICT_LABELS: Readonly<
  Record<FeedbackVerdictValue, { vi: string; en: string }>
> = {
  accepted: { vi: 'Người dân chấp nhận câu trả lời', en: 'The citizen accepts the answer' },
  not_accepted: {
    vi: 'Người dân chưa chấp nhận câu trả lời',
    en: 'The citizen does not accept the answer',
  },
};

/** photo: sent with the item from the citizen's phone; scan: attached by the staff who entered it. */
export const ATTACHMENT_KINDS = ['photo', 'scan'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface VerdictSubject {
  status: FeedbackStatus;
  closeReason: FeedbackCloseReason | null;
  answeredAt: number | null;
}

/**
 * Whether the citizen may give a verdict now: the item has an answer of its own (answered,
 * published, or closed as resolved after it). Items closed otherwise have nothing to accept.
 */
export function verdictOpen(item: VerdictSubject): boolean {
  if (item.answeredAt === null) return false;
  if (item.status === 'answered' || item.status === 'published') return true;
  return item.status === 'closed' && item.closeReason === 'done';
}

export interface VerdictState {
  verdict: FeedbackVerdictValue | null;
  verdictAt: number | null;
  verdictHandledAt: number | null;
}

/** A "not accepted" verdict that staff have not taken up since it was given. */
export function verdictFlagged(item: VerdictState): boolean {
  return (
    item.verdict === 'not_accepted' &&
    item.verdictAt !== null &&
    (item.verdictHandledAt === null || item.verdictHandledAt < item.verdictAt)
  );
}

/** The folded text the public register searches: the tracking code and the published answer. */
export function registerSearchText(trackingCode: string, answer: string): string {
  return foldDiacritics(`${trackingCode} ${trackingCode.replace(/-/g, '')} ${answer}`);
}
