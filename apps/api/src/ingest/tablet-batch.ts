/**
 * A tablet's side of a batch, written in the batch's transaction after ingest decided every item:
 * the sequence numbers it delivered (merged into its ranges: the gap report), its sync counters,
 * the highest number it says it gave (kept even when the server lacks those records, as after a
 * restore), and its refused records — the ledger's and the unit policy's, with the policy's words —
 * for staff to see with the tablet, once per record and content.
 */
import { mergeSeqRanges } from '@hailong/domain';
import type {
  DeviceRow,
  RatingRow,
  RecordRefusalRow,
  Repositories,
} from '../repositories/types.ts';
import type { Outcome, Submission } from './ingest.ts';

export interface TabletBatch {
  submissions: readonly Submission[];
  outcomes: readonly Outcome[];
  ratings: readonly RatingRow[];
  /** The `highestSeq` of the request, when the tablet sent one. */
  highestSeq?: number | undefined;
}

export async function recordTabletBatch(
  tx: Repositories,
  device: DeviceRow,
  { submissions, outcomes, ratings, highestSeq }: TabletBatch,
  now: number,
): Promise<void> {
  const accepted = submissions.filter((_, i) => outcomes[i]!.status === 'accepted');
  const seqs = accepted.map((s) => s.seq!);
  if (seqs.length > 0) {
    const ranges = mergeSeqRanges(await tx.devices.listSeqRanges(device.id), seqs);
    await tx.ingest.replaceSeqRanges(device.id, ranges);
  }
  const believable = ratings.filter((r) => r.category !== 'bad_clock').map((r) => r.deviceTime);
  await tx.ingest.recordSync(device.id, {
    at: now,
    highestSeq: Math.max(0, ...seqs),
    added: accepted.length,
    lastRatingAt: believable.length > 0 ? Math.max(...believable) : null,
  });
  if (highestSeq !== undefined) await tx.ingest.recordReportedSeq(device.id, highestSeq);
  const refusals: RecordRefusalRow[] = [];
  submissions.forEach((s, i) => {
    const outcome = outcomes[i]!;
    if (outcome.status !== 'rejected') return;
    refusals.push({
      deviceId: device.id,
      recordId: s.id,
      contentHash: s.hash,
      seq: s.seq!,
      kind: s.kind,
      code: outcome.code,
      otherDeviceId: outcome.otherDeviceId ?? null,
      trackingCode: outcome.trackingCode ?? null,
      at: now,
      reason: outcome.policy?.message ?? null,
    });
  });
  await tx.ingest.recordRefusals(refusals);
}
