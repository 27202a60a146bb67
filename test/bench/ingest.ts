/**
 * Sync ingest through real HTTP (batches of 500, validation, conflict-ignore, rollups, range
 * merge, durable commit) against a raw bulk insert of the same rows into the same SQLite database,
 * in the same run. Target: HTTP ≥ 25% of raw. A second tablet, enrolled with a P-256 key, sends
 * the same records signed and chained (issue 25): its batches alternate with the unsigned ones, so
 * both meet the same table sizes. Target: signed ingest ≤ 20% slower than unsigned.
 */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { ClientRecord, type RatingRecord } from '@hailong/contracts';
import { GENESIS_HASH, recordChainHash, recordSigningBytes, toBase64Url } from '@hailong/domain';
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
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = toBase64Url(
      new Uint8Array(keys.publicKey.export({ format: 'der', type: 'spki' })),
    );
    const signedCode = (
      await devices.createEnrollment(null, { unitId: unit.id, label: 'bench signed' })
    ).code;
    const signer = await devices.enroll(signedCode, 'bench', {
      algorithm: 'ECDSA-P256-SHA256',
      spki,
    });
    const start = Date.now() - RECORDS * 10_000;
    const make = (seq: number, device = deviceId): RatingRecord => ({
      id: randomUUID(),
      deviceId: device,
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
    let prevHash = GENESIS_HASH;
    const makeSigned = (seq: number): RatingRecord => {
      const record = ClientRecord.parse({ ...make(seq, signer.deviceId), prevHash });
      const signature = toBase64Url(
        new Uint8Array(
          sign('sha256', recordSigningBytes(record), {
            key: keys.privateKey,
            dsaEncoding: 'ieee-p1363',
          }),
        ),
      );
      const chained = { ...record, signature } as RatingRecord;
      prevHash = recordChainHash(chained);
      return chained;
    };
    const bodies: string[] = [];
    const signedBodies: string[] = [];
    for (let seq = 1; seq <= RECORDS; seq += BATCH) {
      const length = Math.min(BATCH, RECORDS - seq + 1);
      const items = Array.from({ length }, (_, i) => make(seq + i));
      bodies.push(JSON.stringify({ protocol: 1, items }));
      const signedItems = Array.from({ length }, (_, i) => makeSigned(seq + i));
      signedBodies.push(JSON.stringify({ protocol: 1, items: signedItems }));
    }
    const post = async (body: string, bearer: string): Promise<number> => {
      const began = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body,
      });
      if (res.status !== 200) throw new Error(`sync answered ${res.status}`);
      await res.arrayBuffer();
      return performance.now() - began;
    };
    let httpMs = 0;
    let signedMs = 0;
    for (const [i, body] of bodies.entries()) {
      httpMs += await post(body, token);
      signedMs += await post(signedBodies[i]!, signer.token);
    }
    const httpSeconds = httpMs / 1000;
    const signedSeconds = signedMs / 1000;
    const flags = await database.repos.recordChain.countByKind();
    if (flags.size > 0) throw new Error(`a clean signed chain was flagged: ${[...flags]}`);
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
    const signedRate = RECORDS / signedSeconds;
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
      {
        name: 'sync ingest over HTTP, signed and chained records (verified on arrival)',
        value: Math.round(signedRate),
        unit: 'records/s',
      },
      {
        name: 'signed ingest: extra time over unsigned',
        value: Math.round((signedSeconds / httpSeconds - 1) * 1000) / 10,
        unit: '%',
        target: '≤ 20%',
      },
    ];
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
