import type { Kysely } from 'kysely';
import type { ChannelCountRow } from '@hailong/domain';
import type { Database } from '../db/schema.ts';

export interface ChannelTallyRepository {
  /** Ratings of these units in [from, to] (months), counted by unit, channel, level, category. */
  countByChannel(
    unitIds: readonly string[],
    span: { from: string; to: string },
  ): Promise<ChannelCountRow[]>;
}

/**
 * Reads the ratings themselves on the (unit, month) index: the rollups do not keep the channel.
 * One node and one period at a time, for the report's split, never the league or the year's tree.
 */
export function createChannelTallyRepository(db: Kysely<Database>): ChannelTallyRepository {
  return {
    async countByChannel(unitIds, span) {
      if (unitIds.length === 0) return [];
      const rows = await db
        .selectFrom('ratings')
        .select((eb) => [
          'unitId',
          'channel',
          'level',
          'category',
          eb.fn.countAll<number | string>().as('count'),
        ])
        .where('unitId', 'in', [...unitIds])
        .where('month', '>=', span.from)
        .where('month', '<=', span.to)
        .groupBy(['unitId', 'channel', 'level', 'category'])
        .execute();
      return rows.map((r) => ({ ...r, count: Number(r.count) }));
    },
  };
}
