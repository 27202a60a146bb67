import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { LoginThrottleRepository } from '../repositories/types.ts';

/**
 * Fixed windows that start at a key's first attempt. `reserve` is one conditional upsert: the
 * database serialises concurrent attempts on the key's row (SQLite's single writer; PostgreSQL's row
 * lock under ON CONFLICT, whose WHERE sees the latest committed row), so `limit` holds under any
 * parallelism, across processes.
 */
export function createLoginThrottleRepository(db: Kysely<Database>): LoginThrottleRepository {
  return {
    async reserve(key, limit, windowMs, now) {
      const expired = now - windowMs;
      const row = await db
        .insertInto('throttleAttempts')
        .values({ key, windowStart: now, count: 1 })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet((eb) => {
              const over = eb('throttleAttempts.windowStart', '<=', expired);
              return {
                windowStart: eb
                  .case()
                  .when(over)
                  .then(now)
                  .else(eb.ref('throttleAttempts.windowStart'))
                  .end(),
                count: eb
                  .case()
                  .when(over)
                  .then(1)
                  .else(eb('throttleAttempts.count', '+', 1))
                  .end(),
              };
            })
            .where((eb) =>
              eb.or([
                eb('throttleAttempts.windowStart', '<=', expired),
                eb('throttleAttempts.count', '<', limit),
              ]),
            ),
        )
        .returning('windowStart')
        .executeTakeFirst();
      return row?.windowStart;
    },
    async release(key, windowStart) {
      await db
        .updateTable('throttleAttempts')
        .set((eb) => ({ count: eb('count', '-', 1) }))
        .where('key', '=', key)
        .where('windowStart', '=', windowStart)
        .where('count', '>', 0)
        .execute();
    },
    async clear(key) {
      await db.deleteFrom('throttleAttempts').where('key', '=', key).execute();
    },
    async prune(before) {
      const result = await db
        .deleteFrom('throttleAttempts')
        .where('windowStart', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
