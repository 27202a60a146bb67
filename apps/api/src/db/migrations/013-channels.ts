/**
 * Every channel in one register (issue 13). The public register of answers searches a folded copy
 * of each published answer (`answer_search`, written when the answer is published, filled here for
 * answers published before). The citizen's verdict on an answer is kept in `feedback_verdicts`, at
 * most one per answer (unique on the item and the answer's time), and the item carries the latest
 * one so the inbox can show "not accepted" items without a join. Photos and scans are kept with
 * their item in `feedback_attachments` (bytes in the database, so backups and restores carry them;
 * `erased_at` once retention removed the bytes). Staff-entered items carry their source and who
 * entered them.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { registerSearchText } from '@hailong/domain';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const columns: [string, string, (c: any) => any][] = [
    /** registerSearchText(code, answer) while the answer is published; null otherwise. */
    ['answer_search', 'text', (c) => c],
    /** accepted | not_accepted: the citizen's latest verdict on the answer. */
    ['verdict', 'text', (c) => c],
    ['verdict_at', 'bigint', (c) => c],
    ['verdict_reason', 'text', (c) => c],
    /** When staff took up a "not accepted" verdict (answered again or noted it). */
    ['verdict_handled_at', 'bigint', (c) => c],
    /** Staff entry: phone | letter | email | in_person | hotline | portal; null from a device. */
    ['source', 'text', (c) => c],
    ['entered_by', 'text', (c) => c.references('users.id')],
  ];
  for (const [name, type, build] of columns) {
    await db.schema
      .alterTable('feedback_items')
      .addColumn(name, type as any, build)
      .execute();
  }
  await db.schema
    .createIndex('feedback_items_published')
    .on('feedback_items')
    .column('published_at')
    .where(sql.ref('answer_published'), '=', 1)
    .execute();

  const published = await db
    .selectFrom('feedback_items')
    .select(['id', 'tracking_code', 'answer_text'])
    .where('answer_published', '=', 1)
    .execute();
  for (const row of published) {
    await db
      .updateTable('feedback_items')
      .set({ answer_search: registerSearchText(row.tracking_code, row.answer_text ?? '') })
      .where('id', '=', row.id)
      .execute();
  }

  await db.schema
    .createTable('feedback_verdicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_items.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    /** The answer judged, by its time: one verdict per answer. */
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addUniqueConstraint('feedback_verdicts_answer_unique', ['feedback_id', 'answered_at'])
    .execute();
  await db.schema
    .createIndex('feedback_verdicts_at_idx')
    .on('feedback_verdicts')
    .column('at')
    .execute();

  await db.schema
    .createTable('feedback_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback_items.id'))
    /** photo (from the citizen's phone) | scan (attached by staff) */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', sqlite ? 'blob' : 'bytea')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('erased_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('feedback_attachments_item_idx')
    .on('feedback_attachments')
    .column('feedback_id')
    .execute();
}
