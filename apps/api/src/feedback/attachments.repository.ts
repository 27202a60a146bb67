import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AttachmentRepository, AttachmentRow } from '../reports/channel-types.ts';

const COLUMNS = ['id', 'feedbackId', 'kind', 'mediaType', 'size', 'createdAt'] as const;

/** Photos and scans over Kysely: bytes in a blob (SQLite) or bytea (PostgreSQL) column. */
export function createAttachmentRepository(db: Kysely<Database>): AttachmentRepository {
  return {
    async insert(row, bytes) {
      await db
        .insertInto('feedbackAttachments')
        .values({ ...row, bytes: Buffer.from(bytes), erasedAt: null })
        .execute();
    },
    async listFor(feedbackId) {
      return (await db
        .selectFrom('feedbackAttachments')
        .select(COLUMNS)
        .where('feedbackId', '=', feedbackId)
        .where('erasedAt', 'is', null)
        .orderBy('createdAt')
        .orderBy('id')
        .execute()) as AttachmentRow[];
    },
    async read(feedbackId, id) {
      const row = await db
        .selectFrom('feedbackAttachments')
        .select([...COLUMNS, 'bytes'])
        .where('feedbackId', '=', feedbackId)
        .where('id', '=', id)
        .where('erasedAt', 'is', null)
        .executeTakeFirst();
      if (!row || row.bytes === null) return undefined;
      return { ...(row as AttachmentRow), bytes: new Uint8Array(row.bytes) };
    },
    async eraseClosedBefore(closedBefore, at) {
      const result = await db
        .updateTable('feedbackAttachments')
        .set({ bytes: null, erasedAt: at })
        .where('erasedAt', 'is', null)
        .where('feedbackId', 'in', (eb) =>
          eb
            .selectFrom('feedbackItems')
            .select('id')
            .where('status', '=', 'closed')
            .where('closedAt', '<', closedBefore),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
