/**
 * The kept store's entries (KeptBatch) as data: made from the records one answer acknowledged,
 * split when a server restored from a backup asks for some of them again, and made from the kept
 * records of a database from before batches. No IndexedDB here: the outbox and the database
 * upgrade use the same rules, tested on their own (kept-batches.test.ts).
 */
import type { ClientRecord } from '@hailong/contracts';
import type { KeptBatch, SentRecord, SeqRange } from './outbox.ts';

/** The batches `records` make when acknowledged at `ackedAt`: one per device. */
export function keptBatches(records: readonly ClientRecord[], ackedAt: string): KeptBatch[] {
  const byDevice = groupBy(records, (r) => r.deviceId);
  return [...byDevice.values()].map((list) => batchOf(list, ackedAt));
}

/**
 * The kept records of a database from before batches, as batches: one per device and time of
 * acknowledgement, which is what one answer's records share (the sync loop stamps them alike).
 */
export function batchesOfSent(sent: readonly SentRecord[]): KeptBatch[] {
  const byAnswer = groupBy(sent, (s) => `${s.record.deviceId}\n${s.ackedAt}`);
  return [...byAnswer.values()].map((list) =>
    batchOf(
      list.map((s) => s.record),
      list[0]!.ackedAt,
    ),
  );
}

/** Whether `batch` may hold a number in `range`. */
export const mayHold = (batch: KeptBatch, range: SeqRange) =>
  batch.from <= range.to && range.from <= batch.to;

/**
 * Splits `batch` into its records whose numbers fall in `ranges`, except those in `except`, and
 * what stays kept: the batch itself when nothing is taken, null when nothing stays.
 */
export function takeFromBatch(
  batch: KeptBatch,
  ranges: readonly SeqRange[],
  except: ReadonlySet<number>,
): { taken: ClientRecord[]; rest: KeptBatch | null } {
  const taken: ClientRecord[] = [];
  const left: ClientRecord[] = [];
  for (const record of batch.records) {
    const { seq } = record;
    const wanted = !except.has(seq) && ranges.some((r) => r.from <= seq && seq <= r.to);
    (wanted ? taken : left).push(record);
  }
  if (taken.length === 0) return { taken, rest: batch };
  if (left.length === 0) return { taken, rest: null };
  return { taken, rest: { ...batchOf(left, batch.ackedAt), key: batch.key } };
}

function batchOf(records: readonly ClientRecord[], ackedAt: string): KeptBatch {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  return {
    deviceId: sorted[0]!.deviceId,
    from: sorted[0]!.seq,
    to: sorted.at(-1)!.seq,
    ackedAt,
    records: sorted,
    ids: sorted.map((r) => r.id),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
