import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CommentFilter, CommentRow, RatingCommentRepository } from './report-types.ts';

const COLUMNS = ['id', 'unitId', 'sectorId', 'level', 'reasons', 'comment', 'deviceTime'] as const;

type Stored = Omit<CommentRow, 'reasons' | 'comment'> & {
  reasons: string;
  comment: string | null;
};

const toRow = (row: Stored): CommentRow => ({
  ...row,
  deviceTime: Number(row.deviceTime),
  reasons: row.reasons === '' ? [] : row.reasons.split(','),
  comment: row.comment ?? '',
});

/** Ratings with a comment, newest first; the (unit, month) index narrows them. */
export function createRatingCommentRepository(db: Kysely<Database>): RatingCommentRepository {
  const matching = (filter: CommentFilter) => {
    let query = db
      .selectFrom('ratings')
      .where('unitId', 'in', [...filter.unitIds])
      .where('month', '>=', filter.span.from)
      .where('month', '<=', filter.span.to)
      .where('comment', 'is not', null)
      .where('comment', '<>', '');
    if (filter.sectorIds) query = query.where('sectorId', 'in', [...filter.sectorIds]);
    return query;
  };
  // Nothing to ask for: an IN () list is a syntax error on both databases.
  const none = (filter: CommentFilter) =>
    filter.unitIds.length === 0 || filter.sectorIds?.length === 0;

  return {
    async count(filter) {
      if (none(filter)) return 0;
      const row = await matching(filter)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async page(filter, limit, offset) {
      if (none(filter)) return [];
      const rows = await matching(filter)
        .select(COLUMNS)
        .orderBy('deviceTime', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toRow);
    },
    async newestTexts(filter, max) {
      if (none(filter)) return [];
      const rows = await matching(filter)
        .select(['id', 'comment'])
        .orderBy('deviceTime', 'desc')
        .orderBy('id', 'desc')
        .limit(max)
        .execute();
      return rows.map((r) => ({ id: r.id, comment: r.comment ?? '' }));
    },
    async byIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('ratings')
        .select(COLUMNS)
        .where('id', 'in', [...ids])
        .orderBy('deviceTime', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toRow);
    },
    async eraseReceivedBefore(before, max) {
      const result = await db
        .updateTable('ratings')
        .set({ comment: null })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('ratings')
            .select('id')
            .where('receivedAt', '<', before)
            .where('comment', 'is not', null)
            .limit(max),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
