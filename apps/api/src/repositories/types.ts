/**
 * The storage contract of the API: one repository per aggregate. Each is implemented once over
 * Kysely and runs unchanged on both dialects (SQLite, PostgreSQL); `repositories.contract.test.ts`
 * proves the same behaviour on both. All times are epoch milliseconds (UTC).
 */
import type { Role, ScaleId, UnitKind } from '@hailong/contracts';
import type {
  AlertDelivery,
  AttitudeAnswerCode,
  FeedbackKind,
  RespondentTypeCode,
  RollupCategory,
  SeqRange,
  SourceChannel,
} from '@hailong/domain';
import type { AlertRepository, OutboxRepository } from '../alerts/alert-types.ts';
import type { SurveyRepository } from '../survey/survey-types.ts';
import type { AssessmentRepository } from '../assessment/assessment-types.ts';
import type { AnswerModeRepository } from '../reports/answer-modes.repository.ts';
import type { LanguagePackRepository } from '../language/language.repository.ts';
import type { FeedbackRepository, HolidayRepository } from '../feedback/feedback-types.ts';
import type {
  AttachmentRepository,
  PublicRegisterRepository,
  VerdictRepository,
} from '../reports/channel-types.ts';
import type { EventRepository } from '../events/events.repository.ts';
import type { JobRepository } from '../jobs/jobs.repository.ts';
import type { AgencyRepository } from '../public/agency.repository.ts';
import type { PullTokensRepository } from '../indicators/pull-tokens.repository.ts';
import type { EvidenceRepository } from '../evidence/evidence.repository.ts';
import type { RecordChainRepository } from '../ingest/record-chain.repository.ts';
import type { IntegrityRepository } from '../integrity/integrity.repository.ts';
import type { ShortLinkRepository } from '../public/short-links.repository.ts';
import type { CountingRepository } from '../ingest/counting.repository.ts';
import type { RatingAmendmentRepository } from '../ingest/rating-amendments.repository.ts';
import type {
  NodeRollupRepository,
  RatingCommentRepository,
  ReportCatalogueRepository,
  TargetRepository,
} from '../reports/report-types.ts';

export type * from '../feedback/feedback-types.ts';
export type * from '../reports/report-types.ts';
export type * from '../alerts/alert-types.ts';
export type * from '../reports/channel-types.ts';
export type * from '../assessment/assessment-types.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  passwordHash: string;
  disabledAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** Where alerts are mailed (migration 010); absent or null: the console only. */
  email?: string | null;
  alertDelivery?: AlertDelivery;
  /** The hour (Việt Nam time) of the daily digest. */
  digestHour?: number;
}

export type UserPatch = Partial<
  Pick<
    UserRow,
    | 'displayName'
    | 'role'
    | 'unitId'
    | 'passwordHash'
    | 'disabledAt'
    | 'email'
    | 'alertDelivery'
    | 'digestHour'
  >
> & { updatedAt: number };

export interface UserRepository {
  /** Fails with `UniqueViolation` when the username is taken. */
  create(user: UserRow): Promise<void>;
  findById(id: string): Promise<UserRow | undefined>;
  findByUsername(username: string): Promise<UserRow | undefined>;
  /** Ordered by username. */
  list(): Promise<UserRow[]>;
  /** Returns the updated row, or undefined when no such user. */
  update(id: string, patch: UserPatch): Promise<UserRow | undefined>;
  count(): Promise<number>;
}

export interface SessionRow {
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  idHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export interface SessionRepository {
  create(session: SessionRow): Promise<void>;
  /** The session if it exists and `expiresAt > now`. */
  findActive(idHash: string, now: number): Promise<SessionRow | undefined>;
  touch(idHash: string, lastSeenAt: number, expiresAt: number): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Ends every session of a user (disable, password reset). Returns how many ended. */
  deleteForUser(userId: string): Promise<number>;
  deleteExpired(now: number): Promise<number>;
}

export interface UnitRow {
  id: string;
  /** Unique among the unit's siblings; stable (never reused for another unit). */
  code: string;
  name: string;
  kind: UnitKind;
  /** The scale in force now; `unit_scales` holds the months each scale applies from. */
  scale: ScaleId;
  sortOrder: number;
  createdAt: number;
  /** The unit above in the organisation tree; null for a root (the province). */
  parentId: string | null;
  /** Archived units disappear from tablets and forms but stay in past reports. */
  archivedAt: number | null;
  updatedAt: number | null;
}

export interface SectorRow {
  id: string;
  unitId: string;
  code: string;
  name: string;
  sortOrder: number;
  createdAt: number;
  archivedAt: number | null;
  updatedAt: number | null;
}

/** Quầy: a counter of a unit's one-stop desk; a tablet may be bound to one. */
export interface CounterRow {
  id: string;
  unitId: string;
  code: string;
  name: string;
  sortOrder: number;
  archivedAt: number | null;
  createdAt: number;
  updatedAt: number | null;
}

export type CatalogueEntityType = 'unit' | 'sector' | 'counter';

/** One change of a unit, sector or counter; the state (name, parent) in force from `month` on. */
export interface CatalogueHistoryRow {
  id: string;
  entityType: CatalogueEntityType;
  entityId: string;
  at: number;
  /** "YYYY-MM" (Asia/Ho_Chi_Minh) from which this state applies. */
  month: string;
  action: 'create' | 'rename' | 'move' | 'archive' | 'restore' | 'reorder' | 'update' | 'scale';
  name: string;
  /** Units: the parent unit; sectors and counters: their unit. */
  parentId: string | null;
  actorId: string | null;
  /** JSON-serialisable details of the change. */
  details: unknown;
}

/** The scale a unit uses from a month on (a change applies from the next month only). */
export interface UnitScaleRow {
  unitId: string;
  fromMonth: string;
  scale: ScaleId;
  updatedAt: number;
}

export interface TargetRow {
  unitId: string;
  sectorId: string;
  year: number;
  /** Target in basis points: 9000 = 90,00 %. */
  targetBp: number;
  updatedAt: number;
  updatedBy: string | null;
}

export type UnitPatch = Partial<
  Pick<UnitRow, 'name' | 'kind' | 'scale' | 'parentId' | 'sortOrder' | 'archivedAt'>
> & { updatedAt: number };
export type SectorPatch = Partial<
  Pick<SectorRow, 'name' | 'unitId' | 'sortOrder' | 'archivedAt'>
> & { updatedAt: number };
export type CounterPatch = Partial<
  Pick<CounterRow, 'name' | 'unitId' | 'sortOrder' | 'archivedAt'>
> & { updatedAt: number };

/** Which rows a list returns: everything (reports) or only what is not archived (tablets, forms). */
export interface ListOptions {
  activeOnly?: boolean;
}

export interface CatalogueRepository {
  /**
   * Serialises changes to the catalogue until the transaction ends (PostgreSQL: an advisory lock;
   * SQLite has one writer), so that two concurrent moves cannot together make a cycle.
   */
  lockTree(): Promise<void>;
  /** Fails with `UniqueViolation('units_parent_code_unique')` on a code taken among its siblings. */
  createUnit(unit: UnitRow): Promise<void>;
  /** Fails with `UniqueViolation('sectors_unit_id_code_unique')` on a code taken within the unit. */
  createSector(sector: SectorRow): Promise<void>;
  /** Fails with `UniqueViolation('counters_unit_id_code_unique')` on a code taken within the unit. */
  createCounter(counter: CounterRow): Promise<void>;
  /** Returns the updated row, undefined when none; `UniqueViolation` when a move clashes a code. */
  updateUnit(id: string, patch: UnitPatch): Promise<UnitRow | undefined>;
  updateSector(id: string, patch: SectorPatch): Promise<SectorRow | undefined>;
  updateCounter(id: string, patch: CounterPatch): Promise<CounterRow | undefined>;
  findUnit(id: string): Promise<UnitRow | undefined>;
  findSector(id: string): Promise<SectorRow | undefined>;
  findCounter(id: string): Promise<CounterRow | undefined>;
  /**
   * In catalogue order: depth first, each unit before its sub-units, siblings by sortOrder then
   * name (Vietnamese collation). Archived ones too unless asked.
   */
  listUnits(options?: ListOptions): Promise<UnitRow[]>;
  /** All sectors (or one unit's), ordered by unit, sortOrder, then name. */
  listSectors(unitId?: string, options?: ListOptions): Promise<SectorRow[]>;
  /** All counters (or one unit's), ordered by unit, sortOrder, then name. */
  listCounters(unitId?: string, options?: ListOptions): Promise<CounterRow[]>;
  countUnits(): Promise<number>;
  appendHistory(row: CatalogueHistoryRow): Promise<void>;
  /** Changes in the order they were made; of one entity, one type, or everything. */
  listHistory(filter?: {
    entityType?: CatalogueEntityType;
    entityId?: string;
  }): Promise<CatalogueHistoryRow[]>;
  /** Scales of every unit (or some) with the month each applies from, ordered by unit and month. */
  listUnitScales(unitIds?: readonly string[]): Promise<UnitScaleRow[]>;
  /** Sets the scale a unit uses from `fromMonth` on (replacing a change planned for that month). */
  upsertUnitScale(row: UnitScaleRow): Promise<void>;
  /** Inserts or replaces the target of (unit, sector, year). */
  upsertTarget(target: TargetRow): Promise<void>;
  listTargets(year: number): Promise<TargetRow[]>;
  /** The default target of a year in basis points, if one was set. */
  findDefaultTarget(year: number): Promise<number | undefined>;
  upsertDefaultTarget(year: number, targetBp: number, updatedAt: number): Promise<void>;
}

/** Attempt counters for logins, enrollment codes and tracking-code lookups. */
export interface LoginThrottleRepository {
  /**
   * Takes one of `limit` attempts of `key` in its current window (which starts at the first attempt
   * and lasts `windowMs`), atomically: the window's start if granted, undefined if none is left.
   */
  reserve(key: string, limit: number, windowMs: number, now: number): Promise<number | undefined>;
  /** Gives one attempt back, only if the window that granted it (by its start) is still current. */
  release(key: string, windowStart: number): Promise<void>;
  clear(key: string): Promise<void>;
  /** Deletes windows that started before `before`; returns how many. */
  prune(before: number): Promise<number>;
}

export interface AuditEventRow {
  id: string;
  at: number;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** JSON-serialisable details of the change. */
  details: unknown;
}

export interface AuditRepository {
  append(event: AuditEventRow): Promise<void>;
  /** Newest first. */
  list(filter: { entityType?: string; entityId?: string; limit: number }): Promise<AuditEventRow[]>;
}

export interface EnrollmentRow {
  /** SHA-256 of the canonical code; the code itself is shown once and never stored. */
  codeHash: string;
  unitId: string;
  label: string;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  deviceId: string | null;
  /** The counter the enrolled tablet will be bound to, if any. */
  counterId: string | null;
}

export interface DeviceRow {
  id: string;
  unitId: string;
  label: string;
  tokenHash: string;
  enrolledAt: number;
  revokedAt: number | null;
  lastSeenAt: number | null;
  lastSyncAt: number | null;
  highestSeq: number;
  receivedCount: number;
  lastRatingAt: number | null;
  /** The counter (quầy) the tablet stands at, if bound to one. */
  counterId: string | null;
  /**
   * The highest sequence number the tablet reported giving (a sync's `highestSeq`), kept even when
   * the server lacks those records (after a restore); 0 when it never reported one.
   */
  reportedSeq?: number;
}

export interface DeviceRepository {
  createEnrollment(enrollment: EnrollmentRow): Promise<void>;
  /**
   * Marks an unused, unexpired enrollment as used by `deviceId` and returns it; undefined when the
   * code is unknown, used or expired. One statement, so two tablets cannot both use one code.
   */
  consumeEnrollment(
    codeHash: string,
    deviceId: string,
    now: number,
  ): Promise<EnrollmentRow | undefined>;
  createDevice(device: Omit<DeviceRow, 'reportedSeq'>): Promise<void>;
  findById(id: string): Promise<DeviceRow | undefined>;
  /** The device with this token hash if it is not revoked. */
  findActiveByTokenHash(tokenHash: string): Promise<DeviceRow | undefined>;
  /** Enrolled tablets (every device is one: phone and staff are sources, not devices). */
  list(): Promise<DeviceRow[]>;
  revoke(id: string, at: number): Promise<boolean>;
  /** Binds the device to a counter (or none); returns the updated row, undefined when unknown. */
  setCounter(id: string, counterId: string | null): Promise<DeviceRow | undefined>;
  touchSeen(id: string, at: number): Promise<void>;
  /** Received sequence ranges of a device, ordered. */
  listSeqRanges(deviceId: string): Promise<SeqRange[]>;
  /** Sequence ranges of every device, for the device list's gap report. */
  listAllSeqRanges(): Promise<Map<string, SeqRange[]>>;
  /** How many records each device had refused (devices with none are absent). */
  countRefusals(): Promise<Map<string, number>>;
  /** A device's refused records, in sequence order. */
  listRefusals(deviceId: string): Promise<RecordRefusalRow[]>;
}

export interface RecordLedgerRow {
  /** The canonical id for records stored since migration 005; as sent for older ones. */
  id: string;
  /** The id in its compared form (lower case); null on older rows whose id already was. */
  canonicalId: string | null;
  /** What the record came through (migration 019). */
  source: SourceChannel;
  /** The tablet's; null for phone and staff records. */
  deviceId: string | null;
  /** Phone and staff: the unit whose source it is; null for a tablet's. */
  sourceKey: string | null;
  /** The tablet's number for it; null for phone and staff records (nobody numbers them). */
  seq: number | null;
  kind: 'rating' | 'feedback';
  receivedAt: number;
  /** SHA-256 of the record as validated; null on rows stored before migration 005. */
  contentHash: string | null;
}

/**
 * The ledger's refusals (an id or tracking code taken, a resend with other content) and the unit
 * policy's (unit-policy.ts: a sector not of the unit, a level off its scale, a malformed code).
 */
export type RecordRefusalCode =
  'id_taken' | 'conflict' | 'tracking_code_taken' | 'unknown_sector' | 'validation_failed';

/** A tablet's record refused for good, for staff to see with the tablet. */
export interface RecordRefusalRow {
  deviceId: string;
  /** Canonical id of the refused record. */
  recordId: string;
  contentHash: string;
  seq: number;
  kind: 'rating' | 'feedback';
  code: RecordRefusalCode;
  otherDeviceId: string | null;
  trackingCode: string | null;
  at: number;
  /** The unit policy's words (migration 019); null for the ledger's refusals. */
  reason?: string | null;
}

export interface RatingRow {
  id: string;
  /** The tablet's; null for phone and staff ratings (`channel` says which). */
  deviceId: string | null;
  unitId: string;
  sectorId: string;
  /** The counter the citizen was served at, as the tablet recorded it (else its binding). */
  counterId: string | null;
  level: number;
  reasons: string[];
  comment: string | null;
  deviceTime: number;
  receivedAt: number;
  month: string;
  category: RollupCategory;
  channel: SourceChannel;
  /** The officer on duty at the counter when the citizen rated, as the tablet recorded it. */
  officerId: string | null;
  dossierCode: string | null;
  respondentType: RespondentTypeCode | null;
  visits: number | null;
  agencies: number | null;
  attitude: AttitudeAnswerCode | null;
  /** How the citizen answered (issue 27): the pack's language (null: Vietnamese), 1/0 flags. */
  language?: string | null;
  audio?: number;
  largeText?: number;
}

export interface FeedbackItemRow {
  id: string;
  deviceId: string | null;
  unitId: string;
  sectorId: string | null;
  kind: FeedbackKind;
  trackingCode: string;
  content: string;
  contactName: string | null;
  contactPhone: string | null;
  consentVersion: string | null;
  consentAt: number | null;
  deviceTime: number;
  receivedAt: number;
  clockSuspect: boolean;
  /** SHA-256 of the citizen's verdict token; null (or absent) where the citizen has none. */
  verdictTokenHash?: string | null;
}

/** A stored rating with its place in the device's sequence, for the repeat check. */
export type TimelineRatingRow = RatingRow & { seq: number };

/** The write side of sync: every method runs inside the batch transaction. */
export interface IngestRepository {
  /**
   * Serialises batches of one device (PostgreSQL row lock; SQLite has one writer) and returns it
   * as of now, so range merges and repeat checks see every earlier batch.
   */
  lockDevice(deviceId: string): Promise<DeviceRow | undefined>;
  /**
   * Inserts ledger rows, skipping any whose id or canonical id is already stored (by any device);
   * returns the canonical ids actually inserted.
   */
  insertRecords(rows: RecordLedgerRow[]): Promise<Set<string>>;
  /** The ledger rows holding these canonical ids, by canonical id. */
  findRecords(canonicalIds: readonly string[]): Promise<Map<string, RecordLedgerRow>>;
  /** Removes ledger rows inserted earlier in the same transaction (records refused after all). */
  deleteRecords(ids: readonly string[]): Promise<void>;
  insertRatings(rows: RatingRow[]): Promise<void>;
  /**
   * Inserts feedback items, skipping any whose tracking code another item has (or one earlier in
   * `rows`); returns the ids actually inserted.
   */
  insertFeedback(rows: FeedbackItemRow[]): Promise<Set<string>>;
  /** A device's ratings (bad clocks left out) with device time in any of the ranges, inclusive. */
  listRatingsNear(
    deviceId: string,
    ranges: readonly { from: number; to: number }[],
  ): Promise<TimelineRatingRow[]>;
  /**
   * Turns these `counted` ratings into repeats or superseded ones (their counters move through
   * reports/counters.ts, the caller).
   */
  markCategory(rows: RatingRow[], to: Exclude<RollupCategory, 'counted'>): Promise<void>;
  findRatings(ids: readonly string[]): Promise<RatingRow[]>;
  /** Records refusals; one already recorded (same device, record and content) is not counted again. */
  recordRefusals(rows: RecordRefusalRow[]): Promise<void>;
  replaceSeqRanges(deviceId: string, ranges: SeqRange[]): Promise<void>;
  /** `lastRatingAt` is kept as the latest believable device time ever received. */
  recordSync(
    deviceId: string,
    update: { at: number; highestSeq: number; added: number; lastRatingAt: number | null },
  ): Promise<void>;
  /** Keeps the highest sequence number the tablet ever reported giving (`reportedSeq`). */
  recordReportedSeq(deviceId: string, highestSeq: number): Promise<void>;
}

export interface Repositories {
  readonly dialect: Dialect;
  users: UserRepository;
  sessions: SessionRepository;
  catalogue: CatalogueRepository;
  loginThrottle: LoginThrottleRepository;
  audit: AuditRepository;
  devices: DeviceRepository;
  ingest: IngestRepository;
  feedback: FeedbackRepository;
  holidays: HolidayRepository;
  nodeRollups: NodeRollupRepository;
  reportCatalogue: ReportCatalogueRepository;
  ratingComments: RatingCommentRepository;
  targets: TargetRepository;
  alerts: AlertRepository;
  outbox: OutboxRepository;
  /** Counter PINs, counter duty and unit survey settings (issue 12). */
  survey: SurveyRepository;
  verdicts: VerdictRepository;
  publicRegister: PublicRegisterRepository;
  attachments: AttachmentRepository;
  assessment: AssessmentRepository;
  /** The phone page's follow-up answers to a level stored alone (issue 21). */
  ratingAmendments: RatingAmendmentRepository;
  events: EventRepository;
  jobs: JobRepository;
  /** The dossier rule per unit, closed months and phone inclusion (issue 22). */
  counting: CountingRepository;
  /** The agency that heads the public pages (issue 24). */
  agency: AgencyRepository;
  /** The phone page's short links (migration 027). */
  shortLinks: ShortLinkRepository;
  /** Tokens of the provincial reporting system (migration 026). */
  pullTokens: PullTokensRepository;
  /** Signing keys and signed monthly checkpoints (issue 25). */
  evidence: EvidenceRepository;
  /** Tablet keys and the record chain's flags (issue 25 item 1). */
  recordChain: RecordChainRepository;
  integrity: IntegrityRepository;
  /** Ratings per answer mode (issue 27) and the language packs with their clips. */
  answerModes: AnswerModeRepository;
  languagePacks: LanguagePackRepository;
  /** Runs `work` in one database transaction with repositories bound to it. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** Thrown by repositories when a unique constraint rejects a write, on either dialect. */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique violation: ${constraint}`);
    this.name = 'UniqueViolation';
  }
}
