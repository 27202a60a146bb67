import { createRoute, z } from '@hono/zod-openapi';
import {
  AssignRequest,
  FeedbackDetail,
  FeedbackList,
  FeedbackListQuery,
  TransitionRequest,
} from '@hailong/contracts';
import type { FeedbackService } from './feedback.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const signedIn = {
  tags: ['feedback'],
  security: SESSION_SECURITY,
  middleware: requireSession(),
};
/** Viewers read; changing an item needs a role that handles feedback. */
const handlers = { ...signedIn, middleware: requireSession('admin', 'supervisor', 'staff') };
const IdParam = z.object({ id: z.string().min(1).max(64) });
const notFound = { 404: errorResponse('No such item, or not in your unit') };

const list = createRoute({
  ...signedIn,
  method: 'get',
  path: '/feedback',
  summary: 'The register (sổ theo dõi) with filters and counts; staff see only their unit',
  request: { query: FeedbackListQuery },
  responses: { 200: json(FeedbackList, 'Items'), ...commonErrors, ...sessionErrors },
});

const get = createRoute({
  ...signedIn,
  method: 'get',
  path: '/feedback/{id}',
  summary:
    'One item with its history; contact data, and the name and phones in staff notes, masked unless you may see them. Each unmasked answer is recorded in the history',
  request: { params: IdParam },
  responses: { 200: json(FeedbackDetail, 'Item'), ...sessionErrors, ...notFound },
});

const transition = createRoute({
  ...handlers,
  method: 'post',
  path: '/feedback/{id}/transitions',
  summary: 'Classify, start, answer, publish or close an item, as the workflow allows',
  request: { params: IdParam, body: jsonBody(TransitionRequest) },
  responses: {
    200: json(FeedbackDetail, 'Updated'),
    ...commonErrors,
    ...sessionErrors,
    ...notFound,
    409: errorResponse('invalid_transition: not allowed from the current status'),
  },
});

const assign = createRoute({
  ...handlers,
  method: 'put',
  path: '/feedback/{id}/assignee',
  summary:
    'Assign the item to a staff member of its unit, a supervisor or an admin, or to nobody. Supervisors and admins only: the assignee may see the contact data',
  request: { params: IdParam, body: jsonBody(AssignRequest) },
  responses: {
    200: json(FeedbackDetail, 'Updated'),
    ...commonErrors,
    ...sessionErrors,
    ...notFound,
    409: errorResponse('Item closed'),
  },
});

const eraseContact = createRoute({
  ...handlers,
  method: 'post',
  path: '/feedback/{id}/contact/erase',
  summary: "Erase the citizen's contact data at their request; the item and history stay",
  request: { params: IdParam },
  responses: { 200: json(FeedbackDetail, 'Erased'), ...sessionErrors, ...notFound },
});

export function feedbackRoutes(feedback: FeedbackService) {
  return newRouter()
    .openapi(list, async (c) =>
      c.json(await feedback.list(c.req.valid('query'), c.get('auth').user), 200),
    )
    .openapi(get, async (c) =>
      c.json(await feedback.get(c.req.valid('param').id, c.get('auth').user), 200),
    )
    .openapi(transition, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await feedback.transition(id, c.req.valid('json'), c.get('auth').user), 200);
    })
    .openapi(assign, async (c) => {
      const { id } = c.req.valid('param');
      const { assigneeId } = c.req.valid('json');
      return c.json(await feedback.assign(id, assigneeId, c.get('auth').user), 200);
    })
    .openapi(eraseContact, async (c) =>
      c.json(await feedback.eraseContact(c.req.valid('param').id, c.get('auth').user), 200),
    );
}
