/**
 * The catalogue's version (issues 22 and 26): reports keep the tree, the sectors, their names and
 * targets in memory and check one row per request instead of reading a national catalogue (54 000
 * sectors) each time. Database triggers change the row in the same transaction as every write to
 * what that memory holds — whoever writes, whichever API process, raw SQL and imports included —
 * so a process never serves a tree another one changed. The token is random, not a counter, so a
 * restored or recreated database never repeats a version a process already holds.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

/** What the reports' catalogue memory is built from (reports/catalogue-snapshot.ts). */
export const VERSIONED_TABLES = [
  'units',
  'sectors',
  'catalogue_history',
  'targets',
  'default_targets',
  'overall_targets',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await sql`create table catalogue_version (
    id integer primary key check (id = 1),
    token text not null
  )`.execute(db);
  if (sqlite) {
    const bump = sql.raw(`update catalogue_version set token = lower(hex(randomblob(16)));`);
    await sql`insert into catalogue_version (id, token) values (1, lower(hex(randomblob(16))))`.execute(
      db,
    );
    for (const table of VERSIONED_TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql`create trigger ${sql.ref(`catalogue_version_${table}_${event}`)}
          after ${sql.raw(event)} on ${sql.table(table)} begin ${bump} end`.execute(db);
      }
    }
    return;
  }
  await sql`insert into catalogue_version (id, token) values (1, md5(random()::text || clock_timestamp()::text))`.execute(
    db,
  );
  await sql`create function bump_catalogue_version() returns trigger language plpgsql as $$
    begin
      update catalogue_version set token = md5(random()::text || clock_timestamp()::text);
      return null;
    end $$`.execute(db);
  for (const table of VERSIONED_TABLES) {
    // Once per statement: an import of thousands of sectors bumps it once. TRUNCATE (a restore)
    // fires no row trigger, so it is named too.
    await sql`create trigger ${sql.ref(`catalogue_version_${table}`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_catalogue_version()`.execute(db);
  }
}
