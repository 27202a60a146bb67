import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type {
  PublicRegisterRepository,
  RegisterFilter,
  RegisterRow,
} from '../reports/channel-types.ts';
import { containsPattern } from '../feedback/feedback.repository.ts';

/**
 * The public register over Kysely: published answers only, and only the columns a reader may see —
 * the query never selects content, names or phone numbers, so no later mapping can leak them.
 */
export function createPublicRegisterRepository(db: Kysely<Database>): PublicRegisterRepository {
  const filtered = (filter: RegisterFilter) => {
    let q = db
      .selectFrom('feedbackItems')
      .leftJoin('sectors', 'sectors.id', 'feedbackItems.sectorId')
      .where('feedbackItems.answerPublished', '=', 1)
      .where('feedbackItems.publishedAt', 'is not', null)
      .where('feedbackItems.answerText', 'is not', null);
    if (filter.unitIds !== undefined) {
      const ids = [...filter.unitIds];
      q =
        ids.length === 0
          ? q.where(sql<boolean>`1 = 0`)
          : q.where('feedbackItems.unitId', 'in', ids);
    }
    if (filter.sectorCode !== undefined) q = q.where('sectors.code', '=', filter.sectorCode);
    if (filter.search) {
      const pattern = containsPattern(filter.search);
      q = q.where(
        sql<boolean>`${sql.ref('feedbackItems.answerSearch')} like ${pattern} escape '\\'`,
      );
    }
    return q;
  };
  return {
    async list(filter, page) {
      const rows = await filtered(filter)
        .select([
          'feedbackItems.trackingCode',
          'feedbackItems.kind',
          'feedbackItems.unitId',
          'feedbackItems.sectorId',
          'feedbackItems.receivedAt',
          'feedbackItems.receivedDate',
          'feedbackItems.answeredAt',
          'feedbackItems.publishedAt',
          'feedbackItems.answerText',
        ])
        .orderBy('feedbackItems.publishedAt', 'desc')
        .orderBy('feedbackItems.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const count = await filtered(filter)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return { rows: rows as RegisterRow[], total: Number(count.n) };
    },
  };
}
