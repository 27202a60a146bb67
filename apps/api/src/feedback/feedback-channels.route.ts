import { createRoute, z } from '@hono/zod-openapi';
import { FeedbackDetail, PhoneVerdictRequest, VerdictHandledRequest } from '@hailong/contracts';
import type { FeedbackService } from './feedback.service.ts';
import type { FeedbackVerdictService } from './feedback-verdict.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import type { FeedbackAttachmentsService } from './feedback-attachments.service.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const handlers = {
  tags: ['feedback'],
  security: SESSION_SECURITY,
  middleware: requireSession('admin', 'supervisor', 'staff'),
};
const IdParam = z.object({ id: z.string().min(1).max(64) });
const notFound = { 404: errorResponse('No such item, or not in your unit') };

const verdictHandled = createRoute({
  ...handlers,
  method: 'post',
  path: '/feedback/{id}/verdict/handled',
  summary:
    'Take up a "not accepted" verdict of the citizen (what was done: called back, answered again…); the flag and its alert clear',
  request: { params: IdParam, body: jsonBody(VerdictHandledRequest) },
  responses: {
    200: json(FeedbackDetail, 'Updated'),
    ...commonErrors,
    ...sessionErrors,
    ...notFound,
    409: errorResponse('No "not accepted" verdict waiting'),
  },
});

const verdictByPhone = createRoute({
  ...handlers,
  method: 'post',
  path: '/feedback/{id}/verdict',
  summary:
    'Record the verdict a citizen gave by phone, on an item whose citizen holds no verdict token (made before tokens); audited with who recorded it',
  request: { params: IdParam, body: jsonBody(PhoneVerdictRequest) },
  responses: {
    200: json(FeedbackDetail, 'Recorded'),
    ...commonErrors,
    ...sessionErrors,
    ...notFound,
    409: errorResponse(
      'No answer to judge (verdict_closed), already judged (verdict_given), or the citizen holds a token (conflict)',
    ),
  },
});

const attachment = createRoute({
  ...handlers,
  method: 'get',
  path: '/feedback/{id}/attachments/{attachmentId}',
  summary:
    'A photo or scan kept with the item (metadata removed), for staff who may act on it; never cached',
  request: { params: IdParam.extend({ attachmentId: z.string().min(1).max(64) }) },
  responses: {
    200: {
      description: 'The bytes',
      content: {
        'image/jpeg': { schema: z.string().meta({ format: 'binary' }) },
        'image/png': { schema: z.string().meta({ format: 'binary' }) },
        'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
      },
    },
    ...sessionErrors,
    404: errorResponse('No such attachment, or not yours to see'),
  },
});

/** Staff routes of issue 13's channels: verdicts taken up or given by phone, attachments shown. */
export function feedbackChannelRoutes(
  feedback: FeedbackService,
  verdicts: FeedbackVerdictService,
  attachments: FeedbackAttachmentsService,
) {
  return newRouter()
    .openapi(verdictHandled, async (c) => {
      const { id } = c.req.valid('param');
      const user = c.get('auth').user;
      await verdicts.handled(id, c.req.valid('json'), user);
      return c.json(await feedback.get(id, user), 200);
    })
    .openapi(verdictByPhone, async (c) => {
      const { id } = c.req.valid('param');
      const user = c.get('auth').user;
      await verdicts.byPhone(id, c.req.valid('json'), user);
      return c.json(await feedback.get(id, user), 200);
    })
    .openapi(attachment, async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      const file = await attachments.read(id, attachmentId, c.get('auth').user);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.mediaType,
        'Content-Disposition': 'inline',
        'Cache-Control': 'private, no-store',
      }) as never;
    });
}
