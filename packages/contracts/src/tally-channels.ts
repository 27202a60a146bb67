/** A node's ratings over a period split by the channel they came by; the channels add up. */
import { z } from 'zod';
import { SOURCE_CHANNELS } from '@hailong/domain';
import { Id } from './common.ts';
import { Ratio } from './tally.ts';
import { PeriodText } from './tally-node.ts';

const Count = z.number().int().min(0);

export const ChannelTallyQuery = z.object({
  node: Id.optional(),
  /** A reporting period ('2026-11', '2026-Q4', '2026-H2', '2026-9M', '2026'); default this month. */
  period: PeriodText.optional(),
});

export const ChannelTally = z
  .object({
    nodeId: Id.nullable(),
    period: z.string(),
    channels: z.array(
      z.object({
        channel: z.enum(SOURCE_CHANNELS),
        total: Count,
        satisfied: Count,
        rate: Ratio.nullable(),
        /** Kept but left out of the official rate, every category together (detailed below). */
        excluded: Count,
        repeats: Count,
        badClock: Count,
        superseded: Count,
        /** Phiếu qua điện thoại chưa gắn hồ sơ, and their own rate. */
        unverified: Count,
        unverifiedRate: Ratio.nullable(),
        /** Phiếu đến sau khi chốt số liệu. */
        late: Count,
        otherLevels: Count,
      }),
    ),
    total: Count,
    satisfied: Count,
  })
  .meta({ id: 'ChannelTally' });
export type ChannelTally = z.infer<typeof ChannelTally>;
