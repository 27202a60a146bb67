/**
 * The report's split by channel: how many of a node's ratings came from the tablet, the citizen's
 * phone or staff over a period, each with its rate and what was left out of it, adding up to the
 * node's total. Read from the tree's counters (`node_totals` keeps the channel), like every report;
 * readers see their subtree only.
 */
import { excludedOf, monthOf, parsePeriod, splitByChannel } from '@hailong/domain';
import type { ChannelTally } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadReportScope } from './report-scope.ts';
import { focusOn, spanOf } from './node-tally.service.ts';

export function createChannelTallyService(repos: Repositories, clock: Clock) {
  return {
    async split(user: UserRow, query: { node?: string | undefined; period?: string | undefined }) {
      const period = parsePeriod(query.period ?? monthOf(clock()));
      if (!period) {
        throw new ApiError(422, 'validation_failed', 'Kỳ báo cáo không hợp lệ.', [
          { path: 'period', message: 'a month, quarter, half, nine months or year' },
        ]);
      }
      const scope = await loadReportScope(repos, user);
      const focus = focusOn(scope, query.node);
      const rows = await repos.nodeRollups.channelCounts(focus.ids, spanOf(period.months));
      const channels = splitByChannel(rows).map((c) => ({
        channel: c.channel,
        total: c.total,
        satisfied: c.satisfied,
        rate: c.total === 0 ? null : c.satisfied / c.total,
        excluded: excludedOf(c),
        repeats: c.repeats,
        badClock: c.badClock,
        superseded: c.superseded,
        unverified: c.unverified,
        unverifiedRate: c.unverified === 0 ? null : c.unverifiedSatisfied / c.unverified,
        late: c.late,
        otherLevels: c.otherLevels,
      }));
      const result: ChannelTally = {
        nodeId: focus.unit?.id ?? null,
        period: period.id,
        channels,
        total: channels.reduce((n, c) => n + c.total, 0),
        satisfied: channels.reduce((n, c) => n + c.satisfied, 0),
      };
      return result;
    },
  };
}

export type ChannelTallyService = ReturnType<typeof createChannelTallyService>;
