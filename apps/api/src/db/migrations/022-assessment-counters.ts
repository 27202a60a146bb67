/**
 * The TT 01/2018 assessment's counters (issue 22 item 5), kept by the transaction that stores or
 * changes ratings (reports/counters.ts → assessment/assessment-counters.ts), so that the
 * assessment reads counters, never raw ratings:
 * - officer_rollups: ratings naming an officer per unit × month × officer × level × category, for
 *   an officer's rate (a unit's and a sector's come from the tree's own counters);
 * - answer_rollups: the extra answers (visits, agencies, attitude) per unit × month × sector ×
 *   officer ('' for none) × category × question × answer, for indicators 3, 4 and 7;
 * - rated_dossiers: ratings naming each dossier code, per unit, for indicator 1's rated dossiers.
 * Each starts as a recount of the ratings already stored, so an upgraded database reads the figures
 * it read before. The partial indexes the assessment scanned ratings by are dropped: nothing reads
 * ratings by officer or by answer any more, and every stored rating paid for them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('officer_rollups')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('officer_rollups_pkey', [
      'unit_id',
      'month',
      'officer_id',
      'level',
      'category',
    ])
    .execute();
  await db.schema
    .createTable('answer_rollups')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('sector_id', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_rollups_pkey', [
      'unit_id',
      'month',
      'sector_id',
      'officer_id',
      'category',
      'question',
      'answer',
    ])
    .execute();
  await db.schema
    .createTable('rated_dossiers')
    .addColumn('dossier_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rated_dossiers_pkey', ['dossier_code', 'unit_id'])
    .execute();

  await sql`insert into officer_rollups (unit_id, month, officer_id, level, category, count)
    select unit_id, month, officer_id, level, category, count(*)
    from ratings
    where officer_id is not null
    group by unit_id, month, officer_id, level, category`.execute(db);
  for (const [question, answer] of [
    ['visits', sql`cast(visits as text)`],
    ['agencies', sql`cast(agencies as text)`],
    ['attitude', sql`attitude`],
  ] as const) {
    await sql`insert into answer_rollups
        (unit_id, month, sector_id, officer_id, category, question, answer, count)
      select unit_id, month, sector_id, coalesce(officer_id, ''), category, ${sql.lit(question)}, ${answer},
        count(*)
      from ratings
      where ${sql.ref(question)} is not null
      group by unit_id, month, sector_id, coalesce(officer_id, ''), category, ${answer}`.execute(
      db,
    );
  }
  await sql`insert into rated_dossiers (dossier_code, unit_id, count)
    select dossier_code, unit_id, count(*)
    from ratings
    where dossier_code is not null
    group by dossier_code, unit_id`.execute(db);

  await sql`drop index if exists ratings_answered`.execute(db);
  await sql`drop index if exists ratings_officer_month`.execute(db);
}
