import type { ClientRecord } from '@hailong/contracts';

/** Sequence numbers from `from` to `to`, both included. */
export interface SeqRange {
  from: number;
  to: number;
}

/** Omit over each member of a union, so a draft of a rating stays a rating. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A validated record before the outbox gives it its place (`seq`) in the device's sequence. */
export type RecordDraft = DistributiveOmit<ClientRecord, 'seq'>;

/** A hold on a record just put: the answers that follow the level may still amend it. */
export interface Hold {
  /**
   * When the hold ends (epoch ms) should nothing release it before: a safety net, so a bug in
   * releasing can never keep a rating from the server (see releaseHolds).
   */
  until: number;
}

/** Why the server refused a record for good; kept with the record for staff to see. */
export interface RejectionError {
  code: string;
  message: string;
}

/** A record the server rejected: out of the pending queue, never out of sight. */
export interface DeadLetter {
  record: ClientRecord;
  error: RejectionError;
  /** When the kiosk learnt of the rejection (ISO 8601). */
  at: string;
}

/** A record the server acknowledged, kept for a while in case the server must be restored. */
export interface SentRecord {
  record: ClientRecord;
  /** When the server's acknowledgement was received (ISO 8601). */
  ackedAt: string;
}

/**
 * Records the server acknowledged in one answer, kept as one entry however many they are, so that
 * keeping them costs the tablet one write (a backlog of 100,000 is 200 answers, not 100,000 moves).
 */
export interface KeptBatch {
  /** Given by the store. */
  key?: number;
  deviceId: string;
  /** The lowest and highest number among `records`; numbers between may be elsewhere. */
  from: number;
  to: number;
  /** When the server's acknowledgement was received (ISO 8601). */
  ackedAt: string;
  /** The records as sent, lowest number first. */
  records: ClientRecord[];
  /** Their ids, in the same order: the store's index of every id it keeps. */
  ids: string[];
}

/**
 * The tablet's queue of records waiting for the server, and the records it acknowledged, kept for
 * some days: a server restored from last night's backup asks for them again by sequence number.
 *
 * A record is immutable once released. A rating is put *held* the moment its level is pressed, so
 * walking away, a reload or a power cut never loses it; while held the sync loop does not take it,
 * and the answers that follow (reasons, survey steps) amend it in place. The ODK lesson
 * (reliability.md: the same id sent with two contents) is about records changed after sending; a
 * held record has never been sent, and once released it can never be amended again, because a
 * hold is only ever removed, in the same transactions that check it. There is no other update,
 * and a second put with the same id fails.
 * Every method is its own transaction, so no caller can hold the store across a network call.
 */
export interface Outbox {
  /**
   * Stores a record with the next sequence number of its device; the number is allocated in the
   * same transaction that stores the record, so numbers have no gaps. With `hold`, the record is
   * stored held (its number allocated all the same). Resolves once committed.
   */
  put(draft: RecordDraft, hold?: Hold): Promise<ClientRecord>;
  /**
   * Replaces the held record with `draft`'s id by `draft`, keeping its number, and renews its hold
   * to `holdUntil`, or releases it when `holdUntil` is null (the last answer). Resolves false, and
   * changes nothing, when the record is not held any more (released, sent or never held). The
   * device and kind cannot change: the number belongs to the device.
   */
  amend(draft: RecordDraft, holdUntil: number | null): Promise<boolean>;
  /** Releases the record `id` if it is held; nothing otherwise. */
  release(id: string): Promise<void>;
  /**
   * Releases every hold that ends at or before `endingBy` (epoch ms; Infinity for all, when nobody
   * can be amending any more); resolves with how many.
   */
  releaseHolds(endingBy: number): Promise<number>;
  /**
   * Up to `limit` pending records that are not held, lowest sequence number first (by device,
   * should there be two).
   */
  takeOldest(limit: number): Promise<ClientRecord[]>;
  /**
   * Moves the records the server acknowledged, as taken (takeOldest) and sent, out of the pending
   * queue into the kept store, stamped `ackedAt`; records not pending (unknown, or acknowledged
   * already) are ignored. Records, not ids: their numbers let IndexedDB find them in one request.
   */
  acknowledge(records: readonly ClientRecord[], ackedAt: string): Promise<void>;
  /**
   * Moves kept records of `deviceId` whose numbers fall in `ranges` back into the pending queue,
   * except the numbers in `except`; resolves with the numbers moved.
   */
  requeue(
    deviceId: string,
    ranges: readonly SeqRange[],
    except?: ReadonlySet<number>,
  ): Promise<number[]>;
  /** Forgets kept records acknowledged before `before` (ISO 8601); resolves with how many. */
  forgetSent(before: string): Promise<number>;
  /** How many acknowledged records are kept. */
  sentCount(): Promise<number>;
  /** The highest number given to a record of `deviceId`, 0 before the first. */
  highestSeq(deviceId: string): Promise<number>;
  /** How many records are pending, held ones included. */
  count(): Promise<number>;
  /**
   * Milliseconds since the oldest pending record (held ones included) was captured, or null when
   * none is pending.
   */
  oldestAge(now: number): Promise<number | null>;
  /** Moves rejected records from the pending queue to the dead-letter store, in one transaction. */
  putDeadLetters(entries: readonly DeadLetter[]): Promise<void>;
  /** The dead letters, in the same order. */
  listDeadLetters(): Promise<DeadLetter[]>;
  /** Forgets everything, kept records, holds and sequence counters included (un-enrollment). */
  clear(): Promise<void>;
}

/** The device's storage is full: the record was not stored, and staff must be told. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('storage full', { cause });
    this.name = 'StorageFullError';
  }
}

/** A record with this id is already stored: records are never overwritten. */
export class DuplicateRecordError extends Error {
  constructor(readonly id: string) {
    super(`record ${id} is already in the outbox`);
    this.name = 'DuplicateRecordError';
  }
}

/** An amendment may change what the citizen answered, never whose record it is or what it is. */
export function checkAmendment(stored: ClientRecord, draft: RecordDraft): void {
  if (stored.deviceId !== draft.deviceId || stored.kind !== draft.kind) {
    throw new Error(`record ${draft.id} cannot change its device or kind`);
  }
}
