/**
 * The events log (018-events.ts): appended in the transaction of the change it reports, read in id
 * order by the job runner, each consumer from its own cursor.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

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
 * months, lowest levels); `feedback_received`: a new phản ánh (payload: id); `counters_moved`:
 * stored ratings changed category (payload: ids, months).
 */
export const EVENT_KINDS = ['ratings_stored', 'feedback_received', 'counters_moved'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventRepository {
  /** Appends events; call inside the transaction of the change they report. */
  append(events: readonly NewEvent[]): Promise<void>;
  /** Up to `limit` events after id `afterId`, oldest first, of the given kinds. */
  listAfter(afterId: number, kinds: readonly EventKind[], limit: number): Promise<StoredEvent[]>;
  /** Where `consumer` stopped (0: from the start). */
  cursor(consumer: string): Promise<number>;
  /** Records that `consumer` handled everything up to `lastId`. */
  advance(consumer: string, lastId: number, at: number): Promise<void>;
  /** Deletes events every consumer named has read, older than `before`; returns how many. */
  prune(consumers: readonly string[], before: number): Promise<number>;
}

export function createEventRepository(db: Kysely<Database>): EventRepository {
  return {
    async append(events) {
      if (events.length === 0) return;
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
    async listAfter(afterId, kinds, limit) {
      if (kinds.length === 0) return [];
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('id', '>', afterId)
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
    async advance(consumer, lastId, at) {
      await db
        .insertInto('eventCursors')
        .values({ consumer, lastId, updatedAt: at })
        .onConflict((oc) => oc.column('consumer').doUpdateSet({ lastId, updatedAt: at }))
        .execute();
    },
    async prune(consumers, before) {
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
