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
import {
  nextLink,
  relink,
  sealRecord,
  type ChainHead,
  type RecordSigner,
  type SignBytes,
} from '../device/record-seal.ts';

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

  /** Chain heads by device, as the meta store keeps them (lib/device/record-seal.ts). */
  #heads = new Map<string, ChainHead>();
  #appends: Promise<unknown> = Promise.resolve();

  /** `signer`: signs and chains the records of a device that has a key, as the kiosk's does. */
  constructor(private readonly signer: RecordSigner | null = null) {}

  /** Appends one after another, as IdbOutbox does: a seal never sees a head move under it. */
  #serialise<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#appends.then(work, work);
    this.#appends = turn.catch(() => {});
    return turn;
  }

  put(draft: RecordDraft, hold?: Hold): Promise<ClientRecord> {
    return this.#serialise(async () => {
      this.#checkNew(draft.id);
      const sign = await this.#signerFor(draft.deviceId);
      const seq = (this.#seq.get(draft.deviceId) ?? 0) + 1;
      let record = { ...structuredClone(draft), seq } as ClientRecord;
      if (sign) {
        const link = nextLink(this.#heads.get(draft.deviceId));
        const sealed = await sealRecord(record, seq, link.prevHash, link.unsigned, sign);
        this.#checkNew(draft.id);
        record = sealed.record;
        this.#heads.set(draft.deviceId, sealed.head);
      }
      this.#seq.set(draft.deviceId, seq);
      this.#pending.set(record.id, record);
      if (hold) this.#holds.set(record.id, hold.until);
      return structuredClone(record);
    });
  }

  #checkNew(id: string): void {
    if (this.#pending.has(id) || this.#dead.has(id) || this.#sent.has(id)) {
      throw new DuplicateRecordError(id);
    }
  }

  async #signerFor(deviceId: string): Promise<SignBytes | null> {
    return this.signer ? this.signer.signerFor(deviceId).catch(() => null) : null;
  }

  amend(draft: RecordDraft, holdUntil: number | null): Promise<boolean> {
    return this.#serialise(async () => {
      const stored = this.#pending.get(draft.id);
      if (!stored || !this.#holds.has(draft.id)) return false;
      checkAmendment(stored, draft);
      let record = { ...structuredClone(draft), seq: stored.seq } as ClientRecord;
      const sign = await this.#signerFor(draft.deviceId);
      if (sign) {
        const link = relink(this.#heads.get(draft.deviceId), stored);
        if (!link) {
          // A later record names this one's hash: it cannot change any more, and goes as it is.
          this.#holds.delete(draft.id);
          return false;
        }
        const sealed = await sealRecord(record, stored.seq, link.prevHash, link.unsigned, sign);
        record = sealed.record;
        this.#heads.set(draft.deviceId, sealed.head);
      }
      this.#pending.set(draft.id, record);
      if (holdUntil === null) this.#holds.delete(draft.id);
      else this.#holds.set(draft.id, holdUntil);
      return true;
    });
  }

  /** The device's chain head, for tests of the chain. */
  async chainHead(deviceId: string): Promise<ChainHead | null> {
    return structuredClone(this.#heads.get(deviceId) ?? null);
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

  async acknowledge(records: readonly ClientRecord[], ackedAt: string): Promise<void> {
    for (const { id } of records) {
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
    this.#heads.clear();
  }
}

/** The order of IndexedDB's [deviceId, seq] index. */
function byDeviceAndSeq(a: ClientRecord, b: ClientRecord): number {
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return a.seq - b.seq;
}
