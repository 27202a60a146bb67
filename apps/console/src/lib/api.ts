/**
 * The console's typed client for /api/v1. Every answer is parsed with the same zod schema the server
 * validates with, so a page only ever sees well-formed data or an `ApiError`.
 */
import {
  ErrorBody,
  Me,
  UnitList,
  User,
  UserList,
  type CreateUserRequest,
  type ErrorCode,
  type LoginRequest,
  type UpdateUserRequest,
} from '@hailong/contracts';

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

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Do not call the unauthenticated handler on 401 (the session probe and sign-in itself). */
  anonymous?: boolean;
}

const BASE = '/api/v1';

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', '');
  }
}

async function failure(response: Response, options: RequestOptions): Promise<ApiError> {
  const body = ErrorBody.safeParse(await response.json().catch(() => undefined));
  const error = body.success
    ? new ApiError(
        response.status,
        body.data.error.code,
        body.data.error.message,
        body.data.error.details,
      )
    : new ApiError(
        response.status,
        response.status === 401 ? 'unauthenticated' : 'bad_response',
        '',
      );
  if (error.code === 'unauthenticated' && !options.anonymous) onUnauthenticated();
  return error;
}

/** What `request` needs of a zod schema (the console takes its schemas from @hailong/contracts). */
export interface Schema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: unknown } };
}

/** Sends a request and parses a 2xx answer with `schema`; throws `ApiError` for everything else. */
export async function request<T>(
  method: string,
  path: string,
  schema: Schema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options);
  if (!response.ok) throw await failure(response, options);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError(response.status, 'bad_response', '', parsed.error.issues);
  return parsed.data;
}

/** Like `request` for answers without a body (204). */
export async function requestEmpty(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<void> {
  const response = await send(method, path, options);
  if (!response.ok) throw await failure(response, options);
}

const id = (value: string) => encodeURIComponent(value);

export const api = {
  auth: {
    login: (body: LoginRequest) => request('POST', '/auth/login', Me, { body, anonymous: true }),
    logout: () => requestEmpty('POST', '/auth/logout', { anonymous: true }),
    /** The current session, or null when there is none (401 is an answer here, not an error). */
    me: async (): Promise<Me | null> => {
      try {
        return await request('GET', '/auth/me', Me, { anonymous: true });
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
  },
  users: {
    list: (signal?: AbortSignal) => request('GET', '/users', UserList, { signal }),
    create: (body: CreateUserRequest) => request('POST', '/users', User, { body }),
    update: (userId: string, body: UpdateUserRequest) =>
      request('PATCH', `/users/${id(userId)}`, User, { body }),
    resetPassword: (userId: string, password: string) =>
      requestEmpty('POST', `/users/${id(userId)}/password`, { body: { password } }),
  },
  units: {
    list: (signal?: AbortSignal) => request('GET', '/units', UnitList, { signal }),
  },
};
