/**
 * The phản ánh, kiến nghị register (Nghị định 20/2008/NĐ-CP): workflow columns on feedback_items,
 * the history of every step (feedback_events), the holiday calendar pre-filled for 2025–2027, and
 * the register's settings. New columns have defaults or are nullable so that sync can keep
 * inserting rows as it does; `onFeedbackReceived` fills status, deadlines and search text in the
 * same transaction.
 */
import { sql, type Kysely } from 'kysely';
import { addWorkingDays, feedbackSearchText, vnDateOf, workCalendar } from '@hailong/domain';
import { seedHolidays } from './003-holidays-seed.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const columns: [string, string, (c: any) => any][] = [
    ['status', 'text', (c) => c.notNull().defaultTo('received')],
    /** within_authority | official_conduct | forwarded | not_admissible */
    ['classification', 'text', (c) => c],
    /** The competent body an item outside our authority was forwarded to. */
    ['forwarded_to', 'text', (c) => c],
    ['assignee_id', 'text', (c) => c.references('users.id')],
    /** Calendar date of receipt in Asia/Ho_Chi_Minh; deadlines count from the day after. */
    ['received_date', 'text', (c) => c],
    /** The answer deadline in working days in force when the item was received. */
    ['answer_days', 'integer', (c) => c],
    ['classify_due', 'text', (c) => c],
    ['answer_due', 'text', (c) => c],
    /** The deadline that binds now (classify or answer); null once answered or closed. */
    ['due_date', 'text', (c) => c],
    ['classified_at', 'bigint', (c) => c],
    ['answered_at', 'bigint', (c) => c],
    ['published_at', 'bigint', (c) => c],
    ['closed_at', 'bigint', (c) => c],
    ['answer_text', 'text', (c) => c],
    /** page | phone | letter | email */
    ['answer_channel', 'text', (c) => c],
    ['answer_published', 'integer', (c) => c.notNull().defaultTo(0)],
    ['answered_by', 'text', (c) => c.references('users.id')],
    /** done | duplicate | not_admissible | forwarded */
    ['close_reason', 'text', (c) => c],
    ['close_note', 'text', (c) => c],
    ['duplicate_of', 'text', (c) => c.references('feedback_items.id')],
    /** feedbackSearchText(code, content): search without diacritics on both dialects with LIKE. */
    ['search_text', 'text', (c) => c.notNull().defaultTo('')],
    ['contact_erased_at', 'bigint', (c) => c],
    ['updated_at', 'bigint', (c) => c],
  ];
  // One ALTER per column: SQLite adds only one column per statement.
  for (const [name, type, build] of columns) {
    await db.schema
      .alterTable('feedback_items')
      .addColumn(name, type as any, build)
      .execute();
  }
  await db.schema
    .createIndex('feedback_items_unit_status')
    .on('feedback_items')
    .columns(['unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('feedback_items_unit_received')
    .on('feedback_items')
    .columns(['unit_id', 'received_at'])
    .execute();
  await db.schema
    .createIndex('feedback_items_due_date')
    .on('feedback_items')
    .column('due_date')
    .execute();

  await db.schema
    .createTable('feedback_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_items.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    /** JSON text, the same bytes on both dialects. Never holds contact data. */
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('feedback_events_feedback_at')
    .on('feedback_events')
    .columns(['feedback_id', 'at'])
    .execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** off | makeup */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('feedback_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  const now = Date.now();
  const holidays = seedHolidays();
  await db
    .insertInto('holidays')
    .values(holidays.map((h) => ({ ...h, updated_at: now, updated_by: null })))
    .execute();
  await db
    .insertInto('feedback_settings')
    .values([
      { key: 'answer_days', value: '10', updated_at: now, updated_by: null },
      { key: 'retention_months', value: '12', updated_at: now, updated_by: null },
    ])
    .execute();

  await backfill(db, workCalendar(holidays));
}

/** Items stored before this migration get what `onFeedbackReceived` gives new ones. */
async function backfill(db: Kysely<any>, calendar: ReturnType<typeof workCalendar>) {
  const rows = await db
    .selectFrom('feedback_items')
    .select(['id', 'tracking_code', 'content', 'received_at'])
    .execute();
  for (const row of rows) {
    const receivedDate = vnDateOf(Number(row.received_at));
    const classifyDue = addWorkingDays(receivedDate, 5, calendar);
    await db
      .updateTable('feedback_items')
      .set({
        received_date: receivedDate,
        answer_days: 10,
        classify_due: classifyDue,
        answer_due: addWorkingDays(receivedDate, 10, calendar),
        due_date: classifyDue,
        search_text: feedbackSearchText(row.tracking_code, row.content),
        updated_at: sql`received_at`,
      })
      .where('id', '=', row.id)
      .execute();
  }
}
