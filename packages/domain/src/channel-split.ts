/**
 * The tally split by the channel a rating came by (the tablet at the counter, the citizen's own
 * phone, staff entry): the same counting rule as every tally (`addScaled`), per channel, so that the
 * channels' figures add up to the node's whatever the mix. Pure: counters in, counts out.
 */
import { SOURCE_CHANNELS, type SourceChannel } from './channels.ts';
import { addScaled, newCountCell, type CountCell, type ScaledCount } from './node-counts.ts';
import type { TallyCounts } from './tally-figures.ts';

/** A node's counter summed over sectors and months, for one channel. */
export interface ChannelCount extends ScaledCount {
  channel: SourceChannel;
}

export interface ChannelCounts extends TallyCounts {
  channel: SourceChannel;
}

/** One row per channel, in the order tablet, phone, staff, every channel present even at zero. */
export function splitByChannel(rows: readonly ChannelCount[]): ChannelCounts[] {
  const cells = new Map<SourceChannel, CountCell>(
    SOURCE_CHANNELS.map((channel) => [channel, newCountCell()]),
  );
  for (const r of rows) {
    const cell = cells.get(r.channel);
    if (cell) addScaled(cell, r);
  }
  return [...cells].map(([channel, cell]) => ({ channel, ...cell.counts }));
}
