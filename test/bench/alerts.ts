/**
 * What the burst rule adds to a sync batch (issue 14, item 4): the same batches of 500 ratings
 * stored by the sync service with and without the alerts hook, by the tablets of two units of one
 * SQLite database, alternating, so both see the same machine at the same moments. One rating in ten is
 * unhappy and they come every minute at each of four tablets, so the rule finds bursts all along: its worst ordinary case.
 * The hook is also timed inside each batch, which the noise of two databases' fsyncs does not blur.
 * Target: the hook takes under 10% of a batch.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RatingRecord } from '@hailong/contracts';
import { openDatabase, type DatabaseHandle } from '../../apps/api/src/db/connect.ts';
import { seedDemoCatalogue } from '../../apps/api/src/demo/seed.service.ts';
import { createDevicesService } from '../../apps/api/src/devices/devices.service.ts';
import { createSyncService } from '../../apps/api/src/ingest/sync.service.ts';
import { onFeedbackReceived } from '../../apps/api/src/feedback/feedback-intake.ts';
import { burstHook, type RatingsStoredHook } from '../../apps/api/src/alerts/alert-burst.ts';
import type { BenchResult } from './run.ts';

const BATCHES = Number(process.env.HAILONG_BENCH_ALERT_BATCHES ?? 80);
const BATCH = 500;
/** Tablets of the unit, each uploading every fourth batch. */
const TABLETS = 4;
/** Between two ratings of a tablet: past the 5-second repeat window, so every one counts. */
const SPACING_MS = 6_000;

interface Side {
  database: DatabaseHandle;
  store(deviceId: string, items: RatingRecord[]): Promise<void>;
  deviceIds: string[];
  sectorIds: string[];
  times: number[];
  /** Time spent in the alerts hook (in the transaction and after it) per batch. */
  hookTimes: number[];
}

/** Tablets of one unit, synced with or without the alerts hook, in the shared database. */
async function side(database: DatabaseHandle, code: string, withAlerts: boolean): Promise<Side> {
  const { repos } = database;
  const unit = (await repos.catalogue.listUnits()).find((u) => u.code === code)!;
  const devices = createDevicesService(repos, Date.now);
  const deviceIds: string[] = [];
  for (let i = 0; i < TABLETS; i++) {
    const { code } = await devices.createEnrollment(null, { unitId: unit.id, label: `bench ${i}` });
    deviceIds.push((await devices.enroll(code, `bench ${i}`)).deviceId);
  }
  let spent = 0;
  const inner = burstHook(repos, Date.now);
  // The hook timed as it runs: its part inside the transaction and its part after the commit.
  const timed: RatingsStoredHook = async (tx, rows, now, scale) => {
    const t0 = performance.now();
    const after = await inner(tx, rows, now, scale);
    spent += performance.now() - t0;
    return (
      after &&
      (async () => {
        const t1 = performance.now();
        await after();
        spent += performance.now() - t1;
      })
    );
  };
  const sync = createSyncService(
    repos,
    Date.now,
    onFeedbackReceived,
    undefined,
    withAlerts ? timed : undefined,
  );
  const hookTimes: number[] = [];
  return {
    database,
    deviceIds,
    sectorIds: (await repos.catalogue.listSectors(unit.id)).map((s) => s.id),
    times: [],
    hookTimes,
    async store(deviceId, items) {
      const device = (await repos.devices.findById(deviceId))!;
      spent = 0;
      await sync.sync(device, 1, items);
      hookTimes.push(spent);
    },
  };
}

function batch(s: Side, deviceId: string, first: number, start: number): RatingRecord[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const seq = first + i;
    return {
      id: randomUUID(),
      deviceId,
      seq,
      deviceTime: new Date(start + seq * SPACING_MS).toISOString(),
      schemaVersion: 1,
      kind: 'rating',
      sectorId: s.sectorIds[seq % s.sectorIds.length]!,
      level: seq % 10 === 0 ? 1 : 4 + (seq % 2),
      reasons: [],
      possibleRepeat: false,
    };
  });
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export async function benchAlerts(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'hailong-alerts-bench-'));
  // One database for both sides: the same file, WAL and checkpoints; only the hook differs.
  const database = await openDatabase(`file:${join(dir, 'alerts.db')}`);
  await database.migrate();
  await seedDemoCatalogue(database.repos, Date.now);
  const plain = await side(database, 'so-tp', false);
  const alerted = await side(database, 'so-xd', true);
  try {
    // Within the last day (a tablet clock further off is not believed), ending now.
    const rounds = Math.ceil(BATCHES / TABLETS);
    const start = Date.now() - rounds * BATCH * SPACING_MS;
    for (let b = 0; b < BATCHES; b++) {
      const tablet = b % TABLETS;
      const first = Math.floor(b / TABLETS) * BATCH + 1;
      // Alternate which goes first, so neither always meets a warm or a cold cache.
      const order = b % 2 === 0 ? [plain, alerted] : [alerted, plain];
      for (const s of order) {
        const items = batch(s, s.deviceIds[tablet]!, first, start);
        const t0 = performance.now();
        await s.store(s.deviceIds[tablet]!, items);
        s.times.push(performance.now() - t0);
      }
    }
    const [without, withHook] = [median(plain.times), median(alerted.times)];
    const hook = median(alerted.hookTimes);
    console.log(
      alerted.hookTimes.map((x) => x.toFixed(1)).join(' '),
      '\n',
      alerted.times.map((x) => x.toFixed(0)).join(' '),
      '\n',
      plain.times.map((x) => x.toFixed(0)).join(' '),
    );
    const raised = await alerted.database.repos.alerts.listOpen();
    return [
      {
        name: 'alerts: time in the burst hook per batch of 500 (median)',
        value: round(hook),
        unit: 'ms',
      },
      {
        name: 'alerts: burst hook share of a sync batch',
        value: round((hook / withHook) * 100),
        unit: '%',
        target: '< 10%',
        note: 'the hook timed inside the batch: keeping unhappy ratings in the transaction, judging after commit',
      },
      {
        name: 'alerts: sync batch of 500, no alert hook (median)',
        value: round(without),
        unit: 'ms',
      },
      {
        name: 'alerts: sync batch of 500, with burst hook (median)',
        value: round(withHook),
        unit: 'ms',
      },
      {
        name: 'alerts: batch with hook vs without (difference of medians)',
        value: round(((withHook - without) / without) * 100),
        unit: '%',
        note: `${BATCHES} batches each side on SQLite; ${raised.length} burst alert(s) open at the end`,
      },
    ];
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
