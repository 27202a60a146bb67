/**
 * Reports from a real streaming standby: a primary and a `pg_basebackup -R` standby of it, the app
 * over both. Pausing the standby's replay holds a write back from it: the report does not show the
 * write while the lag is under the bound, falls back to the primary (and shows it) once the lag
 * passes the bound, and reads the standby again after replay resumes. Writes never go there.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import {
  createDatabase,
  startPostgresCluster,
  type PostgresCluster,
} from '../../../../test/support/postgres-cluster.ts';
import { startStandby } from '../../../../test/support/postgres-standby.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import type { SectorRow, UnitRow } from '../repositories/types.ts';
import { openDatabase, type DatabaseHandle } from './connect.ts';
import { replicaReports, type ReplicaStatus, type ReportsDatabase } from './replica.ts';

const PASSWORD = 'bản-sao-chỉ-đọc-1';
const METRICS_TOKEN = 'x'.repeat(40);
/** Short, so that the fallback comes within seconds; the default is 30 s. */
const MAX_LAG_SECONDS = 4;

describe('reports from a PostgreSQL streaming replica', () => {
  let primary: PostgresCluster;
  let standby: PostgresCluster | undefined;
  let database: DatabaseHandle;
  let reportsDb: ReportsDatabase;
  let admin: Session;
  let tablet: Session;
  let device: TestDevice;
  let unit: UnitRow;
  let sector: SectorRow;
  let seq = 0;
  let standbyUrl: string;

  beforeAll(async () => {
    primary = await startPostgresCluster();
    const url = await createDatabase(primary.url, 'hailong');
    database = await openDatabase(url);
    await database.migrate();
    const clock = new TestClock(Date.UTC(2026, 10, 20, 3));
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    // Made after the database and its schema exist: the standby starts with both.
    standby = await startStandby(primary.url);
    const onStandby = new URL(standby.url);
    onStandby.pathname = '/hailong';
    standbyUrl = onStandby.toString();
    reportsDb = replicaReports(database.repos, standbyUrl, MAX_LAG_SECONDS);
    const { app } = testApp(database, clock, { reportsDb, metricsToken: METRICS_TOKEN });
    admin = new Session(app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    unit = (await database.repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
    sector = (await database.repos.catalogue.listSectors(unit.id))[0]!;
    device = await enrollDevice(admin, unit.id);
    tablet = new Session(app);
  }, 180_000);

  afterAll(async () => {
    await reportsDb?.close();
    await database?.close();
    await standby?.stop();
    await primary?.stop();
  });

  const store = async (count: number) => {
    const items = Array.from({ length: count }, () =>
      rating(device, ++seq, { sectorId: sector.id, level: 5 }),
    );
    const res = await sync(tablet, device, items);
    expect(res.status).toBe(200);
  };
  const reported = async (): Promise<number> => {
    const res = await admin.get(`/api/v1/tally/node?node=${unit.id}&period=2026-11`);
    expect(res.status).toBe(200);
    return (await res.json()).totals.total;
  };
  const onStandby = async (statement: string) => {
    const client = new pg.Client({ connectionString: standbyUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  /** Measures until `until` holds (the lag moves with the wall clock; this waits, never times). */
  const measureUntil = async (until: (s: ReplicaStatus) => boolean): Promise<ReplicaStatus> => {
    for (let attempt = 0; attempt < 240; attempt++) {
      const status = (await reportsDb.check())!;
      if (until(status)) return status;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the replica never reached the state: ${JSON.stringify(reportsDb.status())}`);
  };
  const readiness = async () => {
    const res = await admin.get('/readyz');
    expect(res.status).toBe(200);
    return (await res.json()).replica;
  };
  const scraped = async () => {
    const res = await admin.send('GET', '/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('reads the report from the standby, falls back past the bound, and comes back', async () => {
    expect(reportsDb.status()).toMatchObject({ serving: 'primary', reason: 'not_checked' });
    await store(3);
    // Fresh once it replayed the write (and everything after, e.g. the session's own writes).
    await measureUntil((s) => s.serving === 'replica' && s.lagSeconds === 0);
    expect(await reported()).toBe(3);
    expect(await readiness()).toMatchObject({
      serving: 'replica',
      reason: 'fresh',
      lagSeconds: 0,
      maxLagSeconds: MAX_LAG_SECONDS,
    });
    expect(await scraped()).toMatch(/^hailong_reports_on_replica\{reason="fresh"\} 1$/m);

    await onStandby('select pg_wal_replay_pause()');
    // A write while replay is paused: it goes to the primary, which takes it.
    await store(2);
    const held = await measureUntil((s) => s.lagSeconds !== 0);
    // Still under the bound: the report reads the standby, which has not replayed the write.
    expect(held).toMatchObject({ serving: 'replica', reason: 'fresh' });
    expect(await reported()).toBe(3);

    // Past the bound: the primary answers, with the write.
    const behind = await measureUntil((s) => s.serving === 'primary');
    expect(behind).toMatchObject({ reason: 'lagging' });
    expect(behind.lagSeconds).toBeGreaterThan(MAX_LAG_SECONDS);
    expect(await reported()).toBe(5);
    expect(await readiness()).toMatchObject({ serving: 'primary', reason: 'lagging' });
    const text = await scraped();
    expect(text).toMatch(/^hailong_reports_on_replica\{reason="lagging"\} 0$/m);
    const lag = Number(/^hailong_replica_lag_seconds (\S+)$/m.exec(text)?.[1]);
    expect(lag).toBeGreaterThan(MAX_LAG_SECONDS);

    await onStandby('select pg_wal_replay_resume()');
    await measureUntil((s) => s.serving === 'replica');
    expect(await reported()).toBe(5);
  });

  it('falls back to the primary when the standby stops answering', async () => {
    await standby!.stop();
    standby = undefined;
    expect(await measureUntil((s) => s.reason === 'unreachable')).toMatchObject({
      serving: 'primary',
      lagSeconds: null,
    });
    await store(1);
    expect(await reported()).toBe(6);
    expect(await readiness()).toMatchObject({ serving: 'primary', reason: 'unreachable' });
  });
});
