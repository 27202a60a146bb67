/**
 * Fresh databases for tests, one per call, on both dialects: a real SQLite file (never `:memory:`,
 * which has no WAL and no fsync) and a new database on the test PostgreSQL cluster.
 *
 * Usage: `handle = await freshDatabase(dialect)` in `beforeEach`, `await handle.close()` in
 * `afterEach`. The returned handle is already migrated; its `close()` also drops the PostgreSQL
 * database or removes the SQLite directory, and is safe to call twice.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../apps/api/src/db/connect.ts';

export const dialects = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof dialects)[number];

/** A brand-new, migrated database; `close()` disposes of it entirely. */
export async function freshDatabase(dialect: TestDialect): Promise<DatabaseHandle> {
  return dialect === 'sqlite' ? freshSqlite() : freshPostgres();
}

async function freshSqlite(): Promise<DatabaseHandle> {
  const dir = await mkdtemp(join(tmpdir(), 'hailong-sqlite-'));
  return prepare(await openDatabase(`file:${join(dir, 'test.db')}`), () =>
    rm(dir, { recursive: true, force: true }),
  );
}

async function freshPostgres(): Promise<DatabaseHandle> {
  const adminUrl = inject('pgUrl');
  const name = `hl_${randomBytes(8).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return prepare(await openDatabase(url.toString()), () =>
    admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}

async function prepare(handle: DatabaseHandle, dispose: () => Promise<void>) {
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= handle.close().finally(dispose));
  try {
    await handle.migrate();
  } catch (err) {
    await close();
    throw err;
  }
  return { ...handle, close };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A brand-new, empty database for a server process to open by URL (it migrates it itself), and a
 * function that removes it once that process has stopped.
 */
export async function freshDatabaseUrl(
  dialect: TestDialect,
): Promise<{ url: string; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'hailong-sqlite-'));
    return {
      url: `file:${join(dir, 'server.db')}`,
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('pgUrl');
  const name = `hl_${randomBytes(8).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
