import { createRoute, z } from '@hono/zod-openapi';
import {
  ConcludeRequest,
  Conclusion,
  ExcludeRequest,
  ExcludeResult,
  OpeningHours,
  SignalList,
  SignalRecords,
  SignalsQuery,
  UnitOpeningHoursView,
} from '@hailong/contracts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';
import type { IntegrityService } from './integrity.service.ts';
import type { ExclusionService } from './exclusion.service.ts';
import type { OpeningHoursService } from './opening-hours.service.ts';

const tags = ['integrity'];
const signalParam = z.object({ id: z.string().min(1).max(300) });
const unitParam = z.object({ id: z.string().min(1).max(64) });
const noUnit = { 404: errorResponse('No such unit in scope') };

const list = createRoute({
  method: 'get',
  path: '/integrity/signals',
  tags,
  summary:
    'Integrity signals of a node’s units, per counter and day, over at most 31 days (supervisors of the subtree, admins); paged',
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
  request: { query: SignalsQuery },
  responses: { 200: json(SignalList, 'Signals'), ...commonErrors, ...sessionErrors },
});

const records = createRoute({
  method: 'get',
  path: '/integrity/signals/{id}/records',
  tags,
  summary: 'The records behind one signal (at most 50) and its conclusions, newest first',
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
  request: { params: signalParam },
  responses: { 200: json(SignalRecords, 'Records'), ...commonErrors, ...sessionErrors },
});

const conclude = createRoute({
  method: 'post',
  path: '/integrity/signals/{id}/conclusions',
  tags,
  summary:
    'Record a conclusion on a signal (supervisor of the unit, admin); kept and audited, a newer one supersedes; changes no figure',
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
  request: { params: signalParam, body: jsonBody(ConcludeRequest) },
  responses: { 201: json(Conclusion, 'The conclusion'), ...commonErrors, ...sessionErrors },
});

const exclusion = createRoute({
  method: 'post',
  path: '/integrity/exclusions',
  tags,
  summary:
    'Exclude named records of a unit with a reason (supervisor of the unit, admin); audited, the counters move in the same transaction, and signed months get a linked correction',
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
  request: { body: jsonBody(ExcludeRequest) },
  responses: {
    200: json(ExcludeResult, 'What was excluded and the corrections made'),
    ...commonErrors,
    ...sessionErrors,
  },
});

const getHours = createRoute({
  method: 'get',
  path: '/units/{id}/opening-hours',
  tags,
  summary:
    "A unit's opening hours, which the outside-opening-hours signal judges by (`chosen` false: the defaults, which nobody chose)",
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { params: unitParam },
  responses: {
    200: json(UnitOpeningHoursView, 'Opening hours'),
    ...sessionErrors,
    ...noUnit,
  },
});

const putHours = createRoute({
  method: 'put',
  path: '/units/{id}/opening-hours',
  tags,
  summary: "Set a unit's opening hours (supervisor of the unit, admin); audited",
  description:
    'Minutes after midnight, Việt Nam time; up to three spans a day in order, not overlapping; Saturday empty when closed. Signals are recomputed from them; no figure changes.',
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
  request: { params: unitParam, body: jsonBody(OpeningHours) },
  responses: {
    200: json(UnitOpeningHoursView, 'Opening hours'),
    ...commonErrors,
    ...sessionErrors,
    ...noUnit,
  },
});

export function integrityRoutes(
  service: IntegrityService,
  exclusions: ExclusionService,
  hours: OpeningHoursService,
) {
  return newRouter()
    .openapi(list, async (c) =>
      c.json(await service.signals(c.get('auth').user, c.req.valid('query')), 200),
    )
    .openapi(records, async (c) =>
      c.json(await service.records(c.get('auth').user, c.req.valid('param').id), 200),
    )
    .openapi(conclude, async (c) =>
      c.json(
        await service.conclude(c.get('auth').user, c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
    )
    .openapi(exclusion, async (c) =>
      c.json(await exclusions.exclude(c.get('auth').user, c.req.valid('json')), 200),
    )
    .openapi(getHours, async (c) =>
      c.json(await hours.get(c.get('auth').user, c.req.valid('param').id), 200),
    )
    .openapi(putHours, async (c) =>
      c.json(
        await hours.put(c.get('auth').user, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
    );
}
