/**
 * Pull tokens of the provincial reporting system (issue 24, item 3): the system calls
 * GET /api/v1/pull/indicators with one as a bearer token. Only the token's SHA-256 is kept (shown
 * once at creation); a token may be limited to a node's subtree (node_id) and is revoked, never
 * deleted, so the audit trail keeps naming it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pull_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('node_id', 'text', (c) => c.references('units.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'text')
    .execute();
}
