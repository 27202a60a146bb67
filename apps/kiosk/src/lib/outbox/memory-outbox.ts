import type { ClientRecord } from '@hailong/contracts';
import {
  DuplicateRecordError,
  checkAmendment,
  type DeadLetter,
  type Hold,
  type Outbox,
  type RecordDraft,
  type SentRecord,
  type SeqRange,
} from './outbox.ts';

/**
 * The outbox in memory: for unit tests of the sync loop, and the reference the IndexedDB outbox is
 * held to by the shared contract suite. Values are copied in and out, as IndexedDB does.
 */
export class MemoryOutbox implements Outbox {
  #pending = new Map<string, ClientRecord>();
  #dead = new Map<string, DeadLetter>();
  #sent = new Map<string, SentRecord>();
  #seq = new Map<string, number>();
  /** Held record id → when its hold ends. */
  #holds = new Map<string, number>();

  async put(draft: RecordDraft, hold?: Hold): Promise<ClientRecord> {
    if (this.#pending.has(draft.id) || this.#dead.has(draft.id) || this.#sent.has(draft.id)) {
      throw new DuplicateRecordError(draft.id);
    }
    const seq = (this.#seq.get(draft.deviceId) ?? 0) + 1;
    const record = { ...structuredClone(draft), seq } as ClientRecord;
    this.#seq.set(draft.deviceId, seq);
    this.#pending.set(record.id, record);
    if (hold) this.#holds.set(record.id, hold.until);
    return structuredClone(record);
  }

  async amend(draft: RecordDraft, holdUntil: number | null): Promise<boolean> {
    const stored = this.#pending.get(draft.id);
    if (!stored || !this.#holds.has(draft.id)) return false;
    checkAmendment(stored, draft);
    this.#pending.set(draft.id, { ...structuredClone(draft), seq: stored.seq } as ClientRecord);
    if (holdUntil === null) this.#holds.delete(draft.id);
    else this.#holds.set(draft.id, holdUntil);
    return true;
  }

  async release(id: string): Promise<void> {
    this.#holds.delete(id);
  }

  async releaseHolds(endingBy: number): Promise<number> {
    let released = 0;
    for (const [id, until] of this.#holds) {
      if (until <= endingBy) {
        this.#holds.delete(id);
        released++;
      }
    }
    return released;
  }

  async takeOldest(limit: number): Promise<ClientRecord[]> {
    return [...this.#pending.values()]
      .filter((r) => !this.#holds.has(r.id))
      .sort(byDeviceAndSeq)
      .slice(0, Math.max(0, limit))
      .map((r) => structuredClone(r));
  }

  async acknowledge(ids: readonly string[], ackedAt: string): Promise<void> {
    for (const id of ids) {
      const record = this.#pending.get(id);
      if (!record) continue;
      this.#pending.delete(id);
      this.#sent.set(id, { record, ackedAt });
    }
  }

  async requeue(
    deviceId: string,
    ranges: readonly SeqRange[],
    except: ReadonlySet<number> = new Set(),
  ): Promise<number[]> {
    const moved: number[] = [];
    for (const { record } of [...this.#sent.values()].sort((a, b) => a.record.seq - b.record.seq)) {
      const { seq } = record;
      if (record.deviceId !== deviceId || except.has(seq)) continue;
      if (!ranges.some((r) => r.from <= seq && seq <= r.to)) continue;
      this.#sent.delete(record.id);
      this.#pending.set(record.id, record);
      moved.push(seq);
    }
    return moved;
  }

  async forgetSent(before: string): Promise<number> {
    let forgotten = 0;
    for (const [id, sent] of this.#sent) {
      if (sent.ackedAt < before) {
        this.#sent.delete(id);
        forgotten++;
      }
    }
    return forgotten;
  }

  async sentCount(): Promise<number> {
    return this.#sent.size;
  }

  async highestSeq(deviceId: string): Promise<number> {
    return this.#seq.get(deviceId) ?? 0;
  }

  async count(): Promise<number> {
    return this.#pending.size;
  }

  async oldestAge(now: number): Promise<number | null> {
    const [oldest] = [...this.#pending.values()].sort(byDeviceAndSeq);
    return oldest ? now - Date.parse(oldest.deviceTime) : null;
  }

  async putDeadLetters(entries: readonly DeadLetter[]): Promise<void> {
    for (const entry of entries) {
      this.#dead.set(entry.record.id, structuredClone(entry));
      this.#pending.delete(entry.record.id);
    }
  }

  async listDeadLetters(): Promise<DeadLetter[]> {
    return [...this.#dead.values()]
      .sort((a, b) => byDeviceAndSeq(a.record, b.record))
      .map((d) => structuredClone(d));
  }

  async clear(): Promise<void> {
    this.#pending.clear();
    this.#dead.clear();
    this.#sent.clear();
    this.#seq.clear();
    this.#holds.clear();
  }
}

/** The order of IndexedDB's [deviceId, seq] index. */
function byDeviceAndSeq(a: ClientRecord, b: ClientRecord): number {
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return a.seq - b.seq;
}
