/**
 * What the burst rule adds to a sync batch (issue 14, item 4): the same batches of 500 ratings
 * stored by the sync service with and without the alerts hook, each into its own fresh SQLite
 * database, alternating, so both see the same machine at the same moments. One rating in ten is
 * unhappy and they come every 100 s, so the rule finds bursts all along: its worst ordinary case.
 * Target: the hook adds under 10% to the median batch.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RatingRecord } from '@hailong/contracts';
import { openDatabase, type DatabaseHandle } from '../../apps/api/src/db/connect.ts';
import { seedDemoCatalogue } from '../../apps/api/src/services/seed.service.ts';
import { createDevicesService } from '../../apps/api/src/services/devices.service.ts';
import { createSyncService } from '../../apps/api/src/services/sync.service.ts';
import { onFeedbackReceived } from '../../apps/api/src/services/feedback-intake.ts';
import { burstHook } from '../../apps/api/src/services/alert-burst.ts';
import type { BenchResult } from './run.ts';

const BATCHES = Number(process.env.HAILONG_BENCH_ALERT_BATCHES ?? 40);
const BATCH = 500;

interface Side {
  database: DatabaseHandle;
  store(items: RatingRecord[]): Promise<void>;
  deviceId: string;
  sectorIds: string[];
  times: number[];
}

async function side(dir: string, name: string, withAlerts: boolean): Promise<Side> {
  const database = await openDatabase(`file:${join(dir, `${name}.db`)}`);
  await database.migrate();
  const { repos } = database;
  await seedDemoCatalogue(repos, Date.now);
  const unit = (await repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
  const devices = createDevicesService(repos, Date.now);
  const { code } = await devices.createEnrollment(null, { unitId: unit.id, label: 'bench' });
  const { deviceId } = await devices.enroll(code, 'bench');
  const hook = withAlerts ? burstHook(repos, Date.now) : undefined;
  const sync = createSyncService(repos, Date.now, onFeedbackReceived, undefined, hook);
  return {
    database,
    deviceId,
    sectorIds: (await repos.catalogue.listSectors(unit.id)).map((s) => s.id),
    times: [],
    async store(items) {
      const device = (await repos.devices.findById(deviceId))!;
      await sync.sync(device, 1, items);
    },
  };
}

function batch(s: Side, first: number, start: number): RatingRecord[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const seq = first + i;
    return {
      id: randomUUID(),
      deviceId: s.deviceId,
      seq,
      deviceTime: new Date(start + seq * 10_000).toISOString(),
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
  const plain = await side(dir, 'plain', false);
  const alerted = await side(dir, 'alerts', true);
  try {
    // Within the last day (tablets' clocks are believed up to a day off), ending now.
    const start = Date.now() - BATCHES * BATCH * 10_000;
    for (let b = 0; b < BATCHES; b++) {
      // Alternate which goes first, so neither always meets a warm or a cold cache.
      const order = b % 2 === 0 ? [plain, alerted] : [alerted, plain];
      for (const s of order) {
        const items = batch(s, b * BATCH + 1, start);
        const t0 = performance.now();
        await s.store(items);
        s.times.push(performance.now() - t0);
      }
    }
    const [without, withHook] = [median(plain.times), median(alerted.times)];
    const raised = await alerted.database.repos.alerts.listOpen();
    return [
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
        name: 'alerts: extra time the burst rule adds to a batch',
        value: round(((withHook - without) / without) * 100),
        unit: '%',
        target: '< 10%',
        note: `${BATCHES} batches each side on SQLite; ${raised.length} burst alert(s) open at the end`,
      },
    ];
  } finally {
    await plain.database.close();
    await alerted.database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
