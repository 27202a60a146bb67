/**
 * Record identity per device, and tracking codes that identify one item (issue 10, items 5, 9, 11).
 *
 * - records.canonical_id: the id in its one compared form (a lower-case UUID), unique. New rows
 *   store it as their id too. Rows stored before keep their id; only the rare ones not already in
 *   lower case get a canonical id, and only when no other row has the same one (such a legacy pair
 *   stays as it was: both were already stored). A row whose id is canonical and whose canonical_id
 *   is null is still found by its primary key, so the whole table is not rewritten.
 * - records.content_hash: SHA-256 of the record as validated, to tell an identical resend
 *   (duplicate) from one with other content (conflict). Null for rows stored before: a resend of
 *   those is taken for a duplicate, as it was.
 * - record_refusals: records refused because their id or tracking code was taken or a resend
 *   changed content, for staff to see and count per device; one row per device, record and content,
 *   so that a resend is not counted twice.
 * - feedback_items.lookup_code: the tracking code under which the public lookup finds the item,
 *   unique. Where earlier installs stored two items under one code, the first received keeps it and
 *   the others get none (staff still find them by code in the register).
 * - ratings (device_id, device_time): the neighbours a new rating's repeat flag is decided from.
 * - devices.last_rating_at: recomputed as the latest believable device time (it was overwritten
 *   by whichever batch came last).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('records').addColumn('canonical_id', 'text').execute();
  await db.schema.alterTable('records').addColumn('content_hash', 'text').execute();
  await sql`
    update records set canonical_id = lower(id)
    where id <> lower(id)
      and not exists (
        select 1 from records other
        where other.id <> records.id and lower(other.id) = lower(records.id)
      )`.execute(db);
  await db.schema
    .createIndex('records_canonical_id')
    .unique()
    .on('records')
    .column('canonical_id')
    .execute();

  await db.schema
    .createTable('record_refusals')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    /** The canonical id of the refused record. */
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    /** rating | feedback */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** id_taken | conflict | tracking_code_taken */
    .addColumn('code', 'text', (c) => c.notNull())
    /** id_taken: the device that stored the id first. */
    .addColumn('other_device_id', 'text')
    /** tracking_code_taken: the code already in use. */
    .addColumn('tracking_code', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_refusals_pkey', ['device_id', 'record_id', 'content_hash'])
    .execute();

  await db.schema.alterTable('feedback_items').addColumn('lookup_code', 'text').execute();
  await sql`
    update feedback_items set lookup_code = tracking_code
    where not exists (
      select 1 from feedback_items first
      where first.tracking_code = feedback_items.tracking_code
        and (first.received_at < feedback_items.received_at
          or (first.received_at = feedback_items.received_at and first.id < feedback_items.id))
    )`.execute(db);
  await db.schema
    .createIndex('feedback_items_lookup_code')
    .unique()
    .on('feedback_items')
    .column('lookup_code')
    .execute();

  await db.schema
    .createIndex('ratings_device_time')
    .on('ratings')
    .columns(['device_id', 'device_time'])
    .execute();
  await sql`
    update devices set last_rating_at = (
      select max(device_time) from ratings
      where ratings.device_id = devices.id and ratings.category <> 'bad_clock'
    )`.execute(db);
}
