/**
 * The report's split by channel: how many of a node's ratings came from the tablet, the citizen's
 * phone or staff over a period, each with its rate, adding up to the node's total. Readers see
 * their subtree only, like every report.
 */
import { monthOf, parsePeriod, RATING_SCALES, splitByChannel } from '@hailong/domain';
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
      const rows = await repos.channelTally.countByChannel(focus.subtree, spanOf(period.months));
      const scaleOf = (unitId: string) =>
        RATING_SCALES[scope.tree.nodes.get(unitId)?.scale ?? 'five'];
      const channels = splitByChannel(rows, scaleOf).map((c) => ({
        channel: c.channel,
        total: c.total,
        satisfied: c.satisfied,
        rate: c.total === 0 ? null : c.satisfied / c.total,
        excluded: c.repeats + c.badClock + c.superseded + c.otherLevels,
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
