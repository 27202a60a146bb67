/**
 * phản ánh: a report about an administrative rule or how it is applied (delay, harassment, a wrong
 * requirement); kiến nghị: a recommendation to change it (Nghị định 20/2008/NĐ-CP).
 */
export const FEEDBACK_KINDS = ['phan_anh', 'kien_nghi'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_KIND_LABELS: Readonly<Record<FeedbackKind, { vi: string; en: string }>> = {
  phan_anh: { vi: 'Phản ánh', en: 'Complaint' },
  kien_nghi: { vi: 'Kiến nghị', en: 'Recommendation' },
};

/** Why a citizen gave a low rating; asked after an unsatisfied level, as field kiosks do. */
export const LOW_RATING_REASONS = [
  'waiting_time',
  'came_back',
  'staff_attitude',
  'unclear_procedure',
  'other',
] as const;
export type LowRatingReason = (typeof LOW_RATING_REASONS)[number];

export const LOW_RATING_REASON_LABELS: Readonly<
  Record<LowRatingReason, { vi: string; en: string }>
> = {
  waiting_time: { vi: 'Phải chờ lâu', en: 'Long wait' },
  came_back: { vi: 'Phải đi lại nhiều lần', en: 'Had to come back' },
  staff_attitude: { vi: 'Thái độ của cán bộ', en: 'Staff attitude' },
  unclear_procedure: { vi: 'Thủ tục chưa rõ ràng', en: 'Unclear procedure' },
  other: { vi: 'Lý do khác', en: 'Other' },
};
