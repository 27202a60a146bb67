import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  IntakeReceipt,
  PhoneConfig,
  PhoneConfigQuery,
  PhoneAmendmentReceipt,
  PhoneFeedbackRequest,
  PhoneRatingAmendment,
  PhoneRatingRequest,
  StaffEntryReceipt,
  StaffEntryRequest,
} from '@hailong/contracts';
import type { PhoneIntakeService } from './phone-intake.service.ts';
import type { StaffEntryService } from './staff-entry.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const UnitParam = z.object({ unitId: z.string().min(1).max(64) });
const phoneErrors = {
  ...commonErrors,
  403: errorResponse('Cross-site request'),
  404: errorResponse('No such unit or counter'),
  409: errorResponse('This submission id was used for other content'),
  429: errorResponse('Too many submissions from this address or for this counter'),
};

const config = createRoute({
  method: 'get',
  path: '/phone/config',
  tags: ['phone'],
  summary: "What the phone page asks for a unit's (and counter's) QR code; no sign-in, cacheable",
  request: { query: PhoneConfigQuery },
  responses: {
    200: json(PhoneConfig, 'Unit, counter, sectors, consent text version'),
    ...commonErrors,
    404: errorResponse('No such unit or counter'),
  },
});

const rating = createRoute({
  method: 'post',
  path: '/phone/units/{unitId}/ratings',
  tags: ['phone'],
  summary:
    "A rating from the citizen's phone: stored once per id whatever the retries (201 new, 200 a resend); no sign-in, throttled",
  request: { params: UnitParam, body: jsonBody(PhoneRatingRequest) },
  responses: {
    200: json(IntakeReceipt, 'Stored before (a resend)'),
    201: json(IntakeReceipt, 'Stored'),
    ...phoneErrors,
  },
});

const amendment = createRoute({
  method: 'post',
  path: '/phone/units/{unitId}/ratings/{ratingId}/amendment',
  tags: ['phone'],
  summary:
    'The follow-up answers (reasons, comment, dossier code, survey answers) to a level the phone page stored alone: applied once, with the key sent with the level, within 30 minutes, under the unit’s settings; a resend of it answers as before',
  request: {
    params: UnitParam.extend({ ratingId: z.uuid() }),
    body: jsonBody(PhoneRatingAmendment),
  },
  responses: {
    200: json(PhoneAmendmentReceipt, 'Applied (now, or before: a resend)'),
    ...commonErrors,
    403: errorResponse('Cross-site request, or not the key sent with the level'),
    404: errorResponse('No such unit, or no rating of it awaiting follow-up answers'),
    409: errorResponse('Another amendment was applied to this rating'),
    410: errorResponse('Too late: the level stays counted as it is'),
    422: errorResponse('A field the unit does not ask, or the rating already has; or invalid'),
  },
});

const feedback = createRoute({
  method: 'post',
  path: '/phone/units/{unitId}/feedback',
  tags: ['phone'],
  summary:
    "A phản ánh, kiến nghị from the citizen's phone with up to 3 photos (metadata removed): stored once per id, its tracking code in the answer; no sign-in, throttled",
  request: { params: UnitParam, body: jsonBody(PhoneFeedbackRequest) },
  responses: {
    200: json(IntakeReceipt, 'Stored before (a resend)'),
    201: json(IntakeReceipt, 'Stored'),
    ...phoneErrors,
  },
});

const staffEntry = createRoute({
  method: 'post',
  path: '/feedback/entries',
  tags: ['feedback'],
  security: SESSION_SECURITY,
  // Its body (a scan, up to 6 MB) is bounded with every other: http/body-limits.ts.
  middleware: requireSession('admin', 'supervisor', 'staff'),
  summary:
    'Record a phản ánh, kiến nghị received by phone, letter, e-mail, in person, the hotline or a portal: its source, the date received (deadlines count from it), a scan, contact data only with consent noted. Stored once per id',
  request: { body: jsonBody(StaffEntryRequest) },
  responses: {
    200: json(StaffEntryReceipt, 'Stored before (a resend)'),
    201: json(StaffEntryReceipt, 'Stored, with its tracking code and deadlines'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit, or not yours'),
    409: errorResponse('This submission id was used for other content'),
  },
});

export function intakeRoutes(phone: PhoneIntakeService, staff: StaffEntryService) {
  return newRouter()
    .openapi(config, async (c) => {
      const { unit, counter } = c.req.valid('query');
      const body = await phone.config(unit, counter);
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(body, 200);
    })
    .openapi(rating, async (c) => {
      const receipt = await phone.rate(
        c.req.valid('param').unitId,
        c.req.valid('json'),
        c.get('clientAddress'),
      );
      return c.json(receipt, receipt.status === 'accepted' ? 201 : 200);
    })
    .openapi(amendment, async (c) => {
      const { unitId, ratingId } = c.req.valid('param');
      return c.json(await phone.amend(unitId, ratingId, c.req.valid('json')), 200);
    })
    .openapi(feedback, async (c) => {
      const receipt = await phone.feedback(
        c.req.valid('param').unitId,
        c.req.valid('json'),
        c.get('clientAddress'),
      );
      return c.json(receipt, receipt.status === 'accepted' ? 201 : 200);
    })
    .openapi(staffEntry, async (c) => {
      const receipt = await staff.enter(c.req.valid('json'), c.get('auth').user);
      return c.json(receipt, receipt.status === 'accepted' ? 201 : 200);
    });
}
