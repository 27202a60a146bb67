/**
 * Storing one upload's valid records, in ONE transaction with everything they change. A record id
 * identifies a record of ONE device: the ledger's unique keys (the id in canonical form) decide
 * what is new; what is not is then told apart by whose it is and by its content hash:
 * - this device's, same content (or stored before hashes were kept): a duplicate, harmless;
 * - this device's, other content: a conflict, refused and recorded for staff;
 * - another device's: `id_taken`, refused and recorded — never "duplicate", which would let one
 *   tablet suppress another's record while every gap report stays clean.
 * A phản ánh whose tracking code another item has is refused too (`tracking_code_taken`).
 */
import type { ClientRecord, FeedbackRecord, RatingRecord } from '@hailong/contracts';
import { CLOCK_TOLERANCE_MS, mergeSeqRanges } from '@hailong/domain';
import type {
  DeviceRow,
  FeedbackItemRow,
  RatingRow,
  RecordLedgerRow,
  RecordRefusalCode,
  RecordRefusalRow,
  Repositories,
} from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import { storeRatings } from './sync-ratings.ts';

/** A record that passed validation, with its id in canonical form and its content hash. */
export interface Candidate {
  record: ClientRecord;
  canonicalId: string;
  hash: string;
}

export type Outcome =
  | { status: 'accepted' | 'duplicate' }
  | { status: 'rejected'; code: RecordRefusalCode; trackingCode?: string };

/** Hook the feedback register runs inside the batch transaction for newly stored items. */
export type FeedbackReceivedHook = (tx: Repositories, ids: string[], now: number) => Promise<void>;

/** Hook run inside the batch transaction with the ratings newly stored (alerts keep some). */
export type RatingsStoredInTx = (
  tx: Repositories,
  rows: readonly RatingRow[],
  now: number,
) => Promise<void>;

export interface StoreOptions {
  now: number;
  repeatWindowMs: number;
  onFeedback?: FeedbackReceivedHook | undefined;
  onRatings?: RatingsStoredInTx | undefined;
}

/** Stores what is new among `candidates` and returns one outcome per candidate, in order. */
export async function storeBatch(
  tx: Repositories,
  device: DeviceRow,
  candidates: readonly Candidate[],
  { now, repeatWindowMs, onFeedback, onRatings }: StoreOptions,
): Promise<Outcome[]> {
  const current = await tx.ingest.lockDevice(device.id);
  if (!current) throw new ApiError(401, 'unauthenticated', 'Thiết bị không còn tồn tại.');

  // The first of several items with one id stands for them all; the others are judged against it.
  const firsts = new Map<string, Candidate>();
  for (const c of candidates) if (!firsts.has(c.canonicalId)) firsts.set(c.canonicalId, c);
  const inserted = await tx.ingest.insertRecords(
    [...firsts.values()].map((c) => ledgerRow(c, device.id, now)),
  );
  const fresh = [...firsts.values()]
    .filter((c) => inserted.has(c.canonicalId))
    .sort((a, b) => a.record.seq - b.record.seq);

  const feedback = fresh.filter((c) => c.record.kind === 'feedback');
  const stored = await tx.ingest.insertFeedback(
    feedback.map((c) => feedbackRow(current, now, c.canonicalId, c.record as FeedbackRecord)),
  );
  const codeTaken = new Set(feedback.filter((c) => !stored.has(c.canonicalId)));
  await tx.ingest.deleteRecords([...codeTaken].map((c) => c.canonicalId));
  const kept = fresh.filter((c) => !codeTaken.has(c));

  const ratings = await storeRatings(
    tx,
    current,
    kept.flatMap((c) =>
      c.record.kind === 'rating' ? [{ id: c.canonicalId, record: c.record as RatingRecord }] : [],
    ),
    { now, repeatWindowMs },
  );
  if (onFeedback && stored.size > 0) await onFeedback(tx, [...stored], now);
  if (onRatings && ratings.length > 0) await onRatings(tx, ratings, now);
  if (kept.length > 0) {
    const ranges = mergeSeqRanges(
      await tx.devices.listSeqRanges(device.id),
      kept.map((c) => c.record.seq),
    );
    await tx.ingest.replaceSeqRanges(device.id, ranges);
  }
  const believable = ratings.filter((r) => r.category !== 'bad_clock').map((r) => r.deviceTime);
  await tx.ingest.recordSync(device.id, {
    at: now,
    highestSeq: Math.max(0, ...kept.map((c) => c.record.seq)),
    added: kept.length,
    lastRatingAt: believable.length > 0 ? Math.max(...believable) : null,
  });

  const keptSet = new Set(kept);
  const ledger = await tx.ingest.findRecords([
    ...new Set(candidates.filter((c) => !keptSet.has(c)).map((c) => c.canonicalId)),
  ]);
  const refusals: RecordRefusalRow[] = [];
  const outcomes = candidates.map((c): Outcome => {
    const first = firsts.get(c.canonicalId)!;
    if (first === c && keptSet.has(c)) return { status: 'accepted' };
    let outcome: Outcome;
    let otherDeviceId: string | null = null;
    if (codeTaken.has(first)) {
      outcome =
        c.hash === first.hash
          ? { status: 'rejected', code: 'tracking_code_taken' }
          : { status: 'rejected', code: 'conflict' };
    } else {
      const row = ledger.get(c.canonicalId);
      // The insert skipped it, so a row holds the id; if it vanished, fail and let the tablet retry.
      if (!row) throw new Error(`ledger row for ${c.canonicalId} not found after a conflict`);
      if (row.deviceId !== device.id) {
        outcome = { status: 'rejected', code: 'id_taken' };
        otherDeviceId = row.deviceId;
      } else if (row.contentHash === null || row.contentHash === c.hash) {
        return { status: 'duplicate' };
      } else {
        outcome = { status: 'rejected', code: 'conflict' };
      }
    }
    const trackingCode =
      outcome.code === 'tracking_code_taken' ? (c.record as FeedbackRecord).trackingCode : null;
    refusals.push({
      deviceId: device.id,
      recordId: c.canonicalId,
      contentHash: c.hash,
      seq: c.record.seq,
      kind: c.record.kind,
      code: outcome.code,
      otherDeviceId,
      trackingCode,
      at: now,
    });
    return trackingCode ? { ...outcome, trackingCode } : outcome;
  });
  await tx.ingest.recordRefusals(refusals);
  return outcomes;
}

function ledgerRow(c: Candidate, deviceId: string, now: number): RecordLedgerRow {
  return {
    id: c.canonicalId,
    canonicalId: c.canonicalId,
    deviceId,
    seq: c.record.seq,
    kind: c.record.kind,
    receivedAt: now,
    contentHash: c.hash,
  };
}

function feedbackRow(
  device: DeviceRow,
  now: number,
  id: string,
  r: FeedbackRecord,
): FeedbackItemRow {
  const deviceTime = Date.parse(r.deviceTime);
  return {
    id,
    deviceId: device.id,
    unitId: device.unitId,
    sectorId: r.sectorId,
    kind: r.feedbackKind,
    trackingCode: r.trackingCode,
    content: r.content,
    // No consent, no contact data: the schema only admits contact with its consent record.
    contactName: r.contact?.name ?? null,
    contactPhone: r.contact?.phone ?? null,
    consentVersion: r.contact?.consentVersion ?? null,
    consentAt: r.contact ? Date.parse(r.contact.consentAt) : null,
    deviceTime,
    receivedAt: now,
    clockSuspect:
      deviceTime < device.enrolledAt - CLOCK_TOLERANCE_MS || deviceTime > now + CLOCK_TOLERANCE_MS,
    // Only the hash ever reaches the server; an old kiosk sends none (verdicts through staff).
    verdictTokenHash: r.verdictTokenHash ?? null,
  };
}
