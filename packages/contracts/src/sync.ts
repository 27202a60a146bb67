import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors.ts';

/**
 * The protocol this build speaks. 2: per-record refusals carry codes added since the first release
 * (`id_taken`, `tracking_code_taken`). The request is the same shape in both.
 */
export const SYNC_PROTOCOL = 2;
/** Protocols the server still accepts: tablets update on their own schedule. */
export const SYNC_PROTOCOLS: readonly number[] = [1, 2];
export const SYNC_MAX_ITEMS = 500;
export const SYNC_MAX_BYTES = 1024 * 1024;

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
    items: z.array(z.unknown()).min(1).max(SYNC_MAX_ITEMS),
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

/** One result per item, in item order. */
export const SyncResponse = z.object({ results: z.array(SyncResult) }).meta({ id: 'SyncResponse' });
export type SyncResponse = z.infer<typeof SyncResponse>;
