import type { ClientRecord } from '@hailong/contracts';
import {
  DuplicateRecordError,
  type DeadLetter,
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

  async put(draft: RecordDraft): Promise<ClientRecord> {
    if (this.#pending.has(draft.id) || this.#dead.has(draft.id) || this.#sent.has(draft.id)) {
      throw new DuplicateRecordError(draft.id);
    }
    const seq = (this.#seq.get(draft.deviceId) ?? 0) + 1;
    const record = { ...structuredClone(draft), seq } as ClientRecord;
    this.#seq.set(draft.deviceId, seq);
    this.#pending.set(record.id, record);
    return structuredClone(record);
  }

  async takeOldest(limit: number): Promise<ClientRecord[]> {
    return [...this.#pending.values()]
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
    const [oldest] = await this.takeOldest(1);
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
  }
}

/** The order of IndexedDB's [deviceId, seq] index. */
function byDeviceAndSeq(a: ClientRecord, b: ClientRecord): number {
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return a.seq - b.seq;
}
