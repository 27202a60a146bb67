import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { LoginThrottleRepository } from './types.ts';

export function createLoginThrottleRepository(db: Kysely<Database>): LoginThrottleRepository {
  return {
    async recordFailure(key, at) {
      // One row per failure, not a counter, so that concurrent failures never lose an increment.
      await db.insertInto('loginFailures').values({ id: randomUUID(), key, at }).execute();
    },
    async countFailures(key, since) {
      const row = await db
        .selectFrom('loginFailures')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('key', '=', key)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async clear(key) {
      await db.deleteFrom('loginFailures').where('key', '=', key).execute();
    },
    async prune(before) {
      const result = await db
        .deleteFrom('loginFailures')
        .where('at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
