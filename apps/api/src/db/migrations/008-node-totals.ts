/**
 * A node's answers whatever their sector: one counter per node × month × scale × level × category,
 * kept in the same sync transaction and by the same upsert as `node_rollups` (which it sums over
 * sector codes). The units beneath a province — and a league table of a hundred communes over a
 * year — are then read from a few rows per unit and month, not from one per sector code as well.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('node_totals')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('node_totals_pkey', ['node_id', 'month', 'scale', 'level', 'category'])
    .execute();
  await sql`insert into node_totals (node_id, month, scale, level, category, count)
    select node_id, month, scale, level, category, sum(count)
    from node_rollups
    group by node_id, month, scale, level, category`.execute(db);
}
