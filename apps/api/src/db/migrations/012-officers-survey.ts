/**
 * Officers at counters and what a unit asks beyond the rating (issue 12). `counter_pins` keeps each
 * officer's counter PIN as a PBKDF2 verifier (a table of its own, so the verifier never rides along
 * with a user row into an answer or an audit); `counter_duty` says who serves at a counter now, set
 * in the console or by a sign-in on the tablet, the later `since` winning; `unit_survey_settings`
 * holds a unit's own survey settings (JSON), which cover its subtree until a unit beneath sets its own.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter_pins')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    /** pbkdf2$<iterations>$<salt b64>$<hash b64> (packages/domain/src/pin-verifier.ts). */
    .addColumn('verifier', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('counter_duty')
    .addColumn('counter_id', 'text', (c) => c.primaryKey().references('counters.id'))
    /** null: nobody on duty (signed out). */
    .addColumn('officer_id', 'text', (c) => c.references('users.id'))
    .addColumn('since', 'bigint', (c) => c.notNull())
    /** console | tablet */
    .addColumn('source', 'text', (c) => c.notNull())
    /** The user (console) or the device (tablet) that set it. */
    .addColumn('set_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('unit_survey_settings')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    /** JSON text: the whole UnitSurveySettings of this unit. */
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
