import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { mapUniqueViolation } from '../repositories/db-errors.ts';
import type { SessionRepository } from '../repositories/types.ts';

export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async create(session) {
      await mapUniqueViolation(() => db.insertInto('sessions').values(session).execute());
    },
    findActive: (idHash, now) =>
      db
        .selectFrom('sessions')
        .selectAll()
        .where('idHash', '=', idHash)
        .where('expiresAt', '>', now)
        .executeTakeFirst(),
    async touch(idHash, lastSeenAt, expiresAt) {
      await db
        .updateTable('sessions')
        .set({ lastSeenAt, expiresAt })
        .where('idHash', '=', idHash)
        .execute();
    },
    async delete(idHash) {
      await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
    },
    async deleteForUser(userId) {
      const result = await db
        .deleteFrom('sessions')
        .where('userId', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpired(now) {
      // `<=` is the complement of findActive's `expiresAt > now`.
      const result = await db
        .deleteFrom('sessions')
        .where('expiresAt', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
