import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { VerdictRepository } from '../reports/channel-types.ts';

/** Citizens' verdicts over Kysely; identical on SQLite and PostgreSQL. */
export function createVerdictRepository(db: Kysely<Database>): VerdictRepository {
  return {
    async record(row) {
      // ON CONFLICT rather than catching the violation: a failed insert would abort a PostgreSQL
      // transaction, and the unique key (item, answer) is the rule "one verdict per answer".
      const inserted = await db
        .insertInto('feedbackVerdicts')
        .values({ ...row, accepted: row.accepted ? 1 : 0 })
        .onConflict((oc) => oc.columns(['feedbackId', 'answeredAt']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return false;
      await db
        .updateTable('feedbackItems')
        .set({
          verdict: row.accepted ? 'accepted' : 'not_accepted',
          verdictAt: row.at,
          verdictReason: row.reason,
          updatedAt: row.at,
        })
        .where('id', '=', row.feedbackId)
        .execute();
      return true;
    },
    async markHandled(feedbackId, at) {
      await db
        .updateTable('feedbackItems')
        .set({ verdictHandledAt: at, updatedAt: at })
        .where('id', '=', feedbackId)
        .execute();
    },
    async listFlagged() {
      return db
        .selectFrom('feedbackItems')
        .select(['id as feedbackId', 'unitId', 'trackingCode', 'verdictAt as at'])
        .where('verdict', '=', 'not_accepted')
        .where('verdictAt', 'is not', null)
        .where((eb) =>
          eb.or([
            eb('verdictHandledAt', 'is', null),
            eb('verdictHandledAt', '<', eb.ref('verdictAt')),
          ]),
        )
        .execute() as Promise<
        { feedbackId: string; unitId: string; trackingCode: string; at: number }[]
      >;
    },
  };
}
