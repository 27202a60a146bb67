import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
  UserList,
} from '@hailong/contracts';
import type { UsersService } from './users.service.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const adminOnly = {
  tags: ['users'],
  security: SESSION_SECURITY,
  middleware: requireSession('admin'),
};
const IdParam = z.object({ id: z.string().min(1).max(64) });

const list = createRoute({
  ...adminOnly,
  method: 'get',
  path: '/users',
  summary: 'All staff accounts (admin)',
  responses: { 200: json(UserList, 'Users'), ...sessionErrors },
});

const create = createRoute({
  ...adminOnly,
  method: 'post',
  path: '/users',
  summary: 'Create a staff account (admin)',
  request: { body: jsonBody(CreateUserRequest) },
  responses: {
    201: json(User, 'Created'),
    ...commonErrors,
    ...sessionErrors,
    409: errorResponse('Username taken'),
  },
});

const update = createRoute({
  ...adminOnly,
  method: 'patch',
  path: '/users/{id}',
  summary: 'Change role, unit, name; disable or enable (admin). Disabling ends the sessions.',
  request: { params: IdParam, body: jsonBody(UpdateUserRequest) },
  responses: {
    200: json(User, 'Updated'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such user'),
    409: errorResponse('Would leave no active admin'),
  },
});

const resetPassword = createRoute({
  ...adminOnly,
  method: 'post',
  path: '/users/{id}/password',
  summary: "Reset a user's password (admin); ends their sessions",
  request: { params: IdParam, body: jsonBody(ResetPasswordRequest) },
  responses: {
    204: { description: 'Reset' },
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such user'),
  },
});

export function usersRoutes(users: UsersService) {
  return newRouter()
    .openapi(list, async (c) => c.json({ users: await users.list() }, 200))
    .openapi(create, async (c) => {
      const created = await users.create(c.req.valid('json'), c.get('auth').user.id);
      return c.json(created, 201);
    })
    .openapi(update, async (c) => {
      const updated = await users.update(
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('auth').user.id,
      );
      return c.json(updated, 200);
    })
    .openapi(resetPassword, async (c) => {
      const { id } = c.req.valid('param');
      await users.resetPassword(id, c.req.valid('json').password, c.get('auth').user.id);
      return c.body(null, 204);
    });
}
