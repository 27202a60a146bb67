/**
 * Proof that the console's calls are checked against the OpenAPI document: each line below misuses
 * the API the way a renamed path, parameter or field would, and must fail to compile — if one ever
 * compiles, `@ts-expect-error` is unused and `npm run typecheck` fails. Never imported nor run.
 */
import { FeedbackList, UserList } from '@hailong/contracts';
import { GET, POST, href, parsed } from './api-client.ts';

export async function misuses(signal: AbortSignal) {
  // The right call compiles, so the failures below are about the misuse alone.
  await parsed(GET('/api/v1/users', { signal }), UserList);
  // @ts-expect-error a path the server does not have
  await GET('/api/v1/user', { signal });
  // @ts-expect-error a path parameter under another name
  await GET('/api/v1/feedback/{id}', { params: { path: { itemId: 'x' } } });
  // @ts-expect-error a query parameter the operation does not take
  await GET('/api/v1/tally/node', { params: { query: { period: '2026-03', unit: 'x' } } });
  // @ts-expect-error a body field the operation does not take
  await POST('/api/v1/auth/login', { body: { user: 'a', password: 'b' } });
  const user = {
    username: 'a',
    displayName: 'A',
    role: 'viewer',
    password: 'b'.repeat(10),
  } as const;
  await POST('/api/v1/users', { body: user });
  // @ts-expect-error an optional body field under another name
  await POST('/api/v1/users', { body: { ...user, emailAddress: null } });
  const { data } = await GET('/api/v1/phone/config', { params: { query: { unit: 'x' } } });
  // @ts-expect-error a response field the document does not have
  void data?.unit.title;
  // @ts-expect-error a schema that is not the answer of that path
  await parsed(GET('/api/v1/users', { signal }), FeedbackList);
  // @ts-expect-error a download the server does not offer
  void href('/api/v1/exports/tally.pdf');
}
