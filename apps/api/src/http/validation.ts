import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './router.ts';
import { errorBody } from './errors.ts';

/**
 * The answer to a request that fails its zod schema: 422 with each problem's path and message,
 * so a client can point at the field.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  return c.json(errorBody('validation_failed', 'Dữ liệu không hợp lệ.', details), 422);
};
