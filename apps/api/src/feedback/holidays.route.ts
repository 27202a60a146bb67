import { createRoute } from '@hono/zod-openapi';
import {
  Holiday,
  HolidayDateParam,
  HolidayList,
  HolidayYearQuery,
  PutHolidayRequest,
} from '@hailong/contracts';
import { vnDateOf } from '@hailong/domain';
import type { Clock } from '../jobs/clock.ts';
import type { HolidaysService } from './holidays.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const base = { tags: ['holidays'], security: SESSION_SECURITY };
const adminOnly = { ...base, middleware: requireSession('admin') };

const list = createRoute({
  ...base,
  middleware: requireSession(),
  method: 'get',
  path: '/holidays',
  summary: 'Days off and make-up working days of a year (default: this year in Việt Nam)',
  request: { query: HolidayYearQuery },
  responses: { 200: json(HolidayList, 'Calendar'), ...commonErrors, ...sessionErrors },
});

const put = createRoute({
  ...adminOnly,
  method: 'put',
  path: '/holidays/{date}',
  summary: 'Add or correct a day (admin); deadlines of open items follow',
  request: { params: HolidayDateParam, body: jsonBody(PutHolidayRequest) },
  responses: { 200: json(Holiday, 'Saved'), ...commonErrors, ...sessionErrors },
});

const remove = createRoute({
  ...adminOnly,
  method: 'delete',
  path: '/holidays/{date}',
  summary: 'Remove a day (admin); deadlines of open items follow',
  request: { params: HolidayDateParam },
  responses: {
    204: { description: 'Removed' },
    ...sessionErrors,
    404: errorResponse('No such day'),
    422: errorResponse('Not a date'),
  },
});

export function holidaysRoutes(holidays: HolidaysService, clock: Clock) {
  return newRouter()
    .openapi(list, async (c) => {
      const year = c.req.valid('query').year ?? Number(vnDateOf(clock()).slice(0, 4));
      return c.json(await holidays.list(year), 200);
    })
    .openapi(put, async (c) => {
      const { date } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await holidays.put(date, body, c.get('auth').user.id), 200);
    })
    .openapi(remove, async (c) => {
      await holidays.remove(c.req.valid('param').date, c.get('auth').user.id);
      return c.body(null, 204);
    });
}
