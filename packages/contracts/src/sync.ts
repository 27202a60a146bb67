import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors.ts';

/**
 * The protocol this build speaks. 2: per-record refusals carry codes added since the first release
 * (`id_taken`, `tracking_code_taken`). 3: the tablet says the highest sequence number it has given
 * (`highestSeq`, with or without items) and the answer names the ranges the server lacks
 * (`missing`), which the tablet resends from the records it keeps after acknowledgement — how a
 * server restored from a backup gets back what tablets uploaded after it. Older requests are the
 * same shape without `highestSeq`, and their answers never carry `missing`.
 */
export const SYNC_PROTOCOL = 3;
/** Protocols the server still accepts: tablets update on their own schedule. */
export const SYNC_PROTOCOLS: readonly number[] = [1, 2, 3];
export const SYNC_MAX_ITEMS = 500;
export const SYNC_MAX_BYTES = 1024 * 1024;
/** At most this many missing ranges in one answer; the tablet asks again after resending them. */
export const SYNC_MAX_MISSING_RANGES = 100;

/**
 * A protocol-1 tablet validates each answer against the first release's error codes and takes an
 * answer it cannot parse for a failed upload, so a code it does not know would stall its queue
 * forever: it gets the nearest code it knows (the message says exactly what happened).
 */
const PROTOCOL_1_CODES: Partial<Record<ErrorCode, ErrorCode>> = {
  id_taken: 'conflict',
  tracking_code_taken: 'conflict',
};

/** A per-record error code as a tablet speaking `protocol` understands it. */
export function syncErrorCodeFor(protocol: number, code: ErrorCode): ErrorCode {
  return protocol === 1 ? (PROTOCOL_1_CODES[code] ?? code) : code;
}

/**
 * The upload envelope. Items are checked one by one against `ClientRecord` on the server, so one
 * bad item is rejected alone and never fails its neighbours; the envelope itself must be well formed.
 */
export const SyncRequest = z
  .object({
    protocol: z.number().int(),
    items: z.array(z.unknown()).max(SYNC_MAX_ITEMS),
    /** The highest sequence number the tablet has given so far (protocol 3). */
    highestSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((request) => request.items.length > 0 || request.highestSeq !== undefined, {
    path: ['items'],
    message: 'Cần ít nhất một bản ghi, hoặc highestSeq.',
  })
  .meta({ id: 'SyncRequest' });
export type SyncRequest = z.infer<typeof SyncRequest>;

export const SYNC_STATUSES = ['accepted', 'duplicate', 'rejected'] as const;

export const SyncResult = z
  .object({
    /** The item's id as sent (empty when it had none). */
    id: z.string(),
    /**
     * accepted: stored now; duplicate: this tablet sent the same record before (same id, same
     * content); rejected: refused for good, with the reason — a bad record, an id another tablet
     * used (`id_taken`), the same id with other content (`conflict`), a tracking code in use.
     */
    status: z.enum(SYNC_STATUSES),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).optional(),
  })
  .meta({ id: 'SyncResult' });
export type SyncResult = z.infer<typeof SyncResult>;

export const SeqRange = z
  .object({ from: z.number().int().min(1), to: z.number().int().min(1) })
  .meta({ id: 'SeqRange' });

/**
 * One result per item, in item order; with `highestSeq` in the request, also the sequence ranges up
 * to it that the server has not stored (lowest first, at most SYNC_MAX_MISSING_RANGES), counted
 * after this batch was committed.
 */
export const SyncResponse = z
  .object({ results: z.array(SyncResult), missing: z.array(SeqRange).optional() })
  .meta({ id: 'SyncResponse' });
export type SyncResponse = z.infer<typeof SyncResponse>;
