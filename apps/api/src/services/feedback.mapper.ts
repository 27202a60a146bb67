/** Register rows to what the wire carries, with contact data shown only to those who may see it. */
import { foldDiacritics, urgencyOf, vnDateOf, type WorkCalendar } from '@hailong/domain';
import type {
  AnswerChannel,
  FeedbackContactView,
  FeedbackEvent,
  FeedbackSummary,
  PublicFeedback,
} from '@hailong/contracts';
import type { FeedbackEventView, FeedbackRegisterRow } from '../repositories/types.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

const EXCERPT_CHARS = 160;

export function toSummary(
  row: FeedbackRegisterRow,
  today: string,
  calendar: WorkCalendar,
): FeedbackSummary {
  const received = row.receivedDate ?? vnDateOf(row.receivedAt);
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    kind: row.kind,
    unitId: row.unitId,
    sectorId: row.sectorId,
    status: row.status,
    classification: row.classification,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    receivedAt: iso(row.receivedAt),
    deviceTime: iso(row.deviceTime),
    classifyDue: row.classifyDue ?? received,
    answerDue: row.answerDue ?? received,
    dueDate: row.dueDate,
    urgency: row.dueDate === null ? null : urgencyOf(row.dueDate, today, calendar),
    excerpt:
      row.content.length > EXCERPT_CHARS
        ? `${row.content.slice(0, EXCERPT_CHARS).trimEnd()}…`
        : row.content,
  };
}

/** Full contact data, or only whether there is any (viewers, staff not assigned to the item). */
export function toContactView(
  row: FeedbackRegisterRow,
  visible: boolean,
): FeedbackContactView | null {
  if (row.contactName === null && row.contactPhone === null && row.consentAt === null) return null;
  return {
    masked: !visible,
    name: visible ? row.contactName : null,
    phone: visible ? row.contactPhone : null,
    hasName: row.contactName !== null,
    hasPhone: row.contactPhone !== null,
    consentVersion: row.consentVersion,
    consentAt: isoOrNull(row.consentAt),
  };
}

export function toAnswer(row: FeedbackRegisterRow, answeredByName: string | null) {
  if (row.answerText === null || row.answeredAt === null || row.answerChannel === null) return null;
  return {
    text: row.answerText,
    channel: row.answerChannel as AnswerChannel,
    published: row.answerPublished,
    answeredAt: iso(row.answeredAt),
    answeredBy: answeredByName,
  };
}

export function toEvent(event: FeedbackEventView): FeedbackEvent {
  return {
    id: event.id,
    at: iso(event.at),
    actorName: event.actorName,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note,
    details: event.details,
  };
}

/**
 * Whether `text` contains the citizen's name or phone number. A published answer must not: it is
 * on a public page (Nghị định 13/2023/NĐ-CP).
 */
export function mentionsContact(text: string, row: FeedbackRegisterRow): boolean {
  const name = row.contactName ? foldDiacritics(row.contactName).replace(/\s+/g, ' ') : '';
  if (name.length >= 2 && foldDiacritics(text).replace(/\s+/g, ' ').includes(name)) return true;
  const phone = row.contactPhone?.replace(/\D/g, '').slice(-9) ?? '';
  return phone.length === 9 && text.replace(/\D/g, '').includes(phone);
}

/** The citizen's view: no content, no contact data, the answer only once it is published. */
export function toPublic(
  row: FeedbackRegisterRow,
  unitName: string,
  sectorName: string | null,
): PublicFeedback {
  const published = row.answerPublished && row.answerText !== null && row.answeredAt !== null;
  return {
    trackingCode: row.trackingCode,
    kind: row.kind,
    unitName,
    sectorName,
    status: row.status,
    classification: row.classification,
    forwardedTo: row.classification === 'forwarded' ? row.forwardedTo : null,
    receivedAt: iso(row.receivedAt),
    answerDue: row.answerDue ?? row.receivedDate ?? vnDateOf(row.receivedAt),
    answeredAt: isoOrNull(row.answeredAt),
    closedAt: isoOrNull(row.closedAt),
    answer: published ? { text: row.answerText!, answeredAt: iso(row.answeredAt!) } : null,
  };
}
