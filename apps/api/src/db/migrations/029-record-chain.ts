/**
 * The tablet's record chain (issue 25 item 1).
 * - devices.public_key / key_algorithm: the tablet's signing key (SPKI DER, base64url) as it
 *   registered it at enrollment; null for kiosks without a key, which stay "unsigned".
 * - records.prev_hash / signature / chain_hash: the chain fields as the tablet sent them and the
 *   record's own chain hash (null when unsigned); (device_id, prev_hash) is indexed for the fork
 *   check on arrival.
 * - chain_flags: what arrival found wrong — a break, a fork, a bad or a missing signature. The
 *   record is kept and counted all the same; unique (record_id, kind), so a resend flags once.
 * Only added columns and tables: an existing database keeps every row, on both dialects.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('public_key', 'text').execute();
  await db.schema.alterTable('devices').addColumn('key_algorithm', 'text').execute();
  for (const column of ['prev_hash', 'signature', 'chain_hash']) {
    await db.schema.alterTable('records').addColumn(column, 'text').execute();
  }
  await db.schema
    .createIndex('records_device_prev_hash')
    .on('records')
    .columns(['device_id', 'prev_hash'])
    .execute();
  await db.schema
    .createTable('chain_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('chain_flags_record_kind', ['record_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('chain_flags_device')
    .on('chain_flags')
    .columns(['device_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('chain_flags_unit_detected')
    .on('chain_flags')
    .columns(['unit_id', 'detected_at'])
    .execute();
}
