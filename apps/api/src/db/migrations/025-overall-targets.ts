/**
 * Chỉ tiêu tỷ lệ hài lòng chung (issue 23, item 2): an explicit overall target per node of the tree
 * and year, as the plans set it ("Tỷ lệ hài lòng chung: từ 91%"), beside the per-sector targets. A
 * node without one inherits the nearest ancestor's for that year; with none up the tree its
 * headline has no verdict. One row per node and year: two writers at once leave the last one's.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('overall_targets')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('target_bp', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('overall_targets_pkey', ['unit_id', 'year'])
    .execute();
}
