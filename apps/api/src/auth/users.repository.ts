import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { mapUniqueViolation } from '../repositories/db-errors.ts';
import type { UserPatch, UserRepository, UserRow } from '../repositories/types.ts';

export function createUserRepository(db: Kysely<Database>): UserRepository {
  return {
    async create(user) {
      await mapUniqueViolation(() => db.insertInto('users').values(user).execute());
    },
    findById: (id) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    findByUsername: (username) =>
      db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),
    async list() {
      const rows = await db.selectFrom('users').selectAll().execute();
      // Sorted here, by code point, so both dialects agree whatever the server's collation.
      return rows.sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
    },
    async update(id, patch: UserPatch): Promise<UserRow | undefined> {
      return db
        .updateTable('users')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
