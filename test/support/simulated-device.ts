/**
 * A tablet reduced to its sync protocol: an in-memory outbox of immutable records numbered 1..n,
 * uploaded oldest first; only what the server's answer names as accepted or duplicate is removed;
 * network errors and 5xx are retried with capped, jittered backoff. Enough to drive the server
 * through faults the way the kiosk's loop does.
 */
import type { ClientRecord } from '@hailong/contracts';
import { SyncResponse } from '@hailong/contracts';

export interface DeviceStats {
  attempts: number;
  failures: number;
}

export class SimulatedDevice {
  readonly outbox: ClientRecord[];
  readonly stats: DeviceStats = { attempts: 0, failures: 0 };

  constructor(
    readonly deviceId: string,
    readonly token: string,
    records: ClientRecord[],
    private readonly random: () => number,
  ) {
    this.outbox = [...records];
  }

  /** Uploads until the outbox is empty or the deadline passes. */
  async drain(url: () => string, batchSize: number, deadline: number): Promise<void> {
    let failures = 0;
    while (this.outbox.length > 0) {
      if (Date.now() > deadline)
        throw new Error(`device ${this.deviceId}: ${this.outbox.length} records left at deadline`);
      const batch = this.outbox.slice(0, batchSize);
      this.stats.attempts++;
      const acknowledged = await this.upload(url(), batch);
      if (acknowledged) {
        failures = 0;
        const done = new Set(acknowledged);
        for (let i = this.outbox.length - 1; i >= 0; i--)
          if (done.has(this.outbox[i]!.id)) this.outbox.splice(i, 1);
      } else {
        this.stats.failures++;
        failures++;
        const cap = Math.min(400, 10 * 2 ** failures);
        await new Promise((r) => setTimeout(r, cap / 2 + this.random() * (cap / 2)));
      }
    }
  }

  /** The ids the server acknowledged, or null when this attempt must be retried. */
  private async upload(url: string, batch: ClientRecord[]): Promise<string[] | null> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ protocol: 1, items: batch }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status >= 500) return null;
      if (res.status !== 200)
        throw new Error(`device ${this.deviceId}: HTTP ${res.status} ${await res.text()}`);
      const { results } = SyncResponse.parse(await res.json());
      if (results.length !== batch.length || results.some((r, i) => r.id !== batch[i]!.id))
        return null;
      const rejected = results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0)
        throw new Error(`device ${this.deviceId}: rejected ${JSON.stringify(rejected[0])}`);
      return results.map((r) => r.id);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith(`device ${this.deviceId}`)) throw err;
      return null; // connection reset, refused while the API restarts, or timed out
    }
  }
}
