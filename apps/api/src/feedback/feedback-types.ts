/**
 * The storage contract of the phản ánh, kiến nghị register (feedback_items with their workflow
 * columns, feedback_events, holidays, feedback_settings). Times are epoch milliseconds; dates are
 * 'YYYY-MM-DD' calendar dates in Việt Nam.
 */
import type {
  FeedbackClassification,
  FeedbackCloseReason,
  FeedbackStatus,
  HolidayEntry,
  FeedbackSource,
  FeedbackVerdictValue,
  SourceChannel,
} from '@hailong/domain';
import type { FeedbackItemRow } from '../repositories/types.ts';
import type { KeysetPage } from '../repositories/keyset.ts';

export interface FeedbackWorkflowFields {
  status: FeedbackStatus;
  classification: FeedbackClassification | null;
  forwardedTo: string | null;
  assigneeId: string | null;
  receivedDate: string | null;
  answerDays: number | null;
  classifyDue: string | null;
  answerDue: string | null;
  dueDate: string | null;
  classifiedAt: number | null;
  answeredAt: number | null;
  publishedAt: number | null;
  closedAt: number | null;
  answerText: string | null;
  answerChannel: string | null;
  answerPublished: boolean;
  answeredBy: string | null;
  closeReason: FeedbackCloseReason | null;
  closeNote: string | null;
  duplicateOf: string | null;
  searchText: string;
  contactErasedAt: number | null;
  updatedAt: number | null;
  /** registerSearchText of the published answer; null while unpublished. */
  answerSearch: string | null;
  verdict: FeedbackVerdictValue | null;
  verdictAt: number | null;
  verdictReason: string | null;
  verdictHandledAt: number | null;
  /** How staff received an item they entered; null for items from a device. */
  source: FeedbackSource | null;
  enteredBy: string | null;
}

/** A register entry: what the kiosk sent plus where the workflow stands. */
export type FeedbackRegisterRow = FeedbackItemRow &
  FeedbackWorkflowFields & {
    /** Display name of the assignee, joined for lists. */
    assigneeName: string | null;
    /** The channel of the source that sent it (tablet, phone, staff), joined from the ledger. */
    channel: SourceChannel | null;
  };

/** Workflow fields, and the sector staff may set or correct when classifying. */
export type FeedbackPatch = Partial<FeedbackWorkflowFields> &
  Partial<Pick<FeedbackItemRow, 'sectorId'>> & { updatedAt: number };

export interface FeedbackFilter {
  unitId?: string;
  /** Items of any of these units (a scope or a subtree); none when empty. */
  unitIds?: readonly string[];
  sectorId?: string;
  status?: FeedbackStatus;
  assigneeId?: string;
  /** due_date within [from, to] (inclusive). */
  dueFrom?: string;
  dueTo?: string;
  /** due_date < this date. */
  dueBefore?: string;
  /** Already folded with foldDiacritics; matched as a substring of search_text. */
  search?: string;
  /** Only items whose "not accepted" verdict staff have not taken up. */
  verdictFlagged?: boolean;
}

export interface FeedbackEventRow {
  id: string;
  feedbackId: string;
  at: number;
  actorId: string | null;
  action: string;
  fromStatus: FeedbackStatus | null;
  toStatus: FeedbackStatus | null;
  note: string | null;
  /** Never contact data: history is kept after the contact data is erased. */
  details: Record<string, string | number | boolean | null>;
}

export type FeedbackEventView = FeedbackEventRow & { actorName: string | null };

/** An item's texts with its contact data masked, written when the contact data is erased. */
export interface ErasedTexts {
  /** The texts as they were read: nothing is written if any changed since (an answer meanwhile). */
  read: Pick<
    FeedbackRegisterRow,
    'content' | 'answerText' | 'forwardedTo' | 'closeNote' | 'verdictReason'
  >;
  content: string;
  searchText: string;
  answerText: string | null;
  answerSearch: string | null;
  forwardedTo: string | null;
  closeNote: string | null;
  verdictReason: string | null;
  /** Only the events whose note or details changed. */
  events: readonly Pick<FeedbackEventRow, 'id' | 'note' | 'details'>[];
}

export interface FeedbackRepository {
  findById(id: string): Promise<FeedbackRegisterRow | undefined>;
  findByIds(ids: readonly string[]): Promise<FeedbackRegisterRow[]>;
  /**
   * Every item with this exact (canonical) tracking code, for staff: one since migration 005, more
   * only where an earlier install stored two items under one code.
   */
  findByTrackingCode(code: string): Promise<FeedbackRegisterRow[]>;
  /** The one item the public lookup shows for this canonical code (its `lookup_code`). */
  findByLookupCode(code: string): Promise<FeedbackRegisterRow | undefined>;
  /**
   * Applies `patch` only if the item is still in `expectedStatus`, so that two people acting at
   * once cannot both move it; false when it was not (or no longer) in that state.
   */
  update(id: string, expectedStatus: FeedbackStatus, patch: FeedbackPatch): Promise<boolean>;
  /** Most urgent first: open items by due date, then the newest. */
  list(
    filter: FeedbackFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: FeedbackRegisterRow[]; total: number }>;
  countByStatus(filter: FeedbackFilter): Promise<Partial<Record<FeedbackStatus, number>>>;
  count(filter: FeedbackFilter): Promise<number>;
  /**
   * A page of the items received in [from, to), of one unit or all, by id: by the day received in Việt Nam (staff may
   * back-date a letter), or by the time stored for an item not initialised yet.
   */
  listReceivedBetween(
    from: number,
    to: number,
    page: KeysetPage,
    unitId?: string,
  ): Promise<FeedbackRegisterRow[]>;
  /** A page of the items with a deadline still binding (received, classified or in progress). */
  listOpen(page: KeysetPage): Promise<FeedbackRegisterRow[]>;
  /** Closed before `closedBefore` and still holding contact data. */
  listContactToErase(closedBefore: number, limit: number): Promise<string[]>;
  /**
   * Clears name, phone and consent and stores `texts`, the item's texts with them masked; false
   * (and nothing written) when already erased or its texts changed since `texts.read`.
   */
  eraseContact(id: string, at: number, texts: ErasedTexts): Promise<boolean>;
  appendEvents(events: readonly FeedbackEventRow[]): Promise<void>;
  /** Oldest first, with the actor's display name. */
  listEvents(feedbackId: string): Promise<FeedbackEventView[]>;
  getSettings(): Promise<Record<string, string>>;
  putSetting(key: string, value: string, at: number, by: string | null): Promise<void>;
}

export interface HolidayRepository {
  /** Ordered by date; within [from, to] when given. */
  list(range?: { from: string; to: string }): Promise<HolidayEntry[]>;
  upsert(entry: HolidayEntry, at: number, by: string | null): Promise<void>;
  delete(date: string): Promise<boolean>;
}
