/**
 * New phản ánh, kiến nghị logged in the register inside the ingest transaction: under the code the
 * tablet showed the citizen, or under one drawn here for the phone page and staff (drawn again, in
 * the same transaction, while another item has it: `lookup_code` is unique), with their deadlines
 * from the day received (feedback-intake.ts) — so no item is ever visible, or read, without them.
 */
import { CLOCK_TOLERANCE_MS } from '@hailong/domain';
import type { DeviceRow, FeedbackItemRow, Repositories } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import { onFeedbackReceived } from '../feedback/feedback-intake.ts';
import type { FeedbackSubmission } from './ingest.ts';

/** How many codes are drawn for one phản ánh before giving up (40 bits: a clash is rare). */
const DRAWS = 5;

/** Where the items come from: a tablet (whose clock is doubted), or a unit's phone or staff. */
export interface FeedbackSource {
  device: DeviceRow | null;
  unitId: string;
}

/**
 * Stores `items` (new to the ledger); returns the stored items' codes, by id, and the ids of
 * tablet items refused because another item already has their code.
 */
export async function storeFeedback(
  tx: Repositories,
  source: FeedbackSource,
  items: readonly FeedbackSubmission[],
  now: number,
  draw: () => string,
): Promise<{ stored: Map<string, string>; taken: Set<string> }> {
  const stored = new Map<string, string>();
  const taken = new Set<string>();
  let pending = items;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === DRAWS) {
      throw new ApiError(503, 'internal_error', 'Không tạo được mã tra cứu. Vui lòng thử lại.');
    }
    const rows = pending.map((s) => feedbackRow(source, s, s.trackingCode ?? draw(), now));
    const inserted = await tx.ingest.insertFeedback(rows);
    const again: FeedbackSubmission[] = [];
    pending.forEach((s, i) => {
      if (inserted.has(s.id)) stored.set(s.id, rows[i]!.trackingCode);
      else if (s.trackingCode !== null) taken.add(s.id);
      else again.push(s);
    });
    pending = again;
  }
  // Deadlines count from the day received: the day stored, or the day staff say a letter came.
  const byDay = new Map<string | undefined, string[]>();
  for (const s of items) {
    if (stored.has(s.id)) byDay.set(s.receivedOn, [...(byDay.get(s.receivedOn) ?? []), s.id]);
  }
  for (const [receivedOn, ids] of byDay) await onFeedbackReceived(tx, ids, now, receivedOn);
  return { stored, taken };
}

function feedbackRow(
  { device, unitId }: FeedbackSource,
  s: FeedbackSubmission,
  trackingCode: string,
  now: number,
): FeedbackItemRow {
  return {
    id: s.id,
    deviceId: device?.id ?? null,
    unitId,
    sectorId: s.sectorId,
    kind: s.feedbackKind,
    trackingCode,
    content: s.content,
    // No consent, no contact data: the schemas only admit contact with its consent record.
    contactName: s.contact?.name ?? null,
    contactPhone: s.contact?.phone ?? null,
    consentVersion: s.contact?.consentVersion ?? null,
    consentAt: s.contact?.consentAt ?? null,
    deviceTime: s.at,
    receivedAt: now,
    // Only a tablet's clock is doubted; the server and staff date the others.
    clockSuspect:
      device !== null &&
      (s.at < device.enrolledAt - CLOCK_TOLERANCE_MS || s.at > now + CLOCK_TOLERANCE_MS),
    verdictTokenHash: s.verdictTokenHash,
  };
}
