/**
 * The storage contracts of issue 13's channels: citizens' verdicts on answers, the public register
 * of published answers, and the photos and scans kept with an item.
 */
import type { AttachmentKind, FeedbackKind } from '@hailong/domain';

export interface VerdictRow {
  id: string;
  feedbackId: string;
  at: number;
  /** The answer judged (its `answered_at`): one verdict per answer. */
  answeredAt: number;
  accepted: boolean;
  reason: string | null;
  /** Staff who recorded a verdict the citizen gave them by phone; null: the citizen, with the token. */
  recordedBy?: string | null;
}

/** A "not accepted" verdict staff have not taken up, for the alert rule. */
export interface FlaggedVerdict {
  feedbackId: string;
  unitId: string;
  trackingCode: string;
  at: number;
}

export interface VerdictRepository {
  /**
   * Stores the verdict and marks the item with it, if none was given on that answer yet; false
   * when one was (a second verdict on the same answer changes nothing).
   */
  record(row: VerdictRow): Promise<boolean>;
  /** Staff took up the item's "not accepted" verdict at `at`. */
  markHandled(feedbackId: string, at: number): Promise<void>;
  listFlagged(): Promise<FlaggedVerdict[]>;
}

export interface RegisterFilter {
  /** Units whose answers are listed (a subtree); every unit when absent. */
  unitIds?: readonly string[];
  sectorCode?: string;
  /** Folded with foldDiacritics; matched as a substring of answer_search. */
  search?: string;
}

export interface RegisterRow {
  trackingCode: string;
  kind: FeedbackKind;
  unitId: string;
  sectorId: string | null;
  receivedAt: number;
  /** The day staff say it was received (feedback-intake.ts); null on items never initialised. */
  receivedDate: string | null;
  answeredAt: number;
  publishedAt: number;
  answerText: string;
}

export interface PublicRegisterRepository {
  /** Published answers, newest publication first. */
  list(
    filter: RegisterFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: RegisterRow[]; total: number }>;
}

export interface AttachmentRow {
  id: string;
  feedbackId: string;
  kind: AttachmentKind;
  mediaType: string;
  size: number;
  createdAt: number;
}

export interface AttachmentRepository {
  insert(row: AttachmentRow, bytes: Uint8Array): Promise<void>;
  /** The item's attachments (erased ones left out), oldest first. */
  listFor(feedbackId: string): Promise<AttachmentRow[]>;
  /** The bytes of one attachment of the item; undefined when absent or erased. */
  read(
    feedbackId: string,
    id: string,
  ): Promise<(AttachmentRow & { bytes: Uint8Array }) | undefined>;
  /**
   * Drops the bytes of the attachments of items closed before `closedBefore` (retention, like
   * contact data); the rows stay, marked erased. Returns how many.
   */
  eraseClosedBefore(closedBefore: number, at: number): Promise<number>;
}
