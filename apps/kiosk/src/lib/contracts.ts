/**
 * Everything the kiosk takes from the shared zod schemas, in one chunk loaded after the first
 * screen (see contracts-loader.ts): zod is most of the kiosk's code, and a citizen's first tap
 * should not wait for it. Records are validated with the same schema the server uses before they
 * are queued, and every answer of the server is validated before it is believed.
 */
import './zod-setup.ts';
import {
  ClientRecord,
  CounterDuty,
  DeviceConfig,
  EnrolledDevice,
  ErrorBody,
  FeedbackContact,
  RECORD_SCHEMA_VERSION,
  SYNC_MAX_BYTES,
  SYNC_MAX_ITEMS,
  SYNC_PROTOCOL,
  SyncResponse,
} from '@hailong/contracts';
import type { RecordDraft } from './outbox/outbox.ts';
import type { UncheckedDraft } from './records.ts';

export { RECORD_SCHEMA_VERSION, SYNC_MAX_BYTES, SYNC_MAX_ITEMS, SYNC_PROTOCOL };

export type DraftCheck = { ok: true; draft: RecordDraft } | { ok: false; fields: string[] };

/**
 * Validates and normalises (NFC, trimmed) a draft with the server's own schema. The sequence
 * number is not known yet; a placeholder stands in for it and is dropped again.
 */
export function checkDraft(draft: UncheckedDraft): DraftCheck {
  const parsed = ClientRecord.safeParse({ ...draft, schemaVersion: RECORD_SCHEMA_VERSION, seq: 1 });
  if (!parsed.success) {
    return { ok: false, fields: parsed.error.issues.map((issue) => issue.path.join('.')) };
  }
  const checked: Partial<typeof parsed.data> = { ...parsed.data };
  delete checked.seq;
  return { ok: true, draft: checked as RecordDraft };
}

/** Whether a phone number is one the contract accepts (0xxxxxxxxx or +84xxxxxxxxx). */
export function isValidPhone(phone: string): boolean {
  return FeedbackContact.shape.phone.safeParse(phone).success;
}

export const parseSyncResponse = (body: unknown) => orNull(SyncResponse.safeParse(body));
export const parseEnrolledDevice = (body: unknown) => orNull(EnrolledDevice.safeParse(body));
export const parseCounterDuty = (body: unknown) => orNull(CounterDuty.safeParse(body));
export const parseDeviceConfig = (body: unknown) => orNull(DeviceConfig.safeParse(body));
export const parseErrorCode = (body: unknown) =>
  orNull(ErrorBody.safeParse(body))?.error.code ?? null;

function orNull<T>(result: { success: true; data: T } | { success: false }): T | null {
  return result.success ? result.data : null;
}
