/**
 * Cutting the oldest pending records into one upload the server takes: at most `maxItems` items and
 * a JSON body under `maxBytes` (SYNC_MAX_ITEMS and SYNC_MAX_BYTES of the sync contract).
 */
export interface BatchLimits {
  maxItems: number;
  maxBytes: number;
}

const encoder = new TextEncoder();

/** Bytes of `value` as JSON in UTF-8: what it adds to the request body. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** The first protocol in which a request carries `highestSeq` and the answer `missing`. */
export const PROTOCOL_WITH_RESEND = 3;

/**
 * The body of an upload; the envelope the server expects around the items, with the highest number
 * the tablet has given when the protocol carries it.
 */
export function syncBody(protocol: number, items: readonly unknown[], highestSeq?: number): string {
  return JSON.stringify(
    highestSeq === undefined ? { protocol, items } : { protocol, items, highestSeq },
  );
}

/**
 * The longest prefix of `records` (oldest first, so the sequence is sent in order) that fits the
 * limits. A single record that alone is over the byte limit is returned alone: the server's answer
 * (413) then lets the caller set it aside instead of blocking the queue behind it.
 */
export function cutBatch<T>(records: readonly T[], limits: BatchLimits, protocol = 1): T[] {
  const highest = protocol >= PROTOCOL_WITH_RESEND ? Number.MAX_SAFE_INTEGER : undefined;
  const envelope = encoder.encode(syncBody(protocol, [], highest)).length;
  let bytes = envelope;
  const batch: T[] = [];
  for (const record of records) {
    if (batch.length >= limits.maxItems) break;
    const size = jsonBytes(record) + (batch.length > 0 ? 1 : 0);
    if (bytes + size >= limits.maxBytes && batch.length > 0) break;
    batch.push(record);
    bytes += size;
  }
  return batch;
}
