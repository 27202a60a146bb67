/**
 * The events log (018-events.ts): appended in the transaction of the change it reports, read by the
 * job runner in id order, each consumer from its own cursor.
 * Ids must become visible in order, or a reader past event 11 would never see event 10 committed
 * after it. SQLite has one writer, so they do; on PostgreSQL, where ids are handed out at insert
 * and transactions commit in any order, `append` takes a lock held to the commit, so one appending
 * transaction at a time holds ids not yet visible. The lock is held from the append to the commit:
 * append last.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Dialect } from '../repositories/types.ts';

/** What happened, to which unit, with the few facts a consumer needs (JSON-serialisable). */
export interface NewEvent {
  kind: EventKind;
  unitId: string | null;
  payload: Record<string, unknown>;
  at: number;
}

export interface StoredEvent extends NewEvent {
  id: number;
}

/**
 * The kinds of change others react to. `ratings_stored`: new ratings of a unit (payload: ids,
 * months); `feedback_received`: a new phản ánh (payload: id); `counters_moved`: stored ratings
 * changed category (payload: ids, months).
 */
export const EVENT_KINDS = ['ratings_stored', 'feedback_received', 'counters_moved'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventRepository {
  /**
   * Appends events; call it inside the transaction of the change they report, as its last write
   * (on PostgreSQL it waits for other appending transactions to end, and holds them off to its own).
   */
  append(events: readonly NewEvent[]): Promise<void>;
  /** The id of the last event stored (0: none); no event with a lower id will ever appear. */
  lastId(): Promise<number>;
  /** Up to `limit` events of these kinds after id `afterId` and not after `upTo`, oldest first. */
  listAfter(
    afterId: number,
    upTo: number,
    kinds: readonly EventKind[],
    limit: number,
  ): Promise<StoredEvent[]>;
  /** Where `consumer` stopped (0: nothing read). */
  cursor(consumer: string): Promise<number>;
  /**
   * The same, locking the consumer's cursor until the transaction ends (PostgreSQL: its row;
   * SQLite: the one writer's lock), so that two runners cannot read the same events at once.
   */
  lockCursor(consumer: string): Promise<number>;
  /** Records that `consumer` handled everything up to id `lastId`. */
  advance(consumer: string, lastId: number, at: number): Promise<void>;
  /** Deletes events every consumer named has read and that are older than `before`; how many. */
  prune(consumers: readonly string[], before: number): Promise<number>;
}

/** Key of the advisory lock that orders appends on PostgreSQL ("hl-evt"). */
const APPEND_LOCK_KEY = 0x686c2d657674;

export function createEventRepository(db: Kysely<Database>, dialect: Dialect): EventRepository {
  return {
    async append(events) {
      if (events.length === 0) return;
      if (dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(${APPEND_LOCK_KEY})`.execute(db);
      }
      await db
        .insertInto('events')
        .values(
          events.map((e) => ({
            kind: e.kind,
            unitId: e.unitId,
            payload: JSON.stringify(e.payload),
            at: e.at,
          })),
        )
        .execute();
    },
    async lastId() {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },
    async listAfter(afterId, upTo, kinds, limit) {
      if (kinds.length === 0 || upTo <= afterId) return [];
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('id', '>', afterId)
        .where('id', '<=', upTo)
        .where('kind', 'in', [...kinds])
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        kind: r.kind as EventKind,
        unitId: r.unitId,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        at: Number(r.at),
      }));
    },
    async cursor(consumer) {
      const row = await db
        .selectFrom('eventCursors')
        .select('lastId')
        .where('consumer', '=', consumer)
        .executeTakeFirst();
      return row ? Number(row.lastId) : 0;
    },
    async lockCursor(consumer) {
      await db
        .insertInto('eventCursors')
        .values({ consumer, lastId: 0, updatedAt: 0 })
        .onConflict((oc) => oc.column('consumer').doNothing())
        .execute();
      // A write that changes nothing: the row lock (or SQLite's write lock) is what it is for.
      const row = await db
        .updateTable('eventCursors')
        .set((eb) => ({ lastId: eb.ref('lastId') }))
        .where('consumer', '=', consumer)
        .returning('lastId')
        .executeTakeFirstOrThrow();
      return Number(row.lastId);
    },
    async advance(consumer, lastId, at) {
      await db
        .insertInto('eventCursors')
        .values({ consumer, lastId, updatedAt: at })
        .onConflict((oc) => oc.column('consumer').doUpdateSet({ lastId, updatedAt: at }))
        .execute();
    },
    async prune(consumers, before) {
      if (consumers.length === 0) return 0;
      let upTo = Number.MAX_SAFE_INTEGER;
      for (const consumer of consumers) upTo = Math.min(upTo, await this.cursor(consumer));
      const result = await db
        .deleteFrom('events')
        .where('id', '<=', upTo)
        .where('at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
