import { createRoute, z } from '@hono/zod-openapi';
import {
  CounterDuty,
  CounterDutyList,
  CounterDutyView,
  DeviceDutyReport,
  MyCounterPin,
  SetCounterDutyRequest,
  SetCounterPinRequest,
  UnitCountingSettings,
  UnitCountingSettingsView,
  UnitOfficerList,
  UnitSurveySettings,
  UnitSurveySettingsView,
} from '@hailong/contracts';
import type { DevicesService } from '../devices/devices.service.ts';
import type { OfficersService } from './officers.service.ts';
import type { SurveySettingsService } from './survey-settings.service.ts';
import { requireDevice } from '../http/device-auth.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const IdParam = z.object({ id: z.string().min(1).max(64) });
const signedIn = {
  tags: ['officers'],
  security: SESSION_SECURITY,
  middleware: requireSession(),
};
const managers = {
  tags: ['officers'],
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
};
const notFound = (what: string) => ({ 404: errorResponse(what) });

const myPin = createRoute({
  ...signedIn,
  method: 'get',
  path: '/me/counter-pin',
  summary: 'Whether I have a counter PIN (the PIN itself is never shown)',
  responses: { 200: json(MyCounterPin, 'PIN status'), ...sessionErrors },
});

const setMyPin = createRoute({
  ...signedIn,
  method: 'put',
  path: '/me/counter-pin',
  summary: 'Set or change my own counter PIN (4–6 digits), to sign in at a counter on its tablet',
  request: { body: jsonBody(SetCounterPinRequest) },
  responses: { 200: json(MyCounterPin, 'Saved'), ...commonErrors, ...sessionErrors },
});

const clearPin = createRoute({
  ...managers,
  method: 'delete',
  path: '/users/{id}/counter-pin',
  summary: "Clear a person's counter PIN (admin; supervisor within their subtree); audited",
  request: { params: IdParam },
  responses: {
    204: { description: 'Cleared' },
    ...sessionErrors,
    ...notFound('No such user in scope'),
  },
});

const officers = createRoute({
  ...signedIn,
  method: 'get',
  path: '/units/{id}/officers',
  summary: 'The people who may serve at the counters of a unit, and whether they have a PIN',
  request: { params: IdParam },
  responses: {
    200: json(UnitOfficerList, 'Officers'),
    ...sessionErrors,
    ...notFound('No such unit in scope'),
  },
});

const duties = createRoute({
  ...signedIn,
  method: 'get',
  path: '/units/{id}/counter-duty',
  summary: 'The counters of a unit and who serves at each now',
  request: { params: IdParam },
  responses: {
    200: json(CounterDutyList, 'Counters'),
    ...sessionErrors,
    ...notFound('No such unit in scope'),
  },
});

const setDuty = createRoute({
  ...managers,
  method: 'put',
  path: '/counters/{id}/duty',
  summary:
    'Set who serves at a counter now (null: nobody); the later of this and a tablet sign-in wins',
  request: { params: IdParam, body: jsonBody(SetCounterDutyRequest) },
  responses: {
    200: json(CounterDutyView, 'Duty in force'),
    ...commonErrors,
    ...sessionErrors,
    ...notFound('No such counter in scope'),
  },
});

const getSettings = createRoute({
  ...signedIn,
  method: 'get',
  path: '/units/{id}/survey-settings',
  summary:
    "The survey settings in force at a unit: its own, else its nearest ancestor's, else the defaults",
  request: { params: IdParam },
  responses: {
    200: json(UnitSurveySettingsView, 'Settings'),
    ...sessionErrors,
    ...notFound('No such unit in scope'),
  },
});

const putSettings = createRoute({
  ...managers,
  method: 'put',
  path: '/units/{id}/survey-settings',
  summary: "Set a unit's own survey settings (they cover its subtree); audited",
  request: { params: IdParam, body: jsonBody(UnitSurveySettings) },
  responses: {
    200: json(UnitSurveySettingsView, 'Settings in force'),
    ...commonErrors,
    ...sessionErrors,
    ...notFound('No such unit in scope'),
  },
});

const resetSettings = createRoute({
  ...managers,
  method: 'delete',
  path: '/units/{id}/survey-settings',
  summary: "Drop a unit's own survey settings: it takes its ancestors' again; audited",
  request: { params: IdParam },
  responses: {
    200: json(UnitSurveySettingsView, 'Settings in force'),
    ...sessionErrors,
    ...notFound('No such unit in scope'),
  },
});

const getCounting = createRoute({
  ...signedIn,
  method: 'get',
  path: '/units/{id}/counting-settings',
  summary:
    "A unit's counting settings: the day its month's figures close, and whether phone ratings without a dossier count",
  description:
    'In force this month (`fromMonth` null: the defaults, which nobody chose), a change waiting for a later month, and the latest closed month.',
  request: { params: IdParam },
  responses: {
    200: json(UnitCountingSettingsView, 'Counting settings'),
    ...sessionErrors,
    ...notFound('No such unit in scope'),
  },
});

const putCounting = createRoute({
  ...managers,
  method: 'put',
  path: '/units/{id}/counting-settings',
  summary: "Set a unit's counting settings from the next month on; audited",
  description:
    'The month in progress and earlier months keep their rule, so no closed month reopens. Phone ratings without a dossier of the unit, when included, count up to 1 % of the average daily counted tablet ratings of the 28 days before (rounded down) a day.',
  request: { params: IdParam, body: jsonBody(UnitCountingSettings) },
  responses: {
    200: json(UnitCountingSettingsView, 'Counting settings'),
    ...commonErrors,
    ...sessionErrors,
    ...notFound('No such unit in scope'),
  },
});

export function officersRoutes(
  service: OfficersService,
  settings: SurveySettingsService,
  devices: DevicesService,
) {
  const reportDuty = createRoute({
    method: 'post',
    path: '/device/duty',
    tags: ['sync'],
    security: [{ device: [] }],
    middleware: requireDevice(devices),
    summary: "A tablet reports an officer's sign-in (or sign-out) at its counter",
    description:
      'Stamped with the time on the tablet (never later than the server clock). Kept unless the server knows a later duty of the counter, set in the console or by another report: the answer is the duty in force.',
    request: { body: jsonBody(DeviceDutyReport) },
    responses: {
      200: json(CounterDuty, 'Duty in force'),
      ...commonErrors,
      401: errorResponse('Unknown or revoked device token'),
      409: errorResponse('no_counter: the tablet is not bound to a counter'),
    },
  });

  return newRouter()
    .openapi(myPin, async (c) => c.json(await service.myPin(c.get('auth').user), 200))
    .openapi(setMyPin, async (c) =>
      c.json(await service.setMyPin(c.get('auth').user, c.req.valid('json').pin), 200),
    )
    .openapi(clearPin, async (c) => {
      await service.clearPin(c.get('auth').user, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(officers, async (c) =>
      c.json(
        { officers: await service.officers(c.get('auth').user, c.req.valid('param').id) },
        200,
      ),
    )
    .openapi(duties, async (c) =>
      c.json({ counters: await service.duties(c.get('auth').user, c.req.valid('param').id) }, 200),
    )
    .openapi(setDuty, async (c) => {
      const { officerId } = c.req.valid('json');
      return c.json(
        await service.setDuty(c.get('auth').user, c.req.valid('param').id, officerId),
        200,
      );
    })
    .openapi(reportDuty, async (c) =>
      c.json(await service.reportDuty(c.get('device'), c.req.valid('json')), 200),
    )
    .openapi(getSettings, async (c) =>
      c.json(await settings.get(c.get('auth').user, c.req.valid('param').id), 200),
    )
    .openapi(putSettings, async (c) =>
      c.json(
        await settings.put(c.get('auth').user, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
    )
    .openapi(resetSettings, async (c) =>
      c.json(await settings.reset(c.get('auth').user, c.req.valid('param').id), 200),
    )
    .openapi(getCounting, async (c) =>
      c.json(await settings.getCounting(c.get('auth').user, c.req.valid('param').id), 200),
    )
    .openapi(putCounting, async (c) =>
      c.json(
        await settings.putCounting(
          c.get('auth').user,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
    );
}
