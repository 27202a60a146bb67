/**
 * Records that reach the register by another channel than a tablet — the citizen's phone through
 * a counter's QR code, or staff entering what came by phone, letter or portal — go through the same
 * ledger as a tablet's batch (sync-store.ts): exactly once by record id, a resend with the same
 * content a harmless duplicate, one with other content a conflict. Each unit has one source row
 * per channel (`devices.channel`), locked for the batch; the server numbers the source's records,
 * since no client keeps a sequence for it, and dates them (the phone page's clock is not trusted;
 * staff give the date a letter was received). Repeat presses are a tablet's notion: a source's
 * ratings are never flagged as repeats of one another (abuse limits guard the phone page instead).
 */
import type { FeedbackRecord, RatingRecord } from '@hailong/contracts';
import type { Repositories } from '../repositories/types.ts';
import { storeBatch, type Outcome, type StoreOptions } from './sync-store.ts';

type Unplaced<T> = Omit<T, 'deviceId' | 'seq'>;

/** A record of a source, before the server gives it its source and number. */
export type SourceRecord = Unplaced<RatingRecord> | Unplaced<FeedbackRecord>;

export interface SourceItem {
  /** The client's record id in canonical form (canonicalRecordId). */
  id: string;
  /** SHA-256 of the submission as validated, without anything the server adds. */
  hash: string;
  record: SourceRecord;
}

/**
 * Stores a batch of one unit's phone or staff records in the transaction `tx`; one outcome per
 * item, in order (accepted, duplicate, or rejected with the ledger's codes).
 */
export async function storeFromSource(
  tx: Repositories,
  source: { unitId: string; channel: 'phone' | 'staff' },
  items: readonly SourceItem[],
  options: Omit<StoreOptions, 'repeatWindowMs'>,
): Promise<Outcome[]> {
  const id = await tx.devices.ensureSource(source.unitId, source.channel);
  const row = await tx.ingest.lockDevice(id);
  if (!row) throw new Error(`source ${id} vanished`);
  // Under the lock: numbers go only to records the ledger does not hold yet, so a resend uses none.
  const known = await tx.ingest.findRecords(items.map((i) => i.id));
  let next = row.highestSeq;
  const numbered = new Map<string, number>();
  const candidates = items.map((item) => {
    const seq = known.get(item.id)?.seq ?? numbered.get(item.id) ?? ++next;
    numbered.set(item.id, seq);
    return {
      canonicalId: item.id,
      hash: item.hash,
      record: { ...item.record, deviceId: id, seq } as RatingRecord | FeedbackRecord,
    };
  });
  return storeBatch(tx, row, candidates, { ...options, repeatWindowMs: 0 });
}
