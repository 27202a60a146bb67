/**
 * The console's typed client for /api/v1. Every answer is parsed with the same zod schema the server
 * validates with, so a page only ever sees well-formed data or an `ApiError`.
 */
import {
  Device,
  DeviceList,
  Enrollment,
  ErrorBody,
  Me,
  PublicAddress,
  SessionState,
  UnitList,
  User,
  UserList,
  type CreateEnrollmentRequest,
  type CreateUserRequest,
  type ErrorCode,
  type LoginRequest,
  type UpdateDeviceRequest,
  type UpdateUserRequest,
} from '@hailong/contracts';
import {
  FeedbackDetail,
  FeedbackList,
  FeedbackSettings,
  Holiday,
  HolidayList,
  UnitFeedbackSettings,
  UnitFeedbackSettingsList,
  type FeedbackListParams,
  type PutUnitFeedbackSettingsRequest,
  type PutHolidayRequest,
  type TransitionRequest,
} from '@hailong/contracts';
import {
  CatalogueImportResult,
  FirstUnitResult,
  SetupStatus,
  type FirstUnitRequest,
  CounterTallyList,
  League,
} from '@hailong/contracts';
import {
  CommentList,
  MonthTally,
  NodeTally,
  NodeTrend,
  TallyNodes,
  TallyTrend,
  TargetList,
  type UnitKind,
  type UpdateTargetsRequest,
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
  /** A multipart body (file uploads); the browser sets its content type. */
  form?: FormData;
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
      body: options.form ?? (options.body === undefined ? null : JSON.stringify(options.body)),
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
    /** The current session, or null when there is none; never a 401 in the browser's console. */
    me: async (): Promise<Me | null> =>
      (await request('GET', '/auth/session', SessionState, { anonymous: true })).me,
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
  /** The address tablets and citizens reach (PUBLIC_URL), or null when it is not configured. */
  publicAddress: (signal?: AbortSignal) =>
    request('GET', '/settings/public', PublicAddress, { signal }),
  devices: {
    list: (signal?: AbortSignal) => request('GET', '/devices', DeviceList, { signal }),
    /** A one-time code (24 hours) a tablet trades for its token. */
    createEnrollment: (body: CreateEnrollmentRequest) =>
      request('POST', '/enrollments', Enrollment, { body }),
    revoke: (deviceId: string) => requestEmpty('POST', `/devices/${id(deviceId)}/revoke`),
    /** Binds a tablet to another counter (quầy) of its unit, or to none (null). */
    bindCounter: (deviceId: string, counterId: string | null) =>
      request('PATCH', `/devices/${id(deviceId)}`, Device, {
        body: { counterId } satisfies UpdateDeviceRequest,
      }),
  },
  feedback: {
    list: (query: Partial<FeedbackListParams>, signal?: AbortSignal) =>
      request('GET', `/feedback${queryString(query)}`, FeedbackList, { signal }),
    get: (itemId: string, signal?: AbortSignal) =>
      request('GET', `/feedback/${id(itemId)}`, FeedbackDetail, { signal }),
    transition: (itemId: string, body: TransitionRequest) =>
      request('POST', `/feedback/${id(itemId)}/transitions`, FeedbackDetail, { body }),
    assign: (itemId: string, assigneeId: string | null) =>
      request('PUT', `/feedback/${id(itemId)}/assignee`, FeedbackDetail, {
        body: { assigneeId },
      }),
    eraseContact: (itemId: string) =>
      request('POST', `/feedback/${id(itemId)}/contact/erase`, FeedbackDetail),
    settings: () => request('GET', '/feedback/settings', FeedbackSettings),
    saveSettings: (body: FeedbackSettings) =>
      request('PUT', '/feedback/settings', FeedbackSettings, { body }),
    unitSettings: (signal?: AbortSignal) =>
      request('GET', '/feedback/settings/units', UnitFeedbackSettingsList, { signal }),
    saveUnitSettings: (unitId: string, body: PutUnitFeedbackSettingsRequest) =>
      request('PUT', `/feedback/settings/units/${id(unitId)}`, UnitFeedbackSettings, { body }),
  },
  holidays: {
    list: (year: number, signal?: AbortSignal) =>
      request('GET', `/holidays?year=${year}`, HolidayList, { signal }),
    put: (date: string, body: PutHolidayRequest) =>
      request('PUT', `/holidays/${id(date)}`, Holiday, { body }),
    remove: (date: string) => requestEmpty('DELETE', `/holidays/${id(date)}`),
  },
  tally: {
    /** One month per unit and sector ('YYYY-MM'); all units the user may see, or one. */
    month: (month: string, unitId?: string, signal?: AbortSignal) =>
      request('GET', `/tally${queryString({ month, unitId })}`, MonthTally, { signal }),
    /** Unit totals month by month, `from` to `to` inclusive. */
    trend: (from: string, to: string, unitId?: string, signal?: AbortSignal) =>
      request('GET', `/tally${queryString({ from, to, unitId })}`, TallyTrend, { signal }),
    /** Where the browser downloads the monthly report (a plain link: the cookie goes along). */
    exportUrl: (format: 'csv' | 'xlsx', month: string, unitId?: string) =>
      `${BASE}/exports/tally.${format}${queryString({ month, unitId })}`,
    /** A node of the tree over a period ("2026-03", "2026-Q1", "2026-H1", "2026-9M", "2026"). */
    node: (node: string | undefined, period: string, signal?: AbortSignal) =>
      request('GET', `/tally${queryString({ node, period })}`, NodeTally, { signal }),
    /** A node's totals month by month, `from` to `to` inclusive. */
    nodeTrend: (node: string | undefined, from: string, to: string, signal?: AbortSignal) =>
      request('GET', `/tally${queryString({ node, from, to })}`, NodeTrend, { signal }),
    /** The figures of each counter (quầy) of a unit. */
    counters: (unit: string, period: string, signal?: AbortSignal) =>
      request('GET', `/tally/counters${queryString({ unit, period })}`, CounterTallyList, {
        signal,
      }),
    /** The tree the reader may report on. */
    nodes: (signal?: AbortSignal) => request('GET', '/tally/nodes', TallyNodes, { signal }),
    /** Where the browser downloads a node's report for a period. */
    nodeExportUrl: (format: 'csv' | 'xlsx', node: string | undefined, period: string) =>
      `${BASE}/exports/tally.${format}${queryString({ node, period })}`,
    /** Góp ý thêm: citizens' comments of a node over a period, a page at a time, newest first. */
    comments: (
      query: {
        node?: string;
        period: string;
        sector?: string;
        q?: string;
        limit?: number;
        offset?: number;
      },
      signal?: AbortSignal,
    ) => request('GET', `/tally/comments${queryString(query)}`, CommentList, { signal }),
    /** Where the browser downloads a node's comments for a period (CSV). */
    commentsExportUrl: (node: string | undefined, period: string) =>
      `${BASE}/exports/comments.csv${queryString({ node, period })}`,
    /** The league table of one level (`kind`) or of the units beneath `parent`. */
    league: (query: { period: string; kind?: UnitKind; parent?: string }, signal?: AbortSignal) =>
      request('GET', `/league${queryString(query)}`, League, { signal }),
  },
  targets: {
    list: (year: number, signal?: AbortSignal) =>
      request('GET', `/targets?year=${year}`, TargetList, { signal }),
    update: (body: UpdateTargetsRequest) => request('PATCH', '/targets', TargetList, { body }),
  },
  setup: {
    /** Whether the catalogue is still empty (first run without demo data). */
    status: (signal?: AbortSignal) => request('GET', '/setup/status', SetupStatus, { signal }),
    firstUnit: (body: FirstUnitRequest) =>
      request('POST', '/setup/first-unit', FirstUnitResult, { body }),
  },
  catalogueFiles: {
    /** Where the browser downloads the template or the whole catalogue (a plain link). */
    templateUrl: (format: 'csv' | 'xlsx') => `${BASE}/catalogue/template.${format}`,
    exportUrl: (format: 'csv' | 'xlsx') => `${BASE}/catalogue/export.${format}`,
    /** Plans a catalogue file (dry run), or applies it in one transaction. */
    import: (file: File, apply: boolean) => {
      const form = new FormData();
      form.set('file', file);
      return request('POST', `/catalogue/import?dryRun=${apply ? 0 : 1}`, CatalogueImportResult, {
        form,
      });
    },
  },
};

/** `?a=1&b=2` of the defined, non-empty values. */
export function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
