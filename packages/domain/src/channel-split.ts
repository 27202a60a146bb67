/**
 * The tally split by the channel a rating came by (the tablet at the counter, the citizen's own
 * phone, staff entry): the same counting rules as the tally's, per channel, so that the channels'
 * figures add up to the node's whatever the mix. Pure: counts in, counts out.
 */
import type { RollupCategory } from './rollup.ts';
import { ZERO_COUNTS, type TallyCounts } from './tally-figures.ts';
import { findLevel, isSatisfied, type RatingScale } from './scales.ts';
import { SOURCE_CHANNELS, type SourceChannel } from './channels.ts';

export interface ChannelCountRow {
  unitId: string;
  channel: SourceChannel;
  level: number;
  category: RollupCategory;
  count: number;
}

export interface ChannelCounts extends TallyCounts {
  channel: SourceChannel;
}

/** One row per channel, in the order tablet, phone, staff, every channel present even at zero. */
export function splitByChannel(
  rows: readonly ChannelCountRow[],
  scaleOf: (unitId: string) => RatingScale,
): ChannelCounts[] {
  const out = new Map<SourceChannel, ChannelCounts>(
    SOURCE_CHANNELS.map((channel) => [channel, { channel, ...ZERO_COUNTS }]),
  );
  for (const r of rows) {
    const c = out.get(r.channel);
    if (!c) continue;
    if (r.category === 'repeat') c.repeats += r.count;
    else if (r.category === 'bad_clock') c.badClock += r.count;
    else if (r.category === 'superseded') c.superseded += r.count;
    else {
      const scale = scaleOf(r.unitId);
      if (!findLevel(scale, r.level)) c.otherLevels += r.count;
      else {
        c.total += r.count;
        if (isSatisfied(scale, r.level)) c.satisfied += r.count;
      }
    }
  }
  return [...out.values()];
}
