/**
 * What the burst rule costs a sync batch (issue 14, item 4; issue 22, item 6): the same batches of
 * 500 ratings stored by the sync service, by the tablets of two units of one SQLite database,
 * alternating, so both see the same machine at the same moments; after each batch of one unit the
 * burst rule's event consumer (the job runner's work) handles the event the batch appended. One
 * rating in ten is unhappy and they come every minute at each of four tablets, so the rule finds
 * bursts all along: its worst ordinary case. The batch no longer waits for the rule; what it costs
 * is its own transaction, timed on its own.
 * Target: the consumer takes under 10% of a batch's time.
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
import { burstConsumer } from '../../apps/api/src/alerts/alert-burst.ts';
import { drainConsumer } from '../../apps/api/src/events/event-drain.ts';
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
  /** Time each sync batch took, and the burst consumer after it. */
  ruleTimes: number[];
}

/** Tablets of one unit, synced with or without the burst rule after each batch. */
async function side(database: DatabaseHandle, code: string, withAlerts: boolean): Promise<Side> {
  const { repos } = database;
  const unit = (await repos.catalogue.listUnits()).find((u) => u.code === code)!;
  const devices = createDevicesService(repos, Date.now);
  const deviceIds: string[] = [];
  for (let i = 0; i < TABLETS; i++) {
    const { code } = await devices.createEnrollment(null, { unitId: unit.id, label: `bench ${i}` });
    deviceIds.push((await devices.enroll(code, `bench ${i}`)).deviceId);
  }
  const sync = createSyncService(repos, Date.now);
  const bursts = burstConsumer();
  const times: number[] = [];
  const ruleTimes: number[] = [];
  return {
    database,
    deviceIds,
    sectorIds: (await repos.catalogue.listSectors(unit.id)).map((s) => s.id),
    times,
    ruleTimes,
    async store(deviceId, items) {
      const device = (await repos.devices.findById(deviceId))!;
      const start = performance.now();
      await sync.sync(device, 1, items);
      times.push(performance.now() - start);
      if (!withAlerts) {
        // The events of the side without the rule are not the rule's to handle.
        await repos.events.advance(bursts.name, await repos.events.lastId(), Date.now());
        return;
      }
      const t0 = performance.now();
      await drainConsumer(repos, bursts, Date.now);
      ruleTimes.push(performance.now() - t0);
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
  // One database for both sides: the same file, WAL and checkpoints; only the rule differs.
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
        await s.store(s.deviceIds[tablet]!, batch(s, s.deviceIds[tablet]!, first, start));
      }
    }
    const [without, withAlerts] = [median(plain.times), median(alerted.times)];
    const rule = median(alerted.ruleTimes);
    const raised = await alerted.database.repos.alerts.listOpen();
    return [
      {
        name: 'alerts: burst consumer per batch of 500 (median)',
        value: round(rule),
        unit: 'ms',
      },
      {
        name: 'alerts: burst consumer vs the sync batch it follows',
        value: round((rule / without) * 100),
        unit: '%',
        target: '< 10%',
        note: 'the job runner handles the batch’s event in its own transaction, after the batch',
      },
      {
        name: 'alerts: sync batch of 500 (median)',
        value: round(without),
        unit: 'ms',
      },
      {
        name: 'alerts: sync batch of 500 of the unit the rule watches (median)',
        value: round(withAlerts),
        unit: 'ms',
        note: `${BATCHES} batches each side on SQLite; ${raised.length} burst alert(s) open at the end`,
      },
    ];
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
