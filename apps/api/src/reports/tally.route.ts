import { createRoute } from '@hono/zod-openapi';
import { monthPeriod, parsePeriod } from '@hailong/domain';
import {
  CounterTallyList,
  CounterTallyQuery,
  TallyNodes,
  TallyQuery,
  TallyResponse,
} from '@hailong/contracts';
import type { TallyService } from './tally.service.ts';
import type { NodeTallyService } from './node-tally.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, sessionErrors } from '../http/responses.ts';

const tally = createRoute({
  method: 'get',
  path: '/tally',
  tags: ['tally'],
  summary:
    'A node of the tree over a period (node, period; kind "node") or month by month (node, from, to; ' +
    'kind "node-trend"); or the monthly tally per unit (month; kind "month") and unit trends ' +
    '(from, to; kind "trend"). Readers see their subtree only.',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { query: TallyQuery },
  responses: {
    200: json(TallyResponse, 'The tally or the trend'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit, or outside the reader’s subtree'),
  },
});

const counters = createRoute({
  method: 'get',
  path: '/tally/counters',
  tags: ['tally'],
  summary: 'The figures of each counter (quầy) of a unit over a period',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { query: CounterTallyQuery },
  responses: {
    200: json(CounterTallyList, 'One row per counter'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit, or outside the reader’s subtree'),
  },
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

export function tallyRoutes(service: TallyService, nodeService: NodeTallyService) {
  return newRouter()
    .openapi(tally, async (c) => {
      const { month, from, to, node, period, ...options } = c.req.valid('query');
      const { user } = c.get('auth');
      if (node !== undefined || period !== undefined) {
        const nodeOptions = { node, minSample: options.minSample };
        const result =
          from !== undefined
            ? await nodeService.trend(user, from, to!, nodeOptions)
            : await nodeService.tally(
                user,
                period ? parsePeriod(period)! : monthPeriod(month!),
                nodeOptions,
              );
        return c.json(result, 200);
      }
      const result = month
        ? await service.month(month, user, options)
        : await service.trend(from!, to!, user, options);
      return c.json(result, 200);
    })
    .openapi(counters, async (c) => {
      const { unit, period, minSample } = c.req.valid('query');
      const result = await nodeService.counters(
        c.get('auth').user,
        unit,
        parsePeriod(period)!,
        minSample,
      );
      return c.json(result, 200);
    })
    .openapi(nodes, async (c) => c.json(await nodeService.nodes(c.get('auth').user), 200));
}
