/**
 * Several API processes started together on one database (every replica restarted at once)
 * migrate it once and all start. PostgreSQL: Kysely's migrator locks a row, so the others wait and
 * find nothing left to do (separate connection pools stand for the processes). SQLite: real
 * processes, since one process's connections share a thread; the loser of the write lock retries.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../../../../test/support/databases.ts';
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
