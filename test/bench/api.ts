import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createApp } from '../../apps/api/src/app.ts';
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../../apps/api/src/demo/seed.service.ts';
import { hashPassword } from '../../apps/api/src/auth/passwords.ts';
import type { BenchResult } from './run.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeEach(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Password hashing cost (bounds logins per second) and the catalogue route over a real SQLite file. */
export async function benchApi(): Promise<BenchResult[]> {
  const hashes = await timeEach(10, () => hashPassword('benchmark password'));
  const dir = await mkdtemp(join(tmpdir(), 'hailong-bench-'));
  const database = await openDatabase(`file:${join(dir, 'bench.db')}`);
  try {
    await database.migrate();
    await seedDemoCatalogue(database.repos, Date.now);
    await ensureFirstAdmin(database.repos, Date.now, 'bench-admin-password');
    const app = createApp({
      repos: database.repos,
      dialect: database.dialect,
      clock: Date.now,
      ping: async () => void (await sql`select 1`.execute(database.db)),
      pendingMigrations: database.pendingMigrations,
    });
    const origin = 'http://bench.local';
    const login = await app.request(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'bench-admin-password' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const units = await timeEach(500, async () => {
      const res = await app.request(`${origin}/api/v1/units`, { headers: { cookie } });
      await res.arrayBuffer();
    });
    return [
      {
        name: 'scrypt password hash (N=2^17, r=8), p50',
        value: round(percentile(hashes, 50)),
        unit: 'ms',
      },
      {
        name: 'GET /api/v1/units in-process SQLite, p50',
        value: round(percentile(units, 50)),
        unit: 'ms',
      },
      {
        name: 'GET /api/v1/units in-process SQLite, p95',
        value: round(percentile(units, 95)),
        unit: 'ms',
      },
    ];
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
