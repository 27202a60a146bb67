/**
 * Language packs and answer modes (issue 27):
 * - language_packs: a pack a province uploaded (JSON text as validated), its version and who
 *   stored it; vi and en are built in and never stored here, only their clips;
 * - language_clips: the recorded clips of any language, Vietnamese included, by file name;
 * - ratings.language / audio / large_text: how the citizen answered (null language: Vietnamese);
 * - answer_mode_rollups: ratings per unit × month × category × mode, kept by the transaction that
 *   stores or moves ratings (reports/counters.ts), so the report counts modes without scanning
 *   ratings. It starts as a recount: every rating stored before this carries no mode, so 'vi'.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('language_packs')
    .addColumn('language', 'text', (c) => c.primaryKey())
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('language_clips')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', sqlite ? 'blob' : 'bytea', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addPrimaryKeyConstraint('language_clips_pkey', ['language', 'file'])
    .execute();
  await db.schema.alterTable('ratings').addColumn('language', 'text').execute();
  await db.schema
    .alterTable('ratings')
    .addColumn('audio', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('ratings')
    .addColumn('large_text', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('answer_mode_rollups')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('audio', 'integer', (c) => c.notNull())
    .addColumn('large_text', 'integer', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_mode_rollups_pkey', [
      'unit_id',
      'month',
      'category',
      'language',
      'audio',
      'large_text',
    ])
    .execute();
  await sql`insert into answer_mode_rollups
      (unit_id, month, category, language, audio, large_text, count)
    select unit_id, month, category, 'vi', 0, 0, count(*) from ratings
    group by unit_id, month, category`.execute(db);
}
