/**
 * Throttles as one counter row per key and window, so that an attempt is reserved by a single
 * conditional upsert before any expensive work: concurrent attempts serialise on the row, in one
 * process or many. It replaces `login_failures` (one row per failure, counted then written: a race
 * that let parallel guesses through); those rows only ever mattered for 15 minutes, so none are kept.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('throttle_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    /** When the key's current window began: its first attempt since the previous window ended. */
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    /** Attempts reserved in that window (less those given back by `release`). */
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('throttle_attempts_window_start_idx')
    .on('throttle_attempts')
    .column('window_start')
    .execute();
  await db.schema.dropTable('login_failures').execute();
}
