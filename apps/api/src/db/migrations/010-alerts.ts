/**
 * Alerts and their delivery (issue 14). `alerts` holds one row per condition raised, open until
 * it clears: a partial unique index on the condition key among open alerts makes "raise once" the
 * database's decision, so two processes evaluating at once cannot raise it twice. Each recipient's
 * copy (`alert_recipients`) carries its read mark and whether it was mailed; acknowledgements and
 * resolutions are kept in `alert_events`. Mail goes through an outbox (`alert_deliveries`) whose
 * unique key per (alert or digest, recipient, kind) means a restart never queues a mail twice,
 * claimed before sending and marked after. `job_leases` lets one process at a time run a job.
 * `alert_unhappy` keeps the recent unhappy ratings per counter, written from each sync batch, so
 * the burst rule never reads the ratings table. Users get an optional e-mail and a preference.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  await db.schema
    .alterTable('users')
    .addColumn('alert_delivery', 'text', (c) => c.notNull().defaultTo('digest'))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('digest_hour', 'integer', (c) => c.notNull().defaultTo(7))
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('condition_key', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    /** JSON text: what the message says. */
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledged_by', 'text')
    .execute();
  await db.schema
    .createIndex('alerts_open_key_unique')
    .on('alerts')
    .column('condition_key')
    .unique()
    .where(sql.ref('resolved_at'), 'is', null)
    .execute();
  await db.schema.createIndex('alerts_raised_idx').on('alerts').column('raised_at').execute();

  await db.schema
    .createTable('alert_recipients')
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'bigint')
    /** When the alert went into a mail (immediate or a digest); null: not mailed yet. */
    .addColumn('mailed_at', 'bigint')
    .addPrimaryKeyConstraint('alert_recipients_pkey', ['alert_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('alert_recipients_user_idx')
    .on('alert_recipients')
    .columns(['user_id', 'read_at'])
    .execute();

  await db.schema
    .createTable('alert_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    /** raised | resolved | acknowledged */
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('alert_events_alert_idx')
    .on('alert_events')
    .columns(['alert_id', 'at'])
    .execute();

  await db.schema
    .createTable('alert_rule_settings')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    /** JSON text: the fields this unit overrides. */
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('alert_rule_settings_pkey', ['unit_id', 'kind'])
    .execute();

  await db.schema
    .createTable('alert_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** immediate:ALERT:USER or digest:DATE:USER — a mail is queued once, whatever restarts. */
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** pending | sending | sent | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('not_before', 'bigint', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'bigint')
    .addColumn('sent_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alert_deliveries_status_idx')
    .on('alert_deliveries')
    .columns(['status', 'not_before'])
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alert_unhappy')
    .addColumn('rating_id', 'text', (c) => c.primaryKey())
    .addColumn('counter_key', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    /** Set once a burst evaluation has looked at it; null: still to judge. */
    .addColumn('judged_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('alert_unhappy_counter_idx')
    .on('alert_unhappy')
    .columns(['counter_key', 'at'])
    .execute();
  await db.schema
    .createIndex('alert_unhappy_unjudged_idx')
    .on('alert_unhappy')
    .column('received_at')
    .where(sql.ref('judged_at'), 'is', null)
    .execute();
}
