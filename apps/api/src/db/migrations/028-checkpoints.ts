/**
 * Signed monthly checkpoints (issue 25 item 2). `signing_keys` holds the server's Ed25519 key, one
 * per purpose (made on first use; every process of the deployment signs with the same key).
 * `checkpoints` are never updated: a correction is a new row with the next version naming the one
 * it follows, and the unique (scope, unit, month, version) makes a checkpoint once even when two
 * runners race. `checkpoint_rows` are the published dataset exactly as signed, in leaf order.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signing_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('counts_by_level', 'text', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('satisfied', 'integer', (c) => c.notNull())
    .addColumn('signed_at', 'bigint', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull().references('signing_keys.id'))
    .addColumn('previous_checkpoint_id', 'text', (c) => c.references('checkpoints.id'))
    .addColumn('reason', 'text')
    .addUniqueConstraint('checkpoints_version_unique', ['scope', 'unit_id', 'month', 'version'])
    .execute();
  await db.schema.createIndex('checkpoints_month').on('checkpoints').column('month').execute();
  await db.schema
    .createTable('checkpoint_rows')
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('excluded_why', 'text')
    .addPrimaryKeyConstraint('checkpoint_rows_pk', ['checkpoint_id', 'position'])
    .execute();
  await db.schema
    .createIndex('checkpoint_rows_hash')
    .on('checkpoint_rows')
    .columns(['checkpoint_id', 'record_hash'])
    .execute();
}
