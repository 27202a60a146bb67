import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { mapUniqueViolation } from '../repositories/db-errors.ts';
import type { AuditRepository } from '../repositories/types.ts';

export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async append(event) {
      // JSON text rather than jsonb so that both dialects store and return the same bytes.
      const { id, at, actorId, action, entityType, entityId } = event;
      const details = JSON.stringify(event.details ?? null);
      await mapUniqueViolation(() =>
        db
          .insertInto('auditEvents')
          .values({ id, at, actorId, action, entityType, entityId, details })
          .execute(),
      );
    },
    async list({ entityType, entityId, limit }) {
      let query = db.selectFrom('auditEvents').selectAll();
      if (entityType !== undefined) query = query.where('entityType', '=', entityType);
      if (entityId !== undefined) query = query.where('entityId', '=', entityId);
      const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as unknown }));
    },
  };
}
