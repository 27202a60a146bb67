/**
 * One ingest for every source (issue 22 item 1): a tablet, the phone page of a unit (and counter),
 * a staff member. Each submission carries its own idempotency key — a tablet's record id (with its
 * device), the phone page's submission id, staff's entry id — held in the ledger's unique keys, so
 * whatever the retries and however many copies arrive at once, on either dialect:
 * - new: stored, with everything it changes, in the caller's ONE transaction;
 * - the same source, same content: a duplicate, harmless;
 * - the same source, other content: a conflict, refused;
 * - another source's key: `id_taken`, refused — never "duplicate", which would let one source
 *   suppress another's record.
 * What is new is first judged by the unit's policy (unit-policy.ts), the same for every source;
 * a refusal says why. A phản ánh is logged in the register here (deadlines, search text, tracking
 * code — drawn here when its source has none), and what others react to is appended to the events
 * log in the same transaction ('ratings_stored', 'feedback_received'). A tablet's sequence numbers,
 * gap report and refusal list are its adapter's business (tablet-batch.ts); nobody numbers phone
 * or staff records.
 */
import { randomBytes } from 'node:crypto';
import {
  newTrackingCode,
  type FeedbackKind,
  type PolicyRefusal,
  type RatingFields,
  type TakenRating,
  type UnitPolicy,
} from '@hailong/domain';
import type {
  DeviceRow,
  RatingRow,
  RecordLedgerRow,
  RecordRefusalCode,
  Repositories,
} from '../repositories/types.ts';
import type { NewEvent } from '../events/events.repository.ts';
import { ApiError } from '../http/errors.ts';
import { storeFeedback } from './ingest-feedback.ts';
import { storeRatings, type RatingMode } from './ingest-ratings.ts';
import { loadUnitPolicy } from './policy.ts';
import type { ChainFields } from './record-chain.ts';

/** Where submissions come from; the channel is this argument, never a device. */
export type Source =
  | { kind: 'tablet'; device: DeviceRow }
  | { kind: 'phone'; unitId: string; counterId: string | null }
  | { kind: 'staff'; unitId: string; userId: string };

interface Submitted {
  /** The idempotency key: the record, submission or entry id in canonical form. */
  id: string;
  /** SHA-256 of the submission as sent (record-hash.ts), to tell a resend from another content. */
  hash: string;
  /** A tablet's sequence number; null where nobody numbers them. */
  seq: number | null;
  /** When the citizen rated or wrote: the tablet's clock, the server's, or the day staff received it. */
  at: number;
  /** A tablet's record chain fields as sent (record-chain.ts); absent for other sources. */
  chain?: ChainFields;
}

export interface RatingSubmission extends Submitted, RatingFields {
  kind: 'rating';
  /** The tablet's own repeat-press mark. */
  possibleRepeat: boolean;
  /** How the citizen answered (issue 27); absent: Vietnamese, visual, normal. */
  mode?: RatingMode | undefined;
}

export interface FeedbackSubmission extends Submitted {
  kind: 'feedback';
  feedbackKind: FeedbackKind;
  /** The code the tablet showed the citizen; null: drawn here (phone, staff). */
  trackingCode: string | null;
  sectorId: string | null;
  content: string;
  /** Only with the citizen's consent: the consent text's version and when it was given. */
  contact: {
    name: string | null;
    phone: string | null;
    consentVersion: string;
    consentAt: number;
  } | null;
  /** SHA-256 of the citizen's verdict token; null: verdicts only through staff. */
  verdictTokenHash: string | null;
  /** The day staff received it (deadlines count from it); absent: the day it is stored. */
  receivedOn?: string;
}

export type Submission = RatingSubmission | FeedbackSubmission;

export type Outcome =
  | { status: 'accepted'; trackingCode: string | null }
  | { status: 'duplicate' }
  | {
      status: 'rejected';
      code: RecordRefusalCode;
      /** id_taken: the device that holds the id (null when a phone or staff source does). */
      otherDeviceId?: string | null;
      /** tracking_code_taken: the code in use. */
      trackingCode?: string;
      /** A refusal by the unit's policy, with its field and words. */
      policy?: PolicyRefusal;
    };

export interface Ingested {
  /** One per submission, in order. */
  outcomes: Outcome[];
  /** The ratings stored now, with their flags. */
  ratings: RatingRow[];
}

export interface IngestOptions {
  now: number;
  /** A tablet's repeat window (the unit's kiosk setting); 0 for other sources. */
  repeatWindowMs?: number;
  /** Draws a tracking code for a phản ánh whose source gives none. */
  drawCode?: () => string;
}

const drawnCode = () => newTrackingCode(randomBytes(5));

type Judged =
  | { ok: true; rating: TakenRating }
  | { ok: true; rating: null }
  | { ok: false; refusal: PolicyRefusal };

/** Stores what is new among `submissions`; run it inside the transaction `tx`. */
export async function ingest(
  tx: Repositories,
  source: Source,
  submissions: readonly Submission[],
  options: IngestOptions,
): Promise<Ingested> {
  const { now } = options;
  let device: DeviceRow | null = null;
  if (source.kind === 'tablet') {
    // Serialises a tablet's batches, so repeat flags see every earlier one.
    device = (await tx.ingest.lockDevice(source.device.id)) ?? null;
    if (!device) throw new ApiError(401, 'unauthenticated', 'Thiết bị không còn tồn tại.');
  }
  const unitId = source.kind === 'tablet' ? device!.unitId : source.unitId;
  const ownCounter =
    source.kind === 'tablet'
      ? device!.counterId
      : source.kind === 'phone'
        ? source.counterId
        : null;
  const policy = await loadUnitPolicy(
    tx,
    unitId,
    submissions.flatMap((s) => (s.kind === 'rating' && s.officerId ? [s.officerId] : [])),
  );
  const judged = submissions.map((s) => judge(policy, s, ownCounter));

  // The first of several submissions with one key stands for them all.
  const firsts = new Map<string, number>();
  submissions.forEach((s, i) => {
    if (!firsts.has(s.id)) firsts.set(s.id, i);
  });
  const takenFirsts = [...firsts.values()].filter((i) => judged[i]!.ok);
  const inserted = await tx.ingest.insertRecords(
    takenFirsts.map((i) => ledgerRow(source, device, unitId, submissions[i]!, now)),
  );
  const fresh = takenFirsts
    .filter((i) => inserted.has(submissions[i]!.id))
    .sort((a, b) => (submissions[a]!.seq ?? 0) - (submissions[b]!.seq ?? 0));

  const codes = await storeFeedback(
    tx,
    { device, unitId },
    fresh.flatMap((i) =>
      submissions[i]!.kind === 'feedback' ? [submissions[i] as FeedbackSubmission] : [],
    ),
    now,
    options.drawCode ?? drawnCode,
  );
  const codeTaken = new Set(fresh.filter((i) => codes.taken.has(submissions[i]!.id)));
  await tx.ingest.deleteRecords([...codeTaken].map((i) => submissions[i]!.id));
  const kept = new Set(fresh.filter((i) => !codeTaken.has(i)));

  const ratings = await storeRatings(
    tx,
    {
      unitId,
      channel: source.kind,
      deviceId: device?.id ?? null,
      enrolledAt: device?.enrolledAt ?? 0,
      repeatWindowMs: device ? (options.repeatWindowMs ?? 0) : 0,
    },
    [...kept].flatMap((i) => {
      const s = submissions[i]!;
      const verdict = judged[i]!;
      if (s.kind !== 'rating' || !verdict.ok || !verdict.rating) return [];
      return [
        {
          id: s.id,
          seq: s.seq ?? 0,
          at: s.at,
          possibleRepeat: s.possibleRepeat,
          taken: verdict.rating,
          mode: s.mode,
        },
      ];
    }),
    now,
  );
  const events: NewEvent[] = [];
  if (ratings.length > 0) {
    const months = [...new Set(ratings.map((r) => r.month))].sort();
    events.push({
      kind: 'ratings_stored',
      unitId,
      payload: { ids: ratings.map((r) => r.id), months },
      at: now,
    });
  }
  for (const id of codes.stored.keys()) {
    events.push({ kind: 'feedback_received', unitId, payload: { id }, at: now });
  }
  await tx.events.append(events);

  // What was not stored now is answered from the ledger: a resend, a conflict, another's key.
  const ledger = await tx.ingest.findRecords([
    ...new Set(submissions.filter((_, i) => !kept.has(i)).map((s) => s.id)),
  ]);
  const outcomes = submissions.map((s, i): Outcome => {
    const first = firsts.get(s.id)!;
    if (first === i && kept.has(i)) {
      return { status: 'accepted', trackingCode: codes.stored.get(s.id) ?? null };
    }
    const same = s.hash === submissions[first]!.hash;
    if (codeTaken.has(first)) {
      const trackingCode = (s as FeedbackSubmission).trackingCode!;
      return same
        ? { status: 'rejected', code: 'tracking_code_taken', trackingCode }
        : { status: 'rejected', code: 'conflict' };
    }
    const row = ledger.get(s.id);
    if (row && !sameSource(row, source, unitId)) {
      return { status: 'rejected', code: 'id_taken', otherDeviceId: row.deviceId };
    }
    if (row) {
      return row.contentHash === null || row.contentHash === s.hash
        ? { status: 'duplicate' }
        : { status: 'rejected', code: 'conflict' };
    }
    const verdict = judged[first]!;
    // The insert skipped it, so a row holds the key; if it vanished, fail and let the source retry.
    if (verdict.ok) throw new Error(`ledger row for ${s.id} not found after a conflict`);
    return same
      ? { status: 'rejected', code: verdict.refusal.code, policy: verdict.refusal }
      : { status: 'rejected', code: 'conflict' };
  });
  return { outcomes, ratings };
}

function judge(policy: UnitPolicy, s: Submission, counterId: string | null): Judged {
  if (s.kind === 'feedback') {
    const refusal = policy.judgeFeedback(s.sectorId, s.at);
    return refusal ? { ok: false, refusal } : { ok: true, rating: null };
  }
  const verdict = policy.judgeRating(s, { at: s.at, counterId });
  return verdict.ok ? { ok: true, rating: verdict.value } : verdict;
}

/** Whether a ledger row is the same source's: the same tablet, or the same unit's phone or staff. */
function sameSource(row: RecordLedgerRow, source: Source, unitId: string): boolean {
  if (source.kind === 'tablet') return row.deviceId === source.device.id;
  return row.source === source.kind && row.sourceKey === unitId;
}

function ledgerRow(
  source: Source,
  device: DeviceRow | null,
  unitId: string,
  s: Submission,
  now: number,
): RecordLedgerRow & Partial<ChainFields> {
  return {
    ...s.chain,
    id: s.id,
    canonicalId: s.id,
    source: source.kind,
    deviceId: device?.id ?? null,
    sourceKey: device ? null : unitId,
    seq: s.seq,
    kind: s.kind,
    receivedAt: now,
    contentHash: s.hash,
  };
}
