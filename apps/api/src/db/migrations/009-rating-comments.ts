/**
 * Citizens' comments on their ratings are few among many ratings: a partial index of the rated
 * rows that carry one, by receipt time. Retention erases comments older than its limit from this
 * index alone (not by reading every rating ever received), and the report's comment list of a
 * unit and month stays on the (unit, month) index it already had.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ratings_commented')
    .on('ratings')
    .column('received_at')
    .where(sql.ref('comment'), 'is not', null)
    .execute();
}
