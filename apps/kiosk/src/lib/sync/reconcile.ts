/**
 * Matching the server's answer to the batch sent. Only an answer that names every id sent, in the
 * order sent, is believed; anything else deletes nothing (a record is deleted from the outbox only
 * after the server named it).
 */
export interface ItemResult {
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  error?: { code: string; message: string };
}

export type Reconciliation =
  | {
      ok: true;
      /** Stored now or before: delete from the outbox. */
      done: string[];
      /** Refused for good: move to the dead-letter store, with the reason. */
      rejected: { id: string; error: { code: string; message: string } }[];
    }
  | { ok: false; reason: 'count_mismatch' | 'id_mismatch' };

export function reconcile(
  sentIds: readonly string[],
  results: readonly ItemResult[],
): Reconciliation {
  if (results.length !== sentIds.length) return { ok: false, reason: 'count_mismatch' };
  const done: string[] = [];
  const rejected: { id: string; error: { code: string; message: string } }[] = [];
  for (let i = 0; i < results.length; i++) {
    const result = results[i]!;
    if (result.id !== sentIds[i]) return { ok: false, reason: 'id_mismatch' };
    if (result.status === 'rejected') {
      rejected.push({ id: result.id, error: result.error ?? { code: 'rejected', message: '' } });
    } else {
      done.push(result.id);
    }
  }
  return { ok: true, done, rejected };
}
