/**
 * One ingest for every source (issue 22 items 1 and 9).
 *
 * - records.source (tablet | phone | staff) and records.source_key (the unit, for phone and staff):
 *   what a record came through. Phone and staff records have no device and no sequence number
 *   (`device_id`, `seq` null); their key is their submission or entry id, unique like any record's.
 * - ratings.device_id: null for phone and staff ratings (`ratings.channel` says which).
 * - The per-unit phone and staff "devices" of migration 011 (a fake token, enrolled at 0, numbered
 *   by the server) are gone: their records, ratings and items move to the form above, their
 *   sequence ranges and refusals are deleted (a phone or staff refusal is an HTTP answer now), and
 *   so is `devices.channel`: every device is a tablet.
 * - devices.reported_seq: the highest sequence number a tablet said it gave (`highestSeq` of a sync),
 *   so numbers the server lacks stay in the gap report after a restore, even once the tablet has
 *   deleted them.
 * - record_refusals.reason: why the unit's policy refused a tablet's record, in Vietnamese.
 * - Items stored without their deadlines (read paths used to initialise them) get them once, here,
 *   as the intake gives them: nothing reads an item it must initialise any more.
 *
 * SQLite cannot drop a NOT NULL in place: `records` and `ratings` are rebuilt by the documented
 * procedure (https://www.sqlite.org/lang_altertable.html, "making other kinds of table schema
 * changes"), keeping every column and index as it stands; migrations on SQLite run outside a
 * transaction, so the foreign-key pragma takes effect.
 */
import { randomBytes } from 'node:crypto';
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import {
  currentDueDate,
  feedbackDeadlines,
  feedbackSearchText,
  vnDateOf,
  workCalendar,
  type FeedbackClassification,
  type FeedbackStatus,
  type HolidayKind,
} from '@hailong/domain';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) {
    await dropNotNullOnSqlite(db, 'records', ['device_id', 'seq']);
    await dropNotNullOnSqlite(db, 'ratings', ['device_id']);
  } else {
    await sql`alter table records alter column device_id drop not null`.execute(db);
    await sql`alter table records alter column seq drop not null`.execute(db);
    await sql`alter table ratings alter column device_id drop not null`.execute(db);
  }
  await db.schema
    .alterTable('records')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('tablet'))
    .execute();
  await db.schema.alterTable('records').addColumn('source_key', 'text').execute();
  await db.schema
    .alterTable('devices')
    .addColumn('reported_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('record_refusals').addColumn('reason', 'text').execute();

  const sources = sql`(select id from devices where channel <> 'tablet')`;
  await sql`update records set
      source = (select channel from devices where devices.id = records.device_id),
      source_key = (select unit_id from devices where devices.id = records.device_id),
      device_id = null,
      seq = null
    where device_id in ${sources}`.execute(db);
  for (const table of ['ratings', 'feedback_items']) {
    await sql`update ${sql.table(table)} set device_id = null where device_id in ${sources}`.execute(
      db,
    );
  }
  await sql`update record_refusals set other_device_id = null where other_device_id in ${sources}`.execute(
    db,
  );
  for (const table of ['record_refusals', 'device_seq_ranges']) {
    await sql`delete from ${sql.table(table)} where device_id in ${sources}`.execute(db);
  }
  await sql`delete from devices where channel <> 'tablet'`.execute(db);
  await db.schema.alterTable('devices').dropColumn('channel').execute();

  await initialiseFeedback(db);
}

/** Rebuilds `table` with `columns` nullable, everything else (columns, indexes) as it was. */
async function dropNotNullOnSqlite(
  db: Kysely<any>,
  table: string,
  columns: readonly string[],
): Promise<void> {
  const objects = await sql<{ type: string; sql: string | null }>`
    select type, sql from sqlite_master where tbl_name = ${table} and sql is not null`.execute(db);
  const table0 = objects.rows.find((o) => o.type === 'table')?.sql;
  if (!table0) throw new Error(`no table ${table}`);
  let create: string = table0;
  for (const column of columns) {
    const relaxed = create.replace(new RegExp(`("${column}" \\w+) not null`), '$1');
    if (relaxed === create) throw new Error(`${table}.${column} is not "not null" as expected`);
    create = relaxed;
  }
  const renamed = create.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${table}__019"`);
  if (renamed === create) throw new Error(`unexpected definition of ${table}`);
  const indexes = objects.rows.filter((o) => o.type === 'index').map((o) => o.sql!);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql.raw(renamed).execute(db);
    await sql.raw(`insert into "${table}__019" select * from "${table}"`).execute(db);
    await sql.raw(`drop table "${table}"`).execute(db);
    await sql.raw(`alter table "${table}__019" rename to "${table}"`).execute(db);
    for (const index of indexes) await sql.raw(index).execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0)
      throw new Error(`foreign key check failed after rebuilding ${table}`);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * What the intake gives a new item (feedback-intake.ts `onFeedbackReceived`), for items stored
 * without it: deadlines in working days from the day received, search text, the "received" event.
 */
async function initialiseFeedback(withPlugins: Kysely<any>): Promise<void> {
  // Column names as the tables spell them, in queries and in the rows read back.
  const db = withPlugins.withoutPlugins();
  const rows = await db
    .selectFrom('feedback_items')
    .select([
      'id',
      'device_id',
      'tracking_code',
      'content',
      'received_at',
      'clock_suspect',
      'status',
      'classification',
    ])
    .where('classify_due', 'is', null)
    .execute();
  if (rows.length === 0) return;
  const holidays = await db.selectFrom('holidays').select(['date', 'kind']).execute();
  const calendar = workCalendar(
    holidays.map((h) => ({ date: h.date, kind: h.kind as HolidayKind })),
  );
  const setting = await db
    .selectFrom('feedback_settings')
    .select('value')
    .where('key', '=', 'answer_days')
    .executeTakeFirst();
  const answerDays = Number.parseInt(setting?.value ?? '', 10) || 10;
  for (const row of rows) {
    const receivedAt = Number(row.received_at);
    const receivedDate = vnDateOf(receivedAt);
    const deadlines = feedbackDeadlines(receivedDate, answerDays, calendar);
    const state = {
      status: row.status as FeedbackStatus,
      classification: row.classification as FeedbackClassification | null,
    };
    await db
      .updateTable('feedback_items')
      .set({
        received_date: receivedDate,
        answer_days: answerDays,
        classify_due: deadlines.classifyDue,
        answer_due: deadlines.answerDue,
        due_date: currentDueDate(state, deadlines),
        search_text: feedbackSearchText(row.tracking_code, row.content),
        updated_at: receivedAt,
      })
      .where('id', '=', row.id)
      .execute();
    await db
      .insertInto('feedback_events')
      .values({
        id: `${receivedAt.toString(36).padStart(9, '0')}0000${randomBytes(6).toString('hex')}`,
        feedback_id: row.id,
        at: receivedAt,
        actor_id: null,
        action: 'received',
        from_status: null,
        to_status: 'received',
        note: null,
        details: JSON.stringify({
          deviceId: row.device_id,
          clockSuspect: Boolean(row.clock_suspect),
        }),
      })
      .execute();
  }
}
