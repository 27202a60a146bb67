/**
 * Devices and their enrollment codes; the record ledger (one row per client record id, whatever its
 * kind, so the id alone decides duplicates); ratings and feedback items; the received sequence
 * ranges per device (gap report); and the monthly rollups kept in the same transaction as ratings.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enrollments')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('device_id', 'text')
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('last_seen_at', 'bigint')
    .addColumn('last_sync_at', 'bigint')
    .addColumn('highest_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('received_count', 'bigint', (c) => c.notNull().defaultTo(0))
    /** Device time of the latest rating received, for the server's repeat-press check. */
    .addColumn('last_rating_at', 'bigint')
    .addUniqueConstraint('devices_token_hash_unique', ['token_hash'])
    .execute();

  await db.schema
    .createTable('device_seq_ranges')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('from_seq', 'bigint', (c) => c.notNull())
    .addColumn('to_seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_seq_ranges_pkey', ['device_id', 'from_seq'])
    .execute();

  await db.schema
    .createTable('records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('records_device_seq')
    .on('records')
    .columns(['device_id', 'seq'])
    .execute();

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('sector_id', 'text', (c) => c.notNull().references('sectors.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    /** Low-rating reasons, comma-separated codes. */
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('device_time', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    /** Calendar month (Asia/Ho_Chi_Minh) it is counted in: of device time, or receipt if the clock is off. */
    .addColumn('month', 'text', (c) => c.notNull())
    /** counted | repeat | bad_clock */
    .addColumn('category', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ratings_unit_month')
    .on('ratings')
    .columns(['unit_id', 'month'])
    .execute();

  await db.schema
    .createTable('feedback_items')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('device_id', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('sector_id', 'text', (c) => c.references('sectors.id'))
    /** phan_anh | kien_nghi */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tracking_code', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('consent_version', 'text')
    .addColumn('consent_at', 'bigint')
    .addColumn('device_time', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('clock_suspect', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Not unique: codes are made offline from 40 random bits, and a record is never refused for a clash.
  await db.schema
    .createIndex('feedback_items_tracking_code')
    .on('feedback_items')
    .column('tracking_code')
    .execute();

  await db.schema
    .createTable('rating_rollups')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('sector_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rating_rollups_pkey', [
      'unit_id',
      'month',
      'sector_id',
      'level',
      'category',
    ])
    .execute();

  await db.schema
    .createTable('rating_reason_rollups')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('sector_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rating_reason_rollups_pkey', [
      'unit_id',
      'month',
      'sector_id',
      'reason',
    ])
    .execute();
}
