/**
 * A tablet in the load benchmark: citizens rate (now and then leave a phản ánh) every second or
 * so; the tablet uploads what is pending in batches with POST /api/v1/sync, and keeps its own log:
 * every record it made, and which ids the server acknowledged. Now and then it sends an
 * acknowledged batch again, as a tablet does whose answer was lost on the way, which the server must
 * answer "duplicate" without storing anything twice. Afterwards the database is counted against
 * these logs.
 */
import { randomUUID } from 'node:crypto';
import type { ClientRecord, SyncResult } from '@hailong/contracts';
import { newTrackingCode } from '@hailong/domain';
import { pause, type LoadRecorder } from './load-recorder.ts';

const BATCH = 50;
/** Share of uploads followed by a resend of the same batch. */
const RESEND = 0.1;

export interface TabletLog {
  deviceId: string;
  /** Every record the tablet made, by id. */
  made: Map<string, ClientRecord>;
  /** Ids the server answered "accepted" or "duplicate" for. */
  acknowledged: Set<string>;
  /** Ids the server refused: none is expected. */
  rejected: string[];
  /** Why, for the report: the first few refusals and unexpected resend answers. */
  reasons: string[];
  /** Ids of a resent batch that the server did not answer "duplicate". */
  resendNotDuplicate: string[];
}

export class LoadTablet {
  readonly log: TabletLog;
  private seq = 0;
  private outbox: ClientRecord[] = [];

  constructor(
    private readonly rec: LoadRecorder,
    deviceId: string,
    private readonly token: string,
    private readonly sectorIds: string[],
    /** Levels of the unit's scale, 1..levels. */
    private readonly levels: number,
    /** Tracking codes of acknowledged phản ánh, for the citizens who look them up. */
    private readonly codes: string[],
  ) {
    // The kiosk makes no record without a sector; the server would refuse one, and the bench would
    // report the refusal as the server's fault.
    if (sectorIds.length === 0)
      throw new Error(`tablet ${deviceId}: its unit has no active sector`);
    this.log = {
      deviceId,
      made: new Map(),
      acknowledged: new Set(),
      rejected: [],
      resendNotDuplicate: [],
      reasons: [],
    };
  }

  /** Citizens use the tablet and it syncs, until `stopAt`. */
  async run(stopAt: number): Promise<void> {
    while (Date.now() < stopAt) {
      for (let n = 1 + Math.floor(Math.random() * 3); n > 0; n--) this.capture();
      const sent = await this.upload();
      if (sent && Math.random() < RESEND) await this.resend(sent);
      await pause(500, 1500);
    }
  }

  /** Uploads what is still pending, for at most `ms`. */
  async drain(ms: number): Promise<number> {
    const deadline = Date.now() + ms;
    while (this.outbox.length > 0 && Date.now() < deadline) {
      if (!(await this.upload())) await pause(200, 600);
    }
    return this.outbox.length;
  }

  private capture(): void {
    this.seq += 1;
    const base = {
      id: randomUUID(),
      deviceId: this.log.deviceId,
      seq: this.seq,
      deviceTime: new Date().toISOString(),
      schemaVersion: 1 as const,
    };
    const sectorId = this.sectorIds[Math.floor(Math.random() * this.sectorIds.length)]!;
    const record: ClientRecord =
      Math.random() < 0.1
        ? {
            ...base,
            kind: 'feedback',
            feedbackKind: 'phan_anh',
            trackingCode: newTrackingCode(crypto.getRandomValues(new Uint8Array(5))),
            sectorId,
            content: `Phải chờ lâu ở quầy (thử tải, bản ghi ${this.seq}).`,
            contact: null,
          }
        : {
            ...base,
            kind: 'rating',
            sectorId,
            level: 1 + Math.floor(Math.random() * this.levels),
            reasons: [],
            possibleRepeat: false,
          };
    // Level 1 is unsatisfied on every scale: the kiosk asks why.
    if (record.kind === 'rating' && record.level === 1) record.reasons = ['waiting_time'];
    this.log.made.set(record.id, record);
    this.outbox.push(record);
  }

  private post(batch: ClientRecord[]) {
    return this.rec.call('POST /api/v1/sync', '/api/v1/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ protocol: 1, items: batch }),
    });
  }

  /** One batch; the batch when the server answered it, null when it must be retried. */
  private async upload(): Promise<ClientRecord[] | null> {
    const batch = this.outbox.slice(0, BATCH);
    if (batch.length === 0) return null;
    const res = await this.post(batch);
    if (!res || res.status !== 200) return null;
    const { results } = JSON.parse(res.body) as { results: SyncResult[] };
    const done = new Set<string>();
    for (const [i, result] of results.entries()) {
      const record = batch[i]!;
      done.add(record.id);
      if (result.status === 'rejected') {
        this.log.rejected.push(record.id);
        this.note(`${record.kind} rejected: ${result.error?.code} ${result.error?.message}`);
        continue;
      }
      this.log.acknowledged.add(record.id);
      if (record.kind === 'feedback' && result.status === 'accepted') {
        this.codes.push(record.trackingCode);
      }
    }
    this.outbox = this.outbox.filter((r) => !done.has(r.id));
    return batch;
  }

  private async resend(batch: ClientRecord[]): Promise<void> {
    const res = await this.post(batch);
    if (!res || res.status !== 200) return;
    const { results } = JSON.parse(res.body) as { results: SyncResult[] };
    for (const [i, result] of results.entries()) {
      if (result.status !== 'duplicate' && this.log.acknowledged.has(batch[i]!.id)) {
        this.log.resendNotDuplicate.push(batch[i]!.id);
        this.note(`resent ${batch[i]!.kind} answered ${result.status} ${result.error?.code ?? ''}`);
      }
    }
  }

  private note(reason: string): void {
    if (this.log.reasons.length < 5) this.log.reasons.push(reason);
  }
}
