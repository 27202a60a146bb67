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

/**
 * The day an item was received, in Việt Nam: the day staff say a letter came (it may be entered
 * days later), else the day it was stored. Every date shown as "received" is this one.
 */
export function receivedOn(row: { receivedDate: string | null; receivedAt: number }): string {
  return row.receivedDate ?? vnDateOf(row.receivedAt);
}

/**
 * The inbox row; `mask` is the reader's (textMask), since the excerpt is the citizen's words and
 * may hold their name or number.
 */
export function toSummary(
  row: FeedbackRegisterRow,
  today: string,
  calendar: WorkCalendar,
  mask: TextMask,
): FeedbackSummary {
  const received = receivedOn(row);
  const content = mask(row.content);
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
    receivedOn: received,
    classifyDue: row.classifyDue ?? received,
    answerDue: row.answerDue ?? received,
    dueDate: row.dueDate,
    urgency: row.dueDate === null ? null : urgencyOf(row.dueDate, today, calendar),
    excerpt:
      content.length > EXCERPT_CHARS ? `${content.slice(0, EXCERPT_CHARS).trimEnd()}…` : content,
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

/**
 * What staff and the citizen wrote, as a reader sees it: as written, or with the citizen's name
 * and every phone number masked.
 */
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
    details: maskDetails(event.details, mask),
  };
}

/** An event's details with its text masked; ids ("assigneeId", "duplicateOf"'s …Id) are not text. */
export function maskDetails(
  details: FeedbackEventView['details'],
  mask: TextMask,
): FeedbackEventView['details'] {
  return Object.fromEntries(
    Object.entries(details).map(([k, v]) => [
      k,
      typeof v === 'string' && !k.endsWith('Id') ? mask(v) : v,
    ]),
  );
}

/** The citizen's view: no content, no contact data, the answer only once it is published. */
export function toPublic(
  row: FeedbackRegisterRow,
  unitName: string,
  sectorName: string | null,
): PublicFeedback {
  const published = row.answerPublished && row.answerText !== null && row.answeredAt !== null;
  const received = receivedOn(row);
  return {
    trackingCode: row.trackingCode,
    kind: row.kind,
    unitName,
    sectorName,
    status: row.status,
    classification: row.classification,
    forwardedTo: row.classification === 'forwarded' ? row.forwardedTo : null,
    receivedAt: iso(row.receivedAt),
    receivedOn: received,
    answerDue: row.answerDue ?? received,
    answeredAt: isoOrNull(row.answeredAt),
    closedAt: isoOrNull(row.closedAt),
    answer: published
      ? { text: publicAnswer(row.answerText!), answeredAt: iso(row.answeredAt!) }
      : null,
    verdictOpen: verdictOpen(row),
    verdict: row.verdict,
    // Whether there is a token, never anything of it.
    verdictByToken: Boolean(row.verdictTokenHash),
  };
}

/**
 * A published answer as anyone reads it: publication refuses an answer with a phone number in it,
 * and this masks any that an older rule let through.
 */
export function publicAnswer(text: string): string {
  return maskContactText(text, { name: null, phone: null });
}
