/**
 * Sync ingest through real HTTP (batches of 500, validation, conflict-ignore, rollups, range
 * merge, durable commit) against a raw bulk insert of the same rows into the same SQLite database,
 * in the same run. Target: HTTP ≥ 25% of raw.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import type { RatingRecord } from '@hailong/contracts';
import { createApp } from '../../apps/api/src/app.ts';
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import { seedDemoCatalogue } from '../../apps/api/src/demo/seed.service.ts';
import { createDevicesService } from '../../apps/api/src/devices/devices.service.ts';
import type { BenchResult } from './run.ts';

const RECORDS = Number(process.env.HAILONG_BENCH_INGEST ?? 50_000);
const BATCH = 500;

export async function benchIngest(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'hailong-ingest-'));
  const file = join(dir, 'ingest.db');
  const database = await openDatabase(`file:${file}`);
  try {
    await database.migrate();
    await seedDemoCatalogue(database.repos, Date.now);
    const unit = (await database.repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
    const sectors = await database.repos.catalogue.listSectors(unit.id);
    const devices = createDevicesService(database.repos, Date.now);
    const { code } = await devices.createEnrollment(null, { unitId: unit.id, label: 'bench' });
    const { deviceId, token } = await devices.enroll(code, 'bench');
    const start = Date.now() - RECORDS * 10_000;
    const make = (seq: number): RatingRecord => ({
      id: randomUUID(),
      deviceId,
      seq,
      deviceTime: new Date(start + seq * 10_000).toISOString(),
      schemaVersion: 1,
      kind: 'rating',
      sectorId: sectors[seq % sectors.length]!.id,
      level: 1 + (seq % 5),
      reasons: seq % 5 === 0 ? ['waiting_time'] : [],
      possibleRepeat: false,
    });

    const app = createApp({
      repos: database.repos,
      dialect: 'sqlite',
      clock: Date.now,
      ping: async () => void (await sql`select 1`.execute(database.db)),
      pendingMigrations: database.pendingMigrations,
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const bodies: string[] = [];
    for (let seq = 1; seq <= RECORDS; seq += BATCH) {
      const items = Array.from({ length: Math.min(BATCH, RECORDS - seq + 1) }, (_, i) =>
        make(seq + i),
      );
      bodies.push(JSON.stringify({ protocol: 1, items }));
    }
    const httpStart = performance.now();
    for (const body of bodies) {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      if (res.status !== 200) throw new Error(`sync answered ${res.status}`);
      await res.arrayBuffer();
    }
    const httpSeconds = (performance.now() - httpStart) / 1000;
    await new Promise((r) => server.close(r));

    // The floor: the same rows straight into the same tables, prepared statements, same durability.
    const raw = new Sqlite(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    const record = raw.prepare(
      'insert into records (id, device_id, seq, kind, received_at) values (?, ?, ?, ?, ?)',
    );
    const rating = raw.prepare(
      'insert into ratings (id, device_id, unit_id, sector_id, level, reasons, comment, device_time, received_at, month, category) values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)',
    );
    const insertBatch = raw.transaction((rows: RatingRecord[]) => {
      const now = Date.now();
      for (const r of rows) {
        record.run(r.id, deviceId, r.seq + RECORDS, 'rating', now);
        rating.run(
          r.id,
          deviceId,
          unit.id,
          r.sectorId,
          r.level,
          r.reasons.join(','),
          Date.parse(r.deviceTime),
          now,
          '2026-11',
          'counted',
        );
      }
    });
    const rawRows = bodies.map((b) =>
      (JSON.parse(b) as { items: RatingRecord[] }).items.map((r) => ({ ...r, id: randomUUID() })),
    );
    const rawStart = performance.now();
    for (const rows of rawRows) insertBatch(rows);
    const rawSeconds = (performance.now() - rawStart) / 1000;
    raw.close();

    const httpRate = RECORDS / httpSeconds;
    const rawRate = RECORDS / rawSeconds;
    return [
      {
        name: `sync ingest over HTTP, SQLite (${RECORDS} records)`,
        value: Math.round(httpRate),
        unit: 'records/s',
      },
      {
        name: 'raw bulk insert, same rows, same SQLite file',
        value: Math.round(rawRate),
        unit: 'records/s',
      },
      {
        name: 'HTTP ingest as a share of raw insert',
        value: Math.round((httpRate / rawRate) * 1000) / 10,
        unit: '%',
        target: '≥ 25%',
      },
    ];
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
