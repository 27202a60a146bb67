/** Register rows to what the wire carries, with contact data shown only to those who may see it. */
import {
  maskContactText,
  urgencyOf,
  verdictFlagged,
  verdictOpen,
  vnDateOf,
  type WorkCalendar,
} from '@hailong/domain';
import type {
  AnswerChannel,
  FeedbackContactView,
  FeedbackEvent,
  FeedbackSummary,
  FeedbackVerdictView,
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
    channel: row.channel ?? 'tablet',
    source: row.source,
    verdict: toVerdictView(row),
  };
}

/** The citizen's verdict as staff see it; its reason is the citizen's own words. */
export function toVerdictView(row: FeedbackRegisterRow): FeedbackVerdictView | null {
  if (row.verdict === null || row.verdictAt === null) return null;
  return {
    verdict: row.verdict,
    at: iso(row.verdictAt),
    reason: row.verdictReason,
    flagged: verdictFlagged(row),
    handledAt: isoOrNull(row.verdictHandledAt),
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

/** What staff wrote, as a reader sees it: as written, or with the citizen's name and phones masked. */
export type TextMask = (text: string) => string;

/** The mask for readers who may (`visible`) or may not see the item's contact data. */
export function textMask(row: FeedbackRegisterRow, visible: boolean): TextMask {
  if (visible) return (text) => text;
  const contact = { name: row.contactName, phone: row.contactPhone };
  return (text) => maskContactText(text, contact);
}

export function toAnswer(row: FeedbackRegisterRow, answeredByName: string | null, mask: TextMask) {
  if (row.answerText === null || row.answeredAt === null || row.answerChannel === null) return null;
  return {
    text: mask(row.answerText),
    channel: row.answerChannel as AnswerChannel,
    published: row.answerPublished,
    answeredAt: iso(row.answeredAt),
    answeredBy: answeredByName,
  };
}

/** A history event; its note and the text in its details (a forwarding body) are staff's words. */
export function toEvent(event: FeedbackEventView, mask: TextMask): FeedbackEvent {
  return {
    id: event.id,
    at: iso(event.at),
    actorName: event.actorName,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note === null ? null : mask(event.note),
    details: Object.fromEntries(
      Object.entries(event.details).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v]),
    ),
  };
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
    verdictOpen: verdictOpen(row),
    verdict: row.verdict,
  };
}
