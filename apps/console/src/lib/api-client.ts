/**
 * How the console speaks to /api/v1: through openapi-fetch over the types generated from the
 * server's OpenAPI document (`npm run api-types`), so a path, parameter or body the server no
 * longer has fails the typecheck. Every 2xx body is then parsed with the zod schema the server
 * answers with — whose type must be one the document allows there — so a page only ever sees
 * well-formed data or an `ApiError`.
 */
import createClient, { type FetchOptions, type FetchResponse } from 'openapi-fetch';
import { ErrorBody, type ErrorCode } from '@hailong/contracts';
import type { paths } from '@hailong/contracts/openapi';

/** Server codes plus two the client raises itself: the server was unreachable or answered nonsense. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'bad_response';

/** A field problem as the server reports it with `validation_failed`: `{ path: "unitId", message }`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The per-field problems of a `validation_failed` answer, if the server sent any. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as FieldIssue).path === 'string' &&
        typeof (d as FieldIssue).message === 'string',
    );
  }
}

type UnauthenticatedHandler = () => void;
let onUnauthenticated: UnauthenticatedHandler = () => {};

/**
 * Called when a signed-in request is answered 401 `unauthenticated` (session expired, ended by an
 * admin, or the account was disabled). The session store registers itself here.
 */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler) {
  onUnauthenticated = handler;
}

/** `?a=1&b=2` of the defined, non-empty values. */
export function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const client = createClient<paths>({
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  // An empty filter is no filter: pages pass '' for "all".
  querySerializer: (query) => queryString(query).slice(1),
});

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
/** The document's paths (`/api/v1/...`, on this origin) that have a `method` operation. */
type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never;
}[keyof paths];
type Operation<P extends keyof paths, M extends Method> = paths[P][M] & object;
type Init<P extends keyof paths, M extends Method> = FetchOptions<Operation<P, M>>;
/** The init may be left out when the operation needs no parameter and no body. */
type InitArg<I> = object extends I ? [init?: I] : [init: I];
type Answered<P extends keyof paths, M extends Method> = Promise<
  FetchResponse<Operation<P, M>, Init<P, M>, `${string}/${string}`>
>;

/**
 * openapi-fetch infers a call's init from the argument, which lets a misspelt optional parameter
 * or body field through; typed against the operation itself, a literal is checked exactly.
 */
function method<M extends Method>(name: M) {
  return <P extends PathWith<M>>(path: P, ...[init]: InitArg<Init<P, M>>): Answered<P, M> =>
    client.request(name, path as never, init as never) as never;
}

export const GET = method('get');
export const POST = method('post');
export const PUT = method('put');
export const PATCH = method('patch');
export const DELETE = method('delete');

/** What a call resolves to: the parsed body of a 2xx (`data`) or of anything else (`error`). */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The body type the document gives a call's 2xx answers. */
type Data<A> = A extends { data: infer D } ? D : never;

interface CallOptions {
  /** Do not call the unauthenticated handler on 401 (the session probe and sign-in itself). */
  anonymous?: boolean;
}

async function settle<A extends Answer>(call: Promise<A>, options: CallOptions): Promise<A> {
  let answer: A;
  try {
    answer = await call;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    // openapi-fetch parses a 2xx body itself; one that is not JSON is the server's fault, not the link's.
    if (err instanceof SyntaxError) throw new ApiError(0, 'bad_response', '');
    throw new ApiError(0, 'network_error', '');
  }
  if (answer.response.ok) return answer;
  const { status } = answer.response;
  const body = ErrorBody.safeParse(answer.error);
  const error = body.success
    ? new ApiError(status, body.data.error.code, body.data.error.message, body.data.error.details)
    : new ApiError(status, status === 401 ? 'unauthenticated' : 'bad_response', '');
  if (error.code === 'unauthenticated' && !options.anonymous) onUnauthenticated();
  throw error;
}

/** What `parsed` needs of a zod schema (the console takes its schemas from @hailong/contracts). */
interface Schema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: unknown } };
}

/**
 * Awaits a call (`GET(...)`, `POST(...)`…) and parses its 2xx body with `schema`; throws `ApiError` for
 * everything else. `schema`'s type must fit the document's answer for that path and method.
 */
export async function parsed<A extends Answer, T extends Data<A>>(
  call: Promise<A>,
  schema: Schema<T>,
  options: CallOptions = {},
): Promise<T> {
  const { data, response } = await settle(call, options);
  const result = schema.safeParse(data);
  if (!result.success) throw new ApiError(response.status, 'bad_response', '', result.error.issues);
  return result.data;
}

/** Like `parsed` for answers without a body (204). */
export async function empty(call: Promise<Answer>, options: CallOptions = {}): Promise<void> {
  await settle(call, options);
}

/**
 * A file as a multipart body (`file` field): the document describes such bodies in words only, so
 * their type is the client's `never`.
 */
export function upload(file: File): never {
  const form = new FormData();
  form.set('file', file);
  return form as never;
}

type QueryOf<P extends PathWith<'get'>> = paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? NonNullable<Q>
  : never;

/** A link to a download the document describes, with its query (a plain link: the cookie goes along). */
export function href<P extends PathWith<'get'>>(path: P, query?: QueryOf<P>): string {
  return path + queryString(query ?? {});
}
