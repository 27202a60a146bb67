import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateEnrollmentRequest,
  Device,
  DeviceList,
  EnrollDeviceRequest,
  EnrolledDevice,
  Enrollment,
  RecordRefusalList,
  UpdateDeviceRequest,
} from '@hailong/contracts';
import type { DevicesService } from './devices.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const managers = {
  tags: ['devices'],
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor'),
};

const createEnrollment = createRoute({
  ...managers,
  method: 'post',
  path: '/enrollments',
  summary: 'One-time code (24 h) to enroll a tablet for a unit, optionally at one of its counters',
  request: { body: jsonBody(CreateEnrollmentRequest) },
  responses: {
    201: json(Enrollment, 'Code created'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('Unit outside your units'),
  },
});

const enroll = createRoute({
  method: 'post',
  path: '/devices/enroll',
  tags: ['devices'],
  summary: 'A tablet trades its one-time code for a device token (shown once)',
  request: { body: jsonBody(EnrollDeviceRequest) },
  responses: {
    201: json(EnrolledDevice, 'Enrolled'),
    ...commonErrors,
    400: errorResponse('invalid_code: unknown, used or expired'),
    403: errorResponse('Cross-site request'),
    429: errorResponse('Too many wrong codes'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/devices',
  tags: ['devices'],
  summary: 'Tablets of the units you may see, with counter, last seen, last sync and gaps',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  responses: { 200: json(DeviceList, 'Devices'), ...sessionErrors },
});

const refusals = createRoute({
  method: 'get',
  path: '/devices/{id}/refusals',
  tags: ['devices'],
  summary:
    "A tablet's records refused for good: id used by another tablet, same id with other content, tracking code in use",
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: json(RecordRefusalList, 'Refusals, in sequence order'),
    ...sessionErrors,
    404: errorResponse('No such device'),
  },
});

const revoke = createRoute({
  ...managers,
  method: 'post',
  path: '/devices/{id}/revoke',
  summary: "Revoke a tablet's token at once",
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    204: { description: 'Revoked' },
    ...sessionErrors,
    404: errorResponse('No such device'),
  },
});

const update = createRoute({
  ...managers,
  method: 'patch',
  path: '/devices/{id}',
  summary: 'Bind a tablet to another counter (quầy) of its unit, or to none',
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    body: jsonBody(UpdateDeviceRequest),
  },
  responses: {
    200: json(Device, 'Updated'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such device, or outside your units'),
  },
});

export function devicesRoutes(devices: DevicesService) {
  return newRouter()
    .openapi(createEnrollment, async (c) =>
      c.json(await devices.createEnrollment(c.get('auth').user, c.req.valid('json')), 201),
    )
    .openapi(enroll, async (c) =>
      c.json(
        await devices.enroll(
          c.req.valid('json').code,
          c.get('clientAddress'),
          c.req.valid('json').publicKey,
        ),
        201,
      ),
    )
    .openapi(list, async (c) => c.json(await devices.list(c.get('auth').user), 200))
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      const { counterId } = c.req.valid('json');
      return c.json(await devices.bindCounter(c.get('auth').user, id, counterId), 200);
    })
    .openapi(refusals, async (c) => {
      const { user } = c.get('auth');
      return c.json({ refusals: await devices.refusals(user, c.req.valid('param').id) }, 200);
    })
    .openapi(revoke, async (c) => {
      await devices.revoke(c.get('auth').user, c.req.valid('param').id);
      return c.body(null, 204);
    });
}
