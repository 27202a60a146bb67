import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';

export const SYNC_PROTOCOL = 1;
export const SYNC_MAX_ITEMS = 500;
export const SYNC_MAX_BYTES = 1024 * 1024;

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
    status: z.enum(SYNC_STATUSES),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).optional(),
  })
  .meta({ id: 'SyncResult' });
export type SyncResult = z.infer<typeof SyncResult>;

/** One result per item, in item order. */
export const SyncResponse = z.object({ results: z.array(SyncResult) }).meta({ id: 'SyncResponse' });
export type SyncResponse = z.infer<typeof SyncResponse>;
