/**
 * The online backup of a province's year: 10 million ratings (HAILONG_BENCH_RATINGS overrides it)
 * in a SQLite file, backed up by the real `npm run backup` in its own process while a tablet keeps
 * syncing through the real HTTP server. Reports the backup's time and size, and each sync batch's
 * latency before and during the backup: the pause, if any, the backup causes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { RatingRecord } from '@hailong/contracts';
import { createApp } from '../../apps/api/src/app.ts';
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import { createDevicesService } from '../../apps/api/src/devices/devices.service.ts';
import { runCli } from '../support/cli-process.ts';
import { listen } from '../support/live-server.ts';
import type { BenchResult } from './run.ts';
import { generateProvince, sectorId, unitId } from './tally-data.ts';

/** Records per sync batch: a tablet's upload after a busy half hour. */
const BATCH = 50;
const BASELINE_MS = 15_000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function benchBackup(): Promise<BenchResult[]> {
  const ratings = Number(process.env.HAILONG_BENCH_RATINGS ?? 10_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'hailong-bench-backup-'));
  const path = join(dir, 'hailong.db');
  const url = `file:${path}`;
  try {
    const schema = await openDatabase(url);
    await schema.migrate();
    await schema.close();
    generateProvince(path, ratings);
    const size = (await stat(path)).size;

    const database = await openDatabase(url);
    const devices = createDevicesService(database.repos, Date.now);
    const { code } = await devices.createEnrollment(null, { unitId: unitId(31), label: 'bench' });
    const { deviceId, token } = await devices.enroll(code, 'bench');
    const app = createApp({
      repos: database.repos,
      dialect: 'sqlite',
      clock: Date.now,
      ping: async () => void (await sql`select 1`.execute(database.db)),
      pendingMigrations: database.pendingMigrations,
    });
    const server = await listen(app);

    let seq = 0;
    const start = Date.now() - 86_400_000;
    const record = (): RatingRecord => {
      seq++;
      return {
        id: randomUUID(),
        deviceId,
        seq,
        deviceTime: new Date(start + seq * 10_000).toISOString(),
        schemaVersion: 1,
        kind: 'rating',
        sectorId: sectorId(31, seq % 30),
        level: 1 + (seq % 5),
        reasons: [],
        possibleRepeat: false,
      };
    };
    /** One batch, timed from request to answer (the answer comes after the durable commit). */
    const syncOnce = async () => {
      const body = JSON.stringify({ protocol: 3, items: Array.from({ length: BATCH }, record) });
      const began = performance.now();
      const res = await fetch(`${server.origin}/api/v1/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      if (res.status !== 200) throw new Error(`sync answered ${res.status}`);
      await res.arrayBuffer();
      return performance.now() - began;
    };
    const syncFor = async (until: () => boolean) => {
      const samples: number[] = [];
      while (!until()) samples.push(await syncOnce());
      return samples.sort((a, b) => a - b);
    };

    const baselineEnd = performance.now() + BASELINE_MS;
    const before = await syncFor(() => performance.now() > baselineEnd);
    let backingUp = true;
    const backupStarted = performance.now();
    const backup = runCli('backup', [join(dir, 'backup.sqlite')], { DATABASE_URL: url }).finally(
      () => (backingUp = false),
    );
    const during = await syncFor(() => !backingUp);
    const run = await backup;
    const backupMs = performance.now() - backupStarted;
    if (run.code !== 0) throw new Error(`backup failed: ${run.stderr}`);
    const backupSize = (await stat(join(dir, 'backup.sqlite'))).size;
    await server.close();
    await database.close();

    const note = `${ratings.toLocaleString('en')} ratings, ${(size / 2 ** 30).toFixed(2)} GiB database; ${BATCH}-record batches from one tablet, sequential`;
    return [
      { name: 'backup bench: database size', value: Math.round(size / 2 ** 20), unit: 'MiB', note },
      {
        name: 'backup bench: backup time (npm run backup, own process)',
        value: Math.round(backupMs / 100) / 10,
        unit: 's',
      },
      { name: 'backup bench: backup size', value: Math.round(backupSize / 2 ** 20), unit: 'MiB' },
      {
        name: 'backup bench: sync batch p50 before',
        value: round(percentile(before, 0.5)),
        unit: 'ms',
      },
      {
        name: 'backup bench: sync batch p99 before',
        value: round(percentile(before, 0.99)),
        unit: 'ms',
      },
      { name: 'backup bench: sync batch max before', value: round(before.at(-1)!), unit: 'ms' },
      {
        name: 'backup bench: sync batch p50 during backup',
        value: round(percentile(during, 0.5)),
        unit: 'ms',
      },
      {
        name: 'backup bench: sync batch p99 during backup',
        value: round(percentile(during, 0.99)),
        unit: 'ms',
      },
      {
        name: 'backup bench: sync batch max during backup (the pause)',
        value: round(during.at(-1)!),
        unit: 'ms',
        note: `${during.length} batches during the backup, ${before.length} before`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
