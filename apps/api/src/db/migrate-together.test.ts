/**
 * Several API processes started together on one database (every replica restarted at once)
 * migrate it once and all start. PostgreSQL: Kysely's migrator locks a row, so the others wait and
 * find nothing left to do (separate connection pools stand for the processes). SQLite: real
 * processes, since one process's connections share a thread; the loser of the write lock retries.
 * Then the real server, four at once on an empty database with the demo and the first admin's
 * password: every one stays up, and the admin and the demo exist once, as after a single start.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../test/support/databases.ts';
import {
  freePort,
  startServer,
  stopServer,
  type ServerProcess,
} from '../../../../test/support/server-process.ts';
import { openDatabase, type DatabaseHandle } from './connect.ts';
import { migrations } from './migrations/index.ts';

const CONNECT = join(import.meta.dirname, 'connect.ts');

async function expectMigratedOnce(handle: DatabaseHandle) {
  expect(await handle.pendingMigrations()).toEqual([]);
  const applied = await sql<{
    name: string;
  }>`select name from kysely_migration order by name`.execute(handle.db);
  expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
  expect(await handle.repos.catalogue.listUnits()).toEqual([]);
}

describe('migrating at start, several processes at the same moment', () => {
  it('on postgres: each migration runs once and every process starts', async () => {
    const database = await freshDatabaseUrl('postgres');
    const handles = await Promise.all([1, 2, 3, 4].map(() => openDatabase(database.url)));
    try {
      const outcomes = await Promise.allSettled(handles.map((h) => h.migrate()));
      expect(outcomes.map((o) => o.status)).toEqual(Array(4).fill('fulfilled'));
      for (const handle of handles) await expectMigratedOnce(handle);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await database.dispose();
    }
  });

  it('on sqlite: three processes on one file all start, and each migration ran once', async () => {
    const database = await freshDatabaseUrl('sqlite');
    const script = `const { openDatabase } = await import(${JSON.stringify(CONNECT)});
      const handle = await openDatabase(${JSON.stringify(database.url)});
      await handle.migrate();
      await handle.close();`;
    try {
      const runs = await Promise.allSettled(
        [1, 2, 3].map(() =>
          promisify(execFile)(process.execPath, [
            '--import',
            'tsx',
            '--input-type=module',
            '-e',
            script,
          ]),
        ),
      );
      expect(runs.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual([
        'ok',
        'ok',
        'ok',
      ]);
      const handle = await openDatabase(database.url);
      try {
        await expectMigratedOnce(handle);
      } finally {
        await handle.close();
      }
    } finally {
      await database.dispose();
    }
  });
});

/** Where the first start writes: the admin, the demo catalogue and its months of records. */
const SEEDED_TABLES = [
  'users',
  'units',
  'sectors',
  'counters',
  'targets',
  'defaultTargets',
  'catalogueHistory',
  'devices',
  'records',
  'ratings',
  'feedbackItems',
  'feedbackEvents',
  'dossiers',
  'dossierRatings',
  'counterDuty',
  'nodeRollups',
  'unitSurveySettings',
] as const;

async function rowCounts(url: string): Promise<Record<string, number>> {
  const handle = await openDatabase(url);
  try {
    const counts: Record<string, number> = {};
    for (const table of SEEDED_TABLES) {
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    const admins = await handle.db
      .selectFrom('users')
      .select(['username'])
      .where('role', '=', 'admin')
      .execute();
    counts.admins = admins.length;
    return counts;
  } finally {
    await handle.close();
  }
}

const PASSWORD = 'khoi-dong-cung-luc-2026';
const TOGETHER = 4;

describe.each(dialects)('real servers started together on one empty %s database', (dialect) => {
  it(`${TOGETHER} processes all stay up; the admin and the demo are made once`, async () => {
    const shared = await freshDatabaseUrl(dialect);
    const alone = await freshDatabaseUrl(dialect);
    const env = (url: string) => ({
      DATABASE_URL: url,
      HAILONG_DEMO: '1',
      HAILONG_ADMIN_PASSWORD: PASSWORD,
    });
    const ports = await Promise.all(Array.from({ length: TOGETHER + 1 }, () => freePort()));
    const servers: ServerProcess[] = [];
    try {
      // The reference start on its own database at the same moment: the demo is dated from now.
      const starts = await Promise.allSettled(
        ports.map((port, i) =>
          startServer(port, env(i === 0 ? alone.url : shared.url), { timeoutMs: 280_000 }),
        ),
      );
      for (const start of starts) if (start.status === 'fulfilled') servers.push(start.value);
      expect(
        starts.map((s) => (s.status === 'rejected' ? String(s.reason).slice(0, 2000) : 'up')),
      ).toEqual(Array(TOGETHER + 1).fill('up'));
      for (const server of servers) {
        expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
        expect(server.child.exitCode).toBeNull();
      }
      const [expected, together] = await Promise.all([rowCounts(alone.url), rowCounts(shared.url)]);
      expect(expected.admins).toBe(1);
      expect(expected.ratings).toBeGreaterThan(100);
      expect(together).toEqual(expected);
      // Each of them signs the one admin in.
      for (const server of servers.slice(1)) {
        const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { origin: server.baseUrl, 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: PASSWORD }),
        });
        expect(res.status).toBe(200);
      }
    } finally {
      await Promise.all(servers.map((server) => stopServer(server)));
      await Promise.all([shared.dispose(), alone.dispose()]);
    }
  }, 600_000);
});
