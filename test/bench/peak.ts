/**
 * The morning peak (issue 26, item 2), run by the national bench on its loaded database:
 * HAILONG_BENCH_PEAK_TABLETS tablets (2,000) using the real sync protocol (load-tablet.ts: 1–3
 * records, an upload of up to 50 pending, a resend of one batch in ten, a pause of 0,5–1,5 s, each
 * tablet waiting for its answer: a closed loop that saturates the servers) and
 * HAILONG_BENCH_PEAK_PHONES citizens rating from their phones (one rating every 1–3 s each), for
 * HAILONG_BENCH_PEAK_SECONDS, against TWO real API processes (`node --import tsx
 * apps/api/src/main.ts`, tablets and phones split between them) on the one PostgreSQL.
 *
 * Reported: sustained records per second (acknowledged over the run), p50/p99 of a sync batch,
 * records lost or duplicated (the database counted against the tablets' and phones' own logs: must
 * be 0), and in the same run the raw INSERT throughput of the same database (50-row multi-row
 * INSERTs into a copy of `ratings` with its indexes, one transaction each, 16 connections). The
 * first API process runs with --cpu-prof; its top frames by self time are in the report.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { RATING_SCALES } from '@hailong/domain';
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import { createDevicesService } from '../../apps/api/src/devices/devices.service.ts';
import { spawn } from 'node:child_process';
import {
  freePort,
  ROOT,
  startServer,
  stopServer,
  type ServerProcess,
} from '../support/server-process.ts';
import { countAgainstLogs } from './load-ledger.ts';
import { LoadRecorder, pause, type RouteFigures } from './load-recorder.ts';
import { LoadTablet } from './load-tablet.ts';
import { sectorIdOf, type NationalUnit } from './national-data.ts';
import type { BenchResult } from './run.ts';

const TABLETS = Number(process.env.HAILONG_BENCH_PEAK_TABLETS ?? 2000);
const PHONES = Number(process.env.HAILONG_BENCH_PEAK_PHONES ?? 200);
const SECONDS = Number(process.env.HAILONG_BENCH_PEAK_SECONDS ?? 120);
const RAW_SECONDS = 20;
const RAW_CONNECTIONS = 16;
const BATCH = 50;

/** Rows per second that plain multi-row INSERTs get into a copy of `ratings`, indexes and all. */
async function rawInsertRate(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE TABLE peak_raw (LIKE ratings INCLUDING DEFAULTS INCLUDING INDEXES)');
  let rows = 0;
  const stopAt = Date.now() + RAW_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RAW_CONNECTIONS }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        while (Date.now() < stopAt) {
          const values: unknown[] = [];
          const tuples: string[] = [];
          for (let i = 0; i < BATCH; i++) {
            const now = Date.now();
            const base = values.length;
            values.push(randomUUID(), 'd-raw', 'p01-x001', 'p01-x001-s00', 5, '', now, now);
            tuples.push(
              `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}, $${base + 8}, '2026-12', 'counted')`,
            );
          }
          await client.query(
            `INSERT INTO peak_raw (id, device_id, unit_id, sector_id, level, reasons, device_time, received_at, month, category) VALUES ${tuples.join(', ')}`,
            values,
          );
          rows += BATCH;
        }
      } finally {
        await client.end();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await admin.query('DROP TABLE peak_raw');
  await admin.end();
  return rows / seconds;
}

interface PhoneLog {
  sent: Map<string, string>;
  acknowledged: Set<string>;
  refused: string[];
}

/** A citizen rating from a phone, again and again, each time a new rating. */
async function phoneCitizen(
  rec: LoadRecorder,
  address: string,
  unit: NationalUnit,
  log: PhoneLog,
  stopAt: number,
) {
  while (Date.now() < stopAt) {
    const id = randomUUID();
    log.sent.set(id, unit.id);
    const body = {
      id,
      sectorId: sectorIdOf(unit.id, Math.floor(Math.random() * unit.sectors)),
      level: 1 + Math.floor(Math.random() * RATING_SCALES[unit.scale].levels.length),
    };
    const res = await rec.call('POST phone rating', `/api/v1/phone/units/${unit.id}/ratings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: rec.baseUrl,
        'sec-fetch-site': 'same-origin',
        'x-forwarded-for': address,
      },
      body: JSON.stringify(body),
    });
    if (res && (res.status === 201 || res.status === 200)) log.acknowledged.add(id);
    else if (res && log.refused.length < 5)
      log.refused.push(`${res.status} ${res.body.slice(0, 120)}`);
    await pause(1000, 3000);
  }
}

/** The top frames of a CPU profile by self time, idle left out. */
async function topFrames(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return 'no profile written';
  const profile = JSON.parse(await readFile(join(dir, files.sort().at(-1)!), 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    const where = frame.url
      ? ` ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'}${where}`;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    busy += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([key, ms]) => `${key} ${Math.round((ms / busy) * 1000) / 10} %`)
    .join('; ');
}

/**
 * The server as server-process.ts starts it, with --cpu-prof (which NODE_OPTIONS does not take):
 * the profile is written when it exits on SIGTERM.
 */
async function startProfiledServer(env: Record<string, string>, dir: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [`--cpu-prof`, `--cpu-prof-dir=${dir}`, '--import', 'tsx', 'apps/api/src/main.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const server: ServerProcess = { port, baseUrl: `http://127.0.0.1:${port}`, child, output };
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${server.baseUrl}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopServer(server);
  throw new Error(`the profiled server did not start:\n${output.join('')}`);
}

const merge = (figures: RouteFigures[][], route: string) =>
  figures.map((f) => f.find((r) => r.route === route)).filter((r) => r !== undefined);

export async function benchPeak(url: string, units: NationalUnit[]): Promise<BenchResult[]> {
  if (TABLETS <= 0 || SECONDS <= 0) return [];
  const desks = units.filter((u) => u.sectors > 0);
  const database = await openDatabase(url);
  const enrolled: { unit: NationalUnit; deviceId: string; token: string }[] = [];
  try {
    const devices = createDevicesService(database.repos, Date.now);
    for (let i = 0; i < TABLETS; i++) {
      const unit = desks[i % desks.length]!;
      const { code } = await devices.createEnrollment(null, {
        unitId: unit.id,
        label: `Cao điểm ${i}`,
      });
      const { deviceId, token } = await devices.enroll(code, 'bench');
      enrolled.push({ unit, deviceId, token });
    }
  } finally {
    await database.close();
  }
  const rawRate = await rawInsertRate(url);

  const profiles = await mkdtemp(join(tmpdir(), 'hailong-peak-prof-'));
  const env = {
    DATABASE_URL: url,
    HAILONG_ADMIN_PASSWORD: 'cao-diem-quan-tri-2026',
    TRUST_PROXY: '1',
  };
  const servers = [
    await startProfiledServer(env, profiles),
    await startServer(await freePort(), env),
  ];
  try {
    const recs = servers.map((s) => new LoadRecorder(s.baseUrl));
    const codes: string[] = [];
    const tablets = enrolled.map(
      (t, i) =>
        new LoadTablet(
          recs[i % 2]!,
          t.deviceId,
          t.token,
          Array.from({ length: t.unit.sectors }, (_, s) => sectorIdOf(t.unit.id, s)),
          RATING_SCALES[t.unit.scale].levels.length,
          codes,
        ),
    );
    const phones: PhoneLog = { sent: new Map(), acknowledged: new Set(), refused: [] };
    console.log(`peak: ${TABLETS} tablets, ${PHONES} phones, 2 API processes, ${SECONDS} s`);
    const started = Date.now();
    const stopAt = started + SECONDS * 1000;
    await Promise.all([
      ...tablets.map((t) => t.run(stopAt)),
      ...Array.from({ length: PHONES }, (_, i) =>
        phoneCitizen(
          recs[i % 2]!,
          `10.30.${Math.floor(i / 250)}.${(i % 250) + 1}`,
          desks[(i * 7) % desks.length]!,
          phones,
          stopAt,
        ),
      ),
    ]);
    const seconds = (Date.now() - started) / 1000;
    const left = (await Promise.all(tablets.map((t) => t.drain(60_000)))).reduce(
      (a, b) => a + b,
      0,
    );
    for (const s of servers) await stopServer(s);
    const frames = await topFrames(profiles);

    const ledger = await countAgainstLogs(
      url,
      tablets.map((t) => t.log),
    );
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stored = await client.query<{ id: string; n: string }>(
      `SELECT id, count(*) AS n FROM ratings WHERE channel = 'phone' GROUP BY id`,
    );
    await client.end();
    const phoneRows = new Map(stored.rows.map((r) => [r.id, Number(r.n)]));
    const phoneLost = [...phones.acknowledged].filter((id) => !phoneRows.has(id)).length;
    const phoneDuplicated =
      [...phoneRows].filter(([id]) => !phones.sent.has(id)).length +
      [...phoneRows.values()].reduce((sum, n) => sum + n - 1, 0);

    const figures = recs.map((r) => r.figures());
    const sync = merge(figures, 'POST /api/v1/sync');
    const phone = merge(figures, 'POST phone rating');
    const records = ledger.acknowledged + phones.acknowledged.size;
    const errors = figures.flat().reduce((sum, f) => sum + f.serverErrors + f.networkErrors, 0);
    const firstErrors = recs.flatMap((r) => r.firstServerErrors).slice(0, 3);
    return [
      {
        name: 'morning peak: records stored per second, sustained',
        value: Math.round(records / seconds),
        unit: 'records/s',
        note: `${TABLETS} tablets + ${PHONES} phones, 2 API processes, ${Math.round(seconds)} s: ${ledger.acknowledged} tablet records, ${phones.acknowledged.size} phone ratings acknowledged; ${left} left unsent after the drain`,
      },
      {
        name: 'morning peak: raw INSERT into a copy of ratings, same database',
        value: Math.round(rawRate),
        unit: 'rows/s',
        note: `${RAW_CONNECTIONS} connections, ${BATCH}-row INSERTs, ${RAW_SECONDS} s, before the peak`,
      },
      {
        name: 'morning peak: sync batch latency p99',
        value: Math.max(...sync.map((s) => s.p99)),
        unit: 'ms',
        note: `per process p50 ${sync.map((s) => s.p50).join(' / ')} ms, p99 ${sync.map((s) => s.p99).join(' / ')} ms, ${sync.reduce((a, s) => a + s.count, 0)} batches; phone rating p99 ${phone.map((s) => s.p99).join(' / ')} ms`,
      },
      {
        name: 'morning peak: records lost',
        value: ledger.lost + phoneLost,
        unit: 'records',
        target: '0',
      },
      {
        name: 'morning peak: records duplicated',
        value: ledger.duplicated + phoneDuplicated,
        unit: 'records',
        target: '0',
      },
      {
        name: 'morning peak: refused or errors (5xx, network)',
        value: ledger.refused + errors,
        unit: 'answers',
        target: '0',
        note: [...ledger.reasons, ...phones.refused, ...firstErrors].join(' | ').slice(0, 600),
      },
      {
        name: 'morning peak: API process 1 CPU profile, top frames by self time',
        value: 0,
        unit: '',
        note: frames,
      },
    ];
  } finally {
    for (const s of servers) await stopServer(s);
    await rm(profiles, { recursive: true, force: true });
  }
}
