/** Words for the register's codes in the current language; the Vietnamese names live in the domain. */
import {
  FEEDBACK_CLASSIFICATION_LABELS,
  FEEDBACK_CLOSE_REASON_LABELS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_SOURCE_LABELS,
  type FeedbackSource,
  HOLIDAY_KIND_LABELS,
  type FeedbackClassification,
  type FeedbackCloseReason,
  type FeedbackKind,
  type FeedbackStatus,
  type HolidayKind,
} from '@hailong/domain';
import type { AnswerChannel } from '@hailong/contracts';
import { i18n, t, type MessageKey } from '../../lib/i18n.svelte.ts';

export const statusLabel = (s: FeedbackStatus) => FEEDBACK_STATUS_LABELS[s][i18n.locale];
export const kindLabel = (k: FeedbackKind) => FEEDBACK_KIND_LABELS[k][i18n.locale];
export const classificationLabel = (c: FeedbackClassification) =>
  FEEDBACK_CLASSIFICATION_LABELS[c][i18n.locale];
export const closeReasonLabel = (r: FeedbackCloseReason) =>
  FEEDBACK_CLOSE_REASON_LABELS[r][i18n.locale];
export const holidayKindLabel = (k: HolidayKind) => HOLIDAY_KIND_LABELS[k][i18n.locale];
export const channelLabel = (c: AnswerChannel) => t(`feedback.channel.${c}`);
export const sourceLabel = (s: FeedbackSource) => FEEDBACK_SOURCE_LABELS[s][i18n.locale];

const EVENTS = new Set([
  'received',
  'classify',
  'start',
  'answer',
  'publish',
  'close',
  'assign',
  'contact_erased',
  'contact_viewed',
  'entered',
  'verdict',
  'verdict_handled',
  'conduct',
]);

/** A history event's name; an action this console does not know is shown as its code. */
export function eventLabel(action: string): string {
  return EVENTS.has(action) ? t(`feedback.event.${action}` as MessageKey) : action;
}
