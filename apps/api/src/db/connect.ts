/**
 * Opens the database named by a URL: `postgres://…` / `postgresql://…` for PostgreSQL, `file:PATH`
 * for a SQLite file. Both are set up for durability first, because a kiosk deletes a record from its
 * outbox as soon as the server acknowledges it: a commit must survive a power cut.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Dialect as KyselyDialect,
} from 'kysely';
import pg from 'pg';
import { createRepositories } from '../repositories/index.ts';
import type { Dialect, Repositories } from '../repositories/types.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export interface DatabaseHandle {
  dialect: Dialect;
  db: Kysely<Database>;
  repos: Repositories;
  /**
   * Applies every pending migration (a no-op when the schema is current), then runs `prepare`
   * (the first admin, the demo) still holding the start lock: of processes starting together on
   * one database, one migrates and prepares while the others wait, then find both done.
   */
  migrate(prepare?: () => Promise<void>): Promise<void>;
  /** Migrations this build has that the database has not applied, in order. */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

/** A SQLite file under the working directory; the default for a single-machine install. */
export const defaultDatabaseUrl = 'file:data/hailong.db';

export async function openDatabase(url: string): Promise<DatabaseHandle> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const handle = open('postgres', postgresDialect(url), postgresStartLock);
    // Fail at startup, not on the first request, when the server is unreachable or refuses us.
    await sql`select 1`.execute(handle.db).catch(async (err: unknown) => {
      await handle.close();
      throw new Error(`cannot connect to PostgreSQL at ${redact(url)}`, { cause: err });
    });
    return handle;
  }
  if (url.startsWith('file:')) {
    const path = sqlitePath(url);
    return open('sqlite', sqliteDialect(path), (_db, work) => sqliteStartLock(path, work));
  }
  throw new Error(
    `unsupported database URL "${redact(url)}": use postgres://…, postgresql://… or file:PATH`,
  );
}

/**
 * Runs `work` while no other process starting on the same database runs its own: migrations,
 * then the first admin and the demo, which check "is there none yet?" and then write, and would
 * both write (or one crash on a unique key) if two processes checked at once.
 */
type StartLock = (db: Kysely<Database>, work: () => Promise<void>) => Promise<void>;

function open(dialect: Dialect, driver: KyselyDialect, startLock: StartLock): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: driver, plugins: [new CamelCasePlugin()] });
  const migrator = () => new Migrator({ db, provider: migrationProvider });
  return {
    dialect,
    db,
    repos: createRepositories(db, dialect),
    migrate: (prepare) =>
      startLock(db, async () => {
        const { error, results } = await migrator().migrateToLatest();
        if (error) {
          const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
          throw new Error(`migration ${failed} failed`, { cause: error });
        }
        await prepare?.();
      }),
    async pendingMigrations() {
      const known = await migrator().getMigrations();
      return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
    },
    close: () => db.destroy(),
  };
}

/**
 * A read-only PostgreSQL standby for the reports (db/replica.ts): no start-up check and no
 * migrations (the schema arrives by replication), and bounded waits, so that a standby that is
 * away makes the reports fall back to the primary instead of hanging them.
 */
export function openReplica(url: string): {
  db: Kysely<Database>;
  repos: Repositories;
  close(): Promise<void>;
} {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`unsupported replica URL "${redact(url)}": use postgres://… or postgresql://…`);
  }
  const db = new Kysely<Database>({
    dialect: postgresDialect(
      url,
      { connectionTimeoutMillis: 5_000, query_timeout: 30_000 },
      // A standby going away is expected (the reports fall back): one line, not a dump.
      (err) => console.error(`postgres replica: ${err.message}`),
    ),
    plugins: [new CamelCasePlugin()],
  });
  return { db, repos: createRepositories(db, 'postgres'), close: () => db.destroy() };
}

function postgresDialect(
  url: string,
  limits: pg.PoolConfig = {},
  onIdleError = (err: Error) => console.error('postgres pool: idle client error', err),
): KyselyDialect {
  const types = new pg.TypeOverrides();
  // bigint holds epoch milliseconds and counts, far below 2^53, so a JS number is exact.
  types.setTypeParser(pg.types.builtins.INT8, Number);
  const pool = new pg.Pool({
    connectionString: url,
    types,
    // Set per connection so that a server or role default of `off` cannot weaken an acknowledgement.
    options: '-c synchronous_commit=on',
    ...limits,
  });
  // An idle client losing its server emits on the pool; unhandled, that would crash the process.
  pool.on('error', onIdleError);
  return new PostgresDialect({ pool });
}

export function sqlitePath(url: string): string {
  const rest = url.slice('file:'.length);
  const path = rest.startsWith('//') ? fileURLToPath(url) : rest;
  if (path === '') throw new Error('empty SQLite path in database URL: use file:PATH');
  return resolve(path);
}

function sqliteDialect(path: string): KyselyDialect {
  mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma('busy_timeout = 5000');
  const mode = database.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    database.close();
    throw new Error(`SQLite at ${path} refused WAL mode (got ${String(mode)})`);
  }
  // NORMAL can lose the last commits on power loss in WAL mode; see reliability.md.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  return new SqliteDialect({ database });
}

/** The advisory lock's key: any constant, the same in every hailong process ("hail" in ASCII). */
const START_LOCK_KEY = 0x6861696c;

/**
 * PostgreSQL: a session advisory lock on one connection held for the whole start. The server
 * drops it when the session ends, so a process that dies mid-start never leaves it taken.
 */
const postgresStartLock: StartLock = (db, work) =>
  db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${START_LOCK_KEY})`.execute(connection);
    try {
      await work();
    } finally {
      await sql`select pg_advisory_unlock(${START_LOCK_KEY})`.execute(connection);
    }
  });

/**
 * SQLite: processes starting together on one file take turns: each holds an exclusive
 * transaction on a small lock file beside the database while it starts, and the others wait on it
 * (not on the database, whose own lock the starting process needs). The operating system drops
 * the lock of a process that dies, so a crash mid-start never leaves it taken.
 */
async function sqliteStartLock(path: string, work: () => Promise<void>): Promise<void> {
  const lock = new SqliteDatabase(`${path}.migrate-lock`);
  try {
    // Long enough for another process to seed the demo on a slow machine.
    lock.pragma('busy_timeout = 600000');
    lock.exec('BEGIN EXCLUSIVE');
    try {
      await work();
    } finally {
      lock.exec('COMMIT');
    }
  } finally {
    lock.close();
  }
}

/** Hides a password in a URL before it reaches an error message or a log. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
