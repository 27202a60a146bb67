/**
 * The console's calls to /api/v1, one function per thing a page does. Paths, parameters and bodies
 * are checked against the OpenAPI document at compile time, answers parsed with the server's zod
 * schemas at run time (api-client.ts).
 */
import {
  CatalogueImportResult,
  CommentList,
  CounterTallyList,
  Device,
  DeviceList,
  Enrollment,
  FeedbackDetail,
  FeedbackList,
  FeedbackSettings,
  FirstUnitResult,
  Holiday,
  HolidayList,
  League,
  Me,
  NodeTally,
  NodeTrend,
  PublicAddress,
  SessionState,
  SetupStatus,
  TallyNodes,
  TargetList,
  UnitFeedbackSettings,
  UnitFeedbackSettingsList,
  UnitList,
  User,
  UserList,
  type CreateEnrollmentRequest,
  type CreateUserRequest,
  type FeedbackListParams,
  type FirstUnitRequest,
  type LoginRequest,
  type PutHolidayRequest,
  type PutUnitFeedbackSettingsRequest,
  type TransitionRequest,
  type UnitKind,
  type UpdateUserRequest,
} from '@hailong/contracts';
import type { paths } from '@hailong/contracts/openapi';
import { GET, POST, PUT, PATCH, DELETE, empty, href, parsed, upload } from './api-client.ts';

export { ApiError, setUnauthenticatedHandler } from './api-client.ts';

/** A change of the targets as it goes on the wire (the contract's input type leaves `year` open). */
export type TargetsChange =
  paths['/api/v1/targets']['patch']['requestBody']['content']['application/json'];

export const api = {
  auth: {
    login: (body: LoginRequest) =>
      parsed(POST('/api/v1/auth/login', { body }), Me, { anonymous: true }),
    logout: () => empty(POST('/api/v1/auth/logout'), { anonymous: true }),
    /** The current session, or null when there is none; never a 401 in the browser's console. */
    me: async (): Promise<Me | null> =>
      (await parsed(GET('/api/v1/auth/session'), SessionState, { anonymous: true })).me,
  },
  users: {
    list: (signal?: AbortSignal) => parsed(GET('/api/v1/users', { signal }), UserList),
    create: (body: CreateUserRequest) => parsed(POST('/api/v1/users', { body }), User),
    update: (userId: string, body: UpdateUserRequest) =>
      parsed(PATCH('/api/v1/users/{id}', { params: { path: { id: userId } }, body }), User),
    resetPassword: (userId: string, password: string) =>
      empty(
        POST('/api/v1/users/{id}/password', {
          params: { path: { id: userId } },
          body: { password },
        }),
      ),
  },
  units: {
    list: (signal?: AbortSignal) => parsed(GET('/api/v1/units', { signal }), UnitList),
  },
  /** The address tablets and citizens reach (PUBLIC_URL), or null when it is not configured. */
  publicAddress: (signal?: AbortSignal) =>
    parsed(GET('/api/v1/settings/public', { signal }), PublicAddress),
  devices: {
    list: (signal?: AbortSignal) => parsed(GET('/api/v1/devices', { signal }), DeviceList),
    /** A one-time code (24 hours) a tablet trades for its token. */
    createEnrollment: (body: CreateEnrollmentRequest) =>
      parsed(POST('/api/v1/enrollments', { body }), Enrollment),
    revoke: (deviceId: string) =>
      empty(POST('/api/v1/devices/{id}/revoke', { params: { path: { id: deviceId } } })),
    /** Binds a tablet to another counter (quầy) of its unit, or to none (null). */
    bindCounter: (deviceId: string, counterId: string | null) =>
      parsed(
        PATCH('/api/v1/devices/{id}', { params: { path: { id: deviceId } }, body: { counterId } }),
        Device,
      ),
  },
  feedback: {
    list: (query: Partial<FeedbackListParams>, signal?: AbortSignal) =>
      parsed(GET('/api/v1/feedback', { params: { query }, signal }), FeedbackList),
    get: (itemId: string, signal?: AbortSignal) =>
      parsed(
        GET('/api/v1/feedback/{id}', { params: { path: { id: itemId } }, signal }),
        FeedbackDetail,
      ),
    transition: (itemId: string, body: TransitionRequest) =>
      parsed(
        POST('/api/v1/feedback/{id}/transitions', { params: { path: { id: itemId } }, body }),
        FeedbackDetail,
      ),
    assign: (itemId: string, assigneeId: string | null) =>
      parsed(
        PUT('/api/v1/feedback/{id}/assignee', {
          params: { path: { id: itemId } },
          body: { assigneeId },
        }),
        FeedbackDetail,
      ),
    eraseContact: (itemId: string) =>
      parsed(
        POST('/api/v1/feedback/{id}/contact/erase', { params: { path: { id: itemId } } }),
        FeedbackDetail,
      ),
    settings: () => parsed(GET('/api/v1/feedback/settings'), FeedbackSettings),
    saveSettings: (body: FeedbackSettings) =>
      parsed(PUT('/api/v1/feedback/settings', { body }), FeedbackSettings),
    unitSettings: (signal?: AbortSignal) =>
      parsed(GET('/api/v1/feedback/settings/units', { signal }), UnitFeedbackSettingsList),
    saveUnitSettings: (unitId: string, body: PutUnitFeedbackSettingsRequest) =>
      parsed(
        PUT('/api/v1/feedback/settings/units/{unitId}', { params: { path: { unitId } }, body }),
        UnitFeedbackSettings,
      ),
  },
  holidays: {
    list: (year: number, signal?: AbortSignal) =>
      parsed(GET('/api/v1/holidays', { params: { query: { year } }, signal }), HolidayList),
    put: (date: string, body: PutHolidayRequest) =>
      parsed(PUT('/api/v1/holidays/{date}', { params: { path: { date } }, body }), Holiday),
    remove: (date: string) =>
      empty(DELETE('/api/v1/holidays/{date}', { params: { path: { date } } })),
  },
  tally: {
    /** A node of the tree over a period ("2026-03", "2026-Q1", "2026-H1", "2026-9M", "2026"). */
    node: (node: string | undefined, period: string, signal?: AbortSignal) =>
      parsed(GET('/api/v1/tally/node', { params: { query: { node, period } }, signal }), NodeTally),
    /** A node's totals month by month, `from` to `to` inclusive. */
    nodeTrend: (node: string | undefined, from: string, to: string, signal?: AbortSignal) =>
      parsed(
        GET('/api/v1/tally/node/trend', { params: { query: { node, from, to } }, signal }),
        NodeTrend,
      ),
    /** The figures of each counter (quầy) of a unit. */
    counters: (unit: string, period: string, signal?: AbortSignal) =>
      parsed(
        GET('/api/v1/tally/counters', { params: { query: { unit, period } }, signal }),
        CounterTallyList,
      ),
    /** The tree the reader may report on. */
    nodes: (signal?: AbortSignal) => parsed(GET('/api/v1/tally/nodes', { signal }), TallyNodes),
    /** Where the browser downloads a node's report for a period. */
    nodeExportUrl: (format: 'csv' | 'xlsx', node: string | undefined, period: string) =>
      href(`/api/v1/exports/tally.${format}`, { node, period }),
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
    ) => parsed(GET('/api/v1/tally/comments', { params: { query }, signal }), CommentList),
    /** Where the browser downloads a node's comments for a period (CSV). */
    commentsExportUrl: (node: string | undefined, period: string) =>
      href('/api/v1/exports/comments.csv', { node, period }),
    /** The league table of one level (`kind`) or of the units beneath `parent`. */
    league: (query: { period: string; kind?: UnitKind; parent?: string }, signal?: AbortSignal) =>
      parsed(GET('/api/v1/league', { params: { query }, signal }), League),
  },
  targets: {
    list: (year: number, signal?: AbortSignal) =>
      parsed(GET('/api/v1/targets', { params: { query: { year } }, signal }), TargetList),
    update: (body: TargetsChange) => parsed(PATCH('/api/v1/targets', { body }), TargetList),
  },
  setup: {
    /** Whether the catalogue is still empty (first run without demo data). */
    status: (signal?: AbortSignal) => parsed(GET('/api/v1/setup/status', { signal }), SetupStatus),
    firstUnit: (body: FirstUnitRequest) =>
      parsed(POST('/api/v1/setup/first-unit', { body }), FirstUnitResult),
  },
  catalogueFiles: {
    /** Where the browser downloads the template or the whole catalogue (a plain link). */
    templateUrl: (format: 'csv' | 'xlsx') => href(`/api/v1/catalogue/template.${format}`),
    exportUrl: (format: 'csv' | 'xlsx') => href(`/api/v1/catalogue/export.${format}`),
    /** Plans a catalogue file (dry run), or applies it in one transaction. */
    import: (file: File, apply: boolean) =>
      parsed(
        POST('/api/v1/catalogue/import', {
          params: { query: { dryRun: apply ? '0' : '1' } },
          body: upload(file),
        }),
        CatalogueImportResult,
      ),
  },
};
