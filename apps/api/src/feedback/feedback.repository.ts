import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { vnDateOf } from '@hailong/domain';
import type { Database } from '../db/schema.ts';
import type { KeysetPage } from '../repositories/keyset.ts';
import type { FeedbackFilter, FeedbackRegisterRow, FeedbackRepository } from './feedback-types.ts';

type Query = SelectQueryBuilder<Database, 'feedbackItems', object>;

/** LIKE pattern for a substring, with %, _ and the escape character itself escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function applyFilter(query: Query, filter: FeedbackFilter): Query {
  let q = query;
  if (filter.unitId !== undefined) q = q.where('feedbackItems.unitId', '=', filter.unitId);
  if (filter.unitIds !== undefined) {
    const ids = [...filter.unitIds];
    q =
      ids.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('feedbackItems.unitId', 'in', ids);
  }
  if (filter.sectorId !== undefined) q = q.where('feedbackItems.sectorId', '=', filter.sectorId);
  if (filter.status !== undefined) q = q.where('feedbackItems.status', '=', filter.status);
  if (filter.assigneeId !== undefined) {
    q = q.where('feedbackItems.assigneeId', '=', filter.assigneeId);
  }
  if (filter.dueFrom !== undefined) q = q.where('feedbackItems.dueDate', '>=', filter.dueFrom);
  if (filter.dueTo !== undefined) q = q.where('feedbackItems.dueDate', '<=', filter.dueTo);
  if (filter.dueBefore !== undefined) {
    q = q.where('feedbackItems.dueDate', '<', filter.dueBefore);
  }
  if (filter.verdictFlagged) {
    q = q
      .where('feedbackItems.verdict', '=', 'not_accepted')
      .where((eb) =>
        eb.or([
          eb('feedbackItems.verdictHandledAt', 'is', null),
          eb('feedbackItems.verdictHandledAt', '<', eb.ref('feedbackItems.verdictAt')),
        ]),
      );
  }
  if (filter.search) {
    // search_text is folded and lower-case, so a plain LIKE behaves alike on both dialects.
    const pattern = containsPattern(filter.search);
    q = q.where(sql<boolean>`${sql.ref('feedbackItems.searchText')} like ${pattern} escape '\\'`);
  }
  return q;
}

type Raw = Omit<FeedbackRegisterRow, 'clockSuspect' | 'answerPublished'> & {
  clockSuspect: number | boolean;
  answerPublished: number | boolean;
};

function toRow(raw: Raw): FeedbackRegisterRow {
  return {
    ...raw,
    clockSuspect: Boolean(raw.clockSuspect),
    answerPublished: Boolean(raw.answerPublished),
  };
}

/** The register over Kysely; identical on SQLite and PostgreSQL. */
export function createFeedbackRepository(db: Kysely<Database>): FeedbackRepository {
  const base = () =>
    db
      .selectFrom('feedbackItems')
      .leftJoin('users', 'users.id', 'feedbackItems.assigneeId')
      // What the item came through: its ledger row's source (migration 019).
      .leftJoin('records', 'records.id', 'feedbackItems.id')
      .selectAll('feedbackItems')
      .select(['users.displayName as assigneeName', 'records.source as channel']);

  /** `query`'s rows after the page's id, in id order, at most the page's size. */
  const onPage = <Q extends ReturnType<typeof base>>(query: Q, page: KeysetPage) =>
    (page.after === null ? query : query.where('feedbackItems.id', '>', page.after))
      .orderBy('feedbackItems.id')
      .limit(page.limit);

  return {
    async findById(id) {
      const raw = await base().where('feedbackItems.id', '=', id).executeTakeFirst();
      return raw && toRow(raw as Raw);
    },
    async findByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await base()
        .where('feedbackItems.id', 'in', [...ids])
        .execute();
      return rows.map((r) => toRow(r as Raw));
    },
    async findByTrackingCode(code) {
      const rows = await base()
        .where('feedbackItems.trackingCode', '=', code)
        .orderBy('feedbackItems.receivedAt')
        .execute();
      return rows.map((r) => toRow(r as Raw));
    },
    async findByLookupCode(code) {
      const raw = await base().where('feedbackItems.lookupCode', '=', code).executeTakeFirst();
      return raw && toRow(raw as Raw);
    },
    async update(id, expectedStatus, patch) {
      const { answerPublished, ...rest } = patch;
      const result = await db
        .updateTable('feedbackItems')
        .set({
          ...rest,
          ...(answerPublished !== undefined && { answerPublished: answerPublished ? 1 : 0 }),
        })
        .where('id', '=', id)
        .where('status', '=', expectedStatus)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async list(filter, page) {
      const rows = await applyFilter(base() as unknown as Query, filter)
        .orderBy(sql`case when ${sql.ref('feedbackItems.dueDate')} is null then 1 else 0 end`)
        .orderBy('feedbackItems.dueDate')
        .orderBy('feedbackItems.receivedAt', 'desc')
        .orderBy('feedbackItems.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const total = await this.count(filter);
      return { rows: rows.map((r) => toRow(r as unknown as Raw)), total };
    },
    async countByStatus(filter) {
      const rows = await applyFilter(db.selectFrom('feedbackItems'), filter)
        .select((eb) => ['feedbackItems.status', eb.fn.countAll().as('n')])
        .groupBy('feedbackItems.status')
        .execute();
      return Object.fromEntries(
        (rows as { status: string; n: unknown }[]).map((r) => [r.status, Number(r.n)]),
      );
    },
    async count(filter) {
      const row = await applyFilter(db.selectFrom('feedbackItems'), filter)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number((row as { n: unknown }).n);
    },
    async listReceivedBetween(from, to, page, unitId) {
      // The day it was received decides (a letter staff enter days later belongs to the day it
      // came); an item not initialised yet has only the time it was stored.
      const [first, last] = [vnDateOf(from), vnDateOf(to - 1)];
      let query = base().where((eb) =>
        eb.or([
          eb.and([
            eb('feedbackItems.receivedDate', '>=', first),
            eb('feedbackItems.receivedDate', '<=', last),
          ]),
          eb.and([
            eb('feedbackItems.receivedDate', 'is', null),
            eb('feedbackItems.receivedAt', '>=', from),
            eb('feedbackItems.receivedAt', '<', to),
          ]),
        ]),
      );
      if (unitId !== undefined) query = query.where('feedbackItems.unitId', '=', unitId);
      return (await onPage(query, page).execute()).map((r) => toRow(r as Raw));
    },
    async listOpen(page) {
      const open = base().where('feedbackItems.status', 'in', [
        'received',
        'classified',
        'in_progress',
      ]);
      return (await onPage(open, page).execute()).map((r) => toRow(r as Raw));
    },
    async listContactToErase(closedBefore, limit) {
      const rows = await db
        .selectFrom('feedbackItems')
        .select('id')
        .where('status', '=', 'closed')
        .where('closedAt', '<', closedBefore)
        .where('contactErasedAt', 'is', null)
        .where((eb) =>
          eb.or([
            eb('contactName', 'is not', null),
            eb('contactPhone', 'is not', null),
            eb('consentAt', 'is not', null),
          ]),
        )
        .orderBy('closedAt')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    async eraseContact(id, at, { events, read, ...texts }) {
      let update = db
        .updateTable('feedbackItems')
        .set({
          ...texts,
          contactName: null,
          contactPhone: null,
          consentVersion: null,
          consentAt: null,
          contactErasedAt: at,
          updatedAt: at,
        })
        .where('id', '=', id)
        .where('contactErasedAt', 'is', null);
      // Texts written meanwhile (an answer, a note) are not overwritten by the older ones.
      for (const [column, value] of Object.entries(read) as [keyof typeof read, string | null][]) {
        update = update.where(column, value === null ? 'is' : '=', value);
      }
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      for (const event of events) {
        await db
          .updateTable('feedbackEvents')
          .set({ note: event.note, details: JSON.stringify(event.details) })
          .where('id', '=', event.id)
          .where('feedbackId', '=', id)
          .execute();
      }
      return true;
    },
    async appendEvents(events) {
      if (events.length === 0) return;
      await db
        .insertInto('feedbackEvents')
        .values(events.map((e) => ({ ...e, details: JSON.stringify(e.details) })))
        .execute();
    },
    async listEvents(feedbackId) {
      const rows = await db
        .selectFrom('feedbackEvents')
        .leftJoin('users', 'users.id', 'feedbackEvents.actorId')
        .selectAll('feedbackEvents')
        .select('users.displayName as actorName')
        .where('feedbackEvents.feedbackId', '=', feedbackId)
        .orderBy('feedbackEvents.at')
        .orderBy('feedbackEvents.id')
        .execute();
      return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as never }));
    },
    async getSettings() {
      const rows = await db.selectFrom('feedbackSettings').select(['key', 'value']).execute();
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async putSetting(key, value, at, by) {
      await db
        .insertInto('feedbackSettings')
        .values({ key, value, updatedAt: at, updatedBy: by })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: at, updatedBy: by }))
        .execute();
    },
  };
}
