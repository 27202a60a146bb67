import { createRoute } from '@hono/zod-openapi';
import { parsePeriod } from '@hailong/domain';
import { League, LeagueQuery } from '@hailong/contracts';
import type { LeagueService } from './league.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, sessionErrors } from '../http/responses.ts';

const league = createRoute({
  method: 'get',
  path: '/league',
  tags: ['tally'],
  summary:
    'League table of the units of one kind (kind=commune…) or beneath one node (parent=…) over a ' +
    'period: too few answers listed apart, ties share a rank, overlapping intervals flagged',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { query: LeagueQuery },
  responses: {
    200: json(League, 'Ranked units and the unranked ones'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such parent unit, or outside the reader’s subtree'),
  },
});

export function leagueRoutes(service: LeagueService) {
  return newRouter().openapi(league, async (c) => {
    const { period, kind, parent, minSample } = c.req.valid('query');
    const result = await service.league(c.get('auth').user, parsePeriod(period)!, {
      kind,
      parent,
      minSample,
    });
    return c.json(result, 200);
  });
}
