import { createRoute } from '@hono/zod-openapi';
import { parsePeriod } from '@hailong/domain';
import {
  ChannelTally,
  ChannelTallyQuery,
  CounterTallyList,
  CounterTallyQuery,
  NodeTally,
  NodeTallyQuery,
  NodeTrend,
  NodeTrendQuery,
  TallyNodes,
  UnitsTally,
  UnitsTallyQuery,
  UnitsTrend,
  UnitsTrendQuery,
} from '@hailong/contracts';
import type { ChannelTallyService } from './channel-tally.service.ts';
import type { NodeTallyService } from './node-tally.service.ts';
import type { UnitsTallyService } from './units-tally.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, sessionErrors } from '../http/responses.ts';

/** A read of the tally: signed in, one query, one shape; outside the reader's subtree is 404. */
const reading = {
  method: 'get' as const,
  tags: ['tally'],
  security: SESSION_SECURITY,
  middleware: requireSession(),
};
const errors = {
  ...commonErrors,
  ...sessionErrors,
  404: errorResponse('No such unit, or outside the reader’s subtree'),
};

const node = createRoute({
  ...reading,
  path: '/tally/node',
  summary:
    'A node of the tree (default: the top of what the reader may see) over a reporting period: ' +
    'its figures per pooled lĩnh vực, its totals and each unit directly beneath it',
  request: { query: NodeTallyQuery },
  responses: { 200: json(NodeTally, 'The node’s tally'), ...errors },
});
const nodeTrend = createRoute({
  ...reading,
  path: '/tally/node/trend',
  summary: 'A node of the tree month by month, from one month to another',
  request: { query: NodeTrendQuery },
  responses: { 200: json(NodeTrend, 'One point per month'), ...errors },
});
const units = createRoute({
  ...reading,
  path: '/tally/units',
  summary:
    'Each unit’s own answers in a month (not its subtree’s), per lĩnh vực, with its phản ánh ' +
    'answered on time: every unit the reader may see, or one',
  request: { query: UnitsTallyQuery },
  responses: { 200: json(UnitsTally, 'One tally per unit and all of them together'), ...errors },
});
const unitsTrend = createRoute({
  ...reading,
  path: '/tally/units/trend',
  summary: 'Each unit’s own answers month by month, and all of them together',
  request: { query: UnitsTrendQuery },
  responses: { 200: json(UnitsTrend, 'One line per unit and the overall line'), ...errors },
});
const counters = createRoute({
  ...reading,
  path: '/tally/counters',
  summary: 'The figures of each counter (quầy) of a unit over a period',
  request: { query: CounterTallyQuery },
  responses: { 200: json(CounterTallyList, 'One row per counter'), ...errors },
});
const channels = createRoute({
  ...reading,
  path: '/tally/channels',
  summary:
    'A node’s ratings over a period split by the channel they came by (tablet, phone, staff ' +
    'entry); the channels add up to the node’s total',
  request: { query: ChannelTallyQuery },
  responses: { 200: json(ChannelTally, 'One row per channel'), ...errors },
});

const nodes = createRoute({
  method: 'get',
  path: '/tally/nodes',
  tags: ['tally'],
  summary: 'The units a reader may report on, as a tree (depth first), and the default node',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  responses: { 200: json(TallyNodes, 'The tree in scope'), ...sessionErrors },
});

/** Every read of the tally comes from the tree's counters (reports/counters.ts). */
export function tallyRoutes(
  service: NodeTallyService,
  unitService: UnitsTallyService,
  channelService: ChannelTallyService,
) {
  return newRouter()
    .openapi(node, async (c) => {
      const { node, period, minSample } = c.req.valid('query');
      const result = await service.tally(c.get('auth').user, parsePeriod(period)!, {
        node,
        minSample,
      });
      return c.json(result, 200);
    })
    .openapi(nodeTrend, async (c) => {
      const { node, from, to, minSample } = c.req.valid('query');
      return c.json(await service.trend(c.get('auth').user, from, to, { node, minSample }), 200);
    })
    .openapi(units, async (c) => {
      const { month, unit, minSample } = c.req.valid('query');
      return c.json(await unitService.month(c.get('auth').user, month, { unit, minSample }), 200);
    })
    .openapi(unitsTrend, async (c) => {
      const { from, to, unit, minSample } = c.req.valid('query');
      return c.json(
        await unitService.trend(c.get('auth').user, from, to, { unit, minSample }),
        200,
      );
    })
    .openapi(counters, async (c) => {
      const { unit, period, minSample } = c.req.valid('query');
      const result = await service.counters(
        c.get('auth').user,
        unit,
        parsePeriod(period)!,
        minSample,
      );
      return c.json(result, 200);
    })
    .openapi(channels, async (c) =>
      c.json(await channelService.split(c.get('auth').user, c.req.valid('query')), 200),
    )
    .openapi(nodes, async (c) => c.json(await service.nodes(c.get('auth').user), 200));
}
