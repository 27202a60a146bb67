/**
 * Building the records a citizen's taps produce. Pure: the id, the device and the instant are
 * passed in. The drafts are then checked against the shared schema (contracts.ts) and queued.
 */
import type { FeedbackKind, LowRatingReason } from '@hailong/domain';
import type { DistributiveOmit, RecordDraft } from './outbox/outbox.ts';

/** A draft as the screens build it: everything but the sequence number and the schema version. */
export type UncheckedDraft = DistributiveOmit<RecordDraft, 'schemaVersion'>;

/** Who captured a record, and when. */
export interface Capture {
  id: string;
  deviceId: string;
  /** The tablet's clock, epoch milliseconds. */
  at: number;
}

export interface RatingInput {
  sectorId: string;
  level: number;
  reasons: readonly LowRatingReason[];
  comment: string;
  /** When this tablet stored its previous rating, if it remembers. */
  previousRatingAt: number | null;
  repeatWindowSeconds: number;
  /** How the citizen answered (issue 27): counted by the report, nothing else about them. */
  mode: AnswerModeInput;
}

/** The pack on screen, whether "Nghe" was on and whether "Chữ lớn" was, when the level was pressed. */
export interface AnswerModeInput {
  language: string;
  audio: boolean;
  largeText: boolean;
}

/**
 * A press within the repeat window of the previous rating is kept but flagged: commercial
 * terminals treat such presses as misuse and leave them out of reports.
 */
export function isPossibleRepeat(
  previousAt: number | null,
  at: number,
  windowSeconds: number,
): boolean {
  return (
    previousAt !== null && windowSeconds > 0 && Math.abs(at - previousAt) < windowSeconds * 1000
  );
}

export function buildRating(capture: Capture, input: RatingInput): UncheckedDraft {
  const comment = input.comment.trim();
  return {
    id: capture.id,
    deviceId: capture.deviceId,
    deviceTime: new Date(capture.at).toISOString(),
    kind: 'rating',
    sectorId: input.sectorId,
    level: input.level,
    reasons: [...new Set(input.reasons)],
    ...(comment && { comment }),
    possibleRepeat: isPossibleRepeat(input.previousRatingAt, capture.at, input.repeatWindowSeconds),
    language: input.mode.language,
    audio: input.mode.audio,
    largeText: input.mode.largeText,
  };
}

export interface FeedbackInput {
  feedbackKind: FeedbackKind;
  trackingCode: string;
  sectorId: string | null;
  content: string;
  /** Whether the citizen ticked the consent box (it starts unticked). */
  consent: boolean;
  name: string;
  phone: string;
  /** The version of the consent text shown; recorded with the consent. */
  consentVersion: string;
  /** SHA-256 of the verdict token shown on the thank-you screen; the token stays on the screen. */
  verdictTokenHash?: string;
}

/**
 * A phản ánh or kiến nghị. Contact data is kept only with explicit consent (Luật 91/2025/QH15,
 * NĐ 356/2025): without the ticked box the name and phone never enter the record at all.
 */
export function buildFeedback(capture: Capture, input: FeedbackInput): UncheckedDraft {
  const name = input.name.trim();
  const phone = input.phone.trim();
  const contact =
    input.consent && (name || phone)
      ? {
          ...(name && { name }),
          ...(phone && { phone }),
          consentVersion: input.consentVersion,
          consentAt: new Date(capture.at).toISOString(),
        }
      : null;
  return {
    id: capture.id,
    deviceId: capture.deviceId,
    deviceTime: new Date(capture.at).toISOString(),
    kind: 'feedback',
    feedbackKind: input.feedbackKind,
    trackingCode: input.trackingCode,
    sectorId: input.sectorId,
    content: input.content,
    contact,
    ...(input.verdictTokenHash !== undefined && { verdictTokenHash: input.verdictTokenHash }),
  };
}
