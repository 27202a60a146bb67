/**
 * The database as Kysely sees it. Properties are camelCase; `CamelCasePlugin` maps them to the
 * snake_case tables and columns that the migrations create. Times are epoch milliseconds in
 * `bigint` columns, read back as JS numbers on both dialects. Where a table holds exactly what its
 * repository returns, the table type is that row type, so the two cannot drift apart.
 */
import type { Generated } from 'kysely';
import type {
  FeedbackClassification,
  FeedbackCloseReason,
  FeedbackKind,
  FeedbackStatus,
  HolidayKind,
  RollupCategory,
  AttachmentKind,
  FeedbackSource,
  FeedbackVerdictValue,
  SourceChannel,
  RespondentTypeCode,
  AttitudeAnswerCode,
  AssessmentQuestion,
} from '@hailong/domain';

import type { ScaleId } from '@hailong/contracts';
import type {
  CatalogueHistoryRow,
  CounterRow,
  UnitScaleRow,
  EnrollmentRow,
  RecordLedgerRow,
  RecordRefusalRow,
  SectorRow,
  SessionRow,
  TargetRow,
  UnitRow,
  UserRow,
} from '../repositories/types.ts';
import type { DossierRow } from '../assessment/assessment-types.ts';
import type {
  AlertEventRow,
  AlertRow,
  AlertRuleSettingRow,
  DeliveryRow,
  UnhappyRow,
} from '../alerts/alert-types.ts';
import type {
  CounterDutyRow,
  CounterPinRow,
  UnitSurveySettingRow,
} from '../survey/survey-types.ts';

export type UnitTable = UnitRow;

export type SectorTable = SectorRow;

export type TargetTable = TargetRow;

export interface DefaultTargetTable {
  year: number;
  targetBp: number;
  updatedAt: number;
}

export type UserTable = UserRow;

export type SessionTable = SessionRow;

export interface ThrottleAttemptTable {
  key: string;
  windowStart: number;
  count: number;
}

export interface AuditEventTable {
  id: string;
  at: number;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** JSON text. */
  details: string;
}

export type EnrollmentTable = EnrollmentRow;

export interface DeviceTable {
  id: string;
  unitId: string;
  label: string;
  tokenHash: string;
  enrolledAt: number;
  revokedAt: number | null;
  lastSeenAt: number | null;
  lastSyncAt: number | null;
  highestSeq: Generated<number>;
  receivedCount: Generated<number>;
  lastRatingAt: number | null;
  counterId: string | null;
  /** The highest sequence number the tablet reported giving (migration 019). */
  reportedSeq: Generated<number>;
  /** The tablet's signing key, SPKI DER base64url (migration 029); null: an unsigned kiosk. */
  publicKey: Generated<string | null>;
  keyAlgorithm: Generated<string | null>;
}

export interface DeviceSeqRangeTable {
  deviceId: string;
  fromSeq: number;
  toSeq: number;
}

export type RecordTable = RecordLedgerRow & RecordChainColumns;

export type RecordRefusalTable = RecordRefusalRow;

export interface RatingTable {
  id: string;
  /** Null for phone and staff ratings (migration 019). */
  deviceId: string | null;
  unitId: string;
  sectorId: string;
  counterId: string | null;
  level: number;
  reasons: string;
  comment: string | null;
  deviceTime: number;
  receivedAt: number;
  month: string;
  category: RollupCategory;
  channel: Generated<SourceChannel>;
  officerId: string | null;
  dossierCode: string | null;
  respondentType: RespondentTypeCode | null;
  visits: number | null;
  agencies: number | null;
  attitude: AttitudeAnswerCode | null;
}

export interface DossierTable extends Omit<DossierRow, 'online'> {
  online: number;
  importedAt: number;
  updatedAt: number;
}

/** A phone rating's follow-up answers (migration 016): the key's hash and the one amendment. */
export interface RatingAmendmentTable {
  ratingId: string;
  keyHash: string;
  expiresAt: number;
  amendedAt: number | null;
  contentHash: string | null;
}

/** Per unit and dossier code, the rating that counts (migration 020). */
export interface DossierRatingTable {
  unitId: string;
  dossierCode: string;
  ratingId: string | null;
  ratedAt: number | null;
}

/** A unit's counting settings from `fromMonth` on (migration 020, month-close.ts). */
export interface UnitCountingSettingTable {
  unitId: string;
  fromMonth: string;
  closeDay: number;
  includeUnverifiedPhone: number;
  updatedAt: number;
  updatedBy: string;
}

/** Per unit and Việt Nam day, phone ratings without a dossier admitted under the cap. */
export interface PhoneInclusionDayTable {
  unitId: string;
  day: string;
  cap: number;
  used: number;
}

export interface FeedbackItemTable {
  id: string;
  deviceId: string | null;
  unitId: string;
  sectorId: string | null;
  kind: FeedbackKind;
  trackingCode: string;
  /** The code the public lookup finds this item by; unique, null for a legacy second item. */
  lookupCode: string | null;
  content: string;
  contactName: string | null;
  contactPhone: string | null;
  consentVersion: string | null;
  consentAt: number | null;
  deviceTime: number;
  receivedAt: number;
  clockSuspect: Generated<number>;
  // Workflow columns (migration 003); set by onFeedbackReceived and the feedback service.
  status: Generated<FeedbackStatus>;
  classification: FeedbackClassification | null;
  forwardedTo: string | null;
  assigneeId: string | null;
  receivedDate: string | null;
  answerDays: number | null;
  classifyDue: string | null;
  answerDue: string | null;
  dueDate: string | null;
  classifiedAt: number | null;
  answeredAt: number | null;
  publishedAt: number | null;
  closedAt: number | null;
  answerText: string | null;
  answerChannel: string | null;
  answerPublished: Generated<number>;
  answeredBy: string | null;
  closeReason: FeedbackCloseReason | null;
  closeNote: string | null;
  duplicateOf: string | null;
  searchText: Generated<string>;
  contactErasedAt: number | null;
  updatedAt: number | null;
  // Channels (migration 013).
  answerSearch: string | null;
  verdict: FeedbackVerdictValue | null;
  verdictAt: number | null;
  verdictReason: string | null;
  verdictHandledAt: number | null;
  source: FeedbackSource | null;
  enteredBy: string | null;
  /** A supervisor's conclusion on a phản ánh about an officer's conduct (migration 015). */
  conductOfficerId?: string | null;
  conductUpheld?: number | null;
  conductAt?: number | null;
  conductBy?: string | null;
  /** SHA-256 of the citizen's verdict token (migration 017); null: verdicts only through staff. */
  verdictTokenHash?: string | null;
}

export interface FeedbackVerdictTable {
  id: string;
  feedbackId: string;
  at: number;
  answeredAt: number;
  accepted: number;
  reason: string | null;
  /** Staff who recorded a verdict the citizen gave by phone (migration 017); null: the citizen. */
  recordedBy?: string | null;
}

export interface FeedbackAttachmentTable {
  id: string;
  feedbackId: string;
  kind: AttachmentKind;
  mediaType: string;
  size: number;
  bytes: Uint8Array | null;
  createdAt: number;
  erasedAt: number | null;
}

export interface FeedbackEventTable {
  id: string;
  feedbackId: string;
  at: number;
  actorId: string | null;
  action: string;
  fromStatus: FeedbackStatus | null;
  toStatus: FeedbackStatus | null;
  note: string | null;
  /** JSON text. */
  details: string;
}

export interface HolidayTable {
  date: string;
  name: string;
  kind: HolidayKind;
  note: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

export interface FeedbackSettingTable {
  key: string;
  value: string;
  updatedAt: number;
  updatedBy: string | null;
}

export type CounterTable = CounterRow;

export type UnitScaleTable = UnitScaleRow;

export interface CatalogueHistoryTable extends Omit<CatalogueHistoryRow, 'details'> {
  /** JSON text. */
  details: string;
}

/**
 * Counters of a node's whole subtree, per sector code (lĩnh vực pooled across units); `own` 1 on
 * those of the rating's own unit (migration 021).
 */
export interface NodeRollupTable {
  nodeId: string;
  sectorCode: string;
  month: string;
  scale: ScaleId;
  level: number;
  category: RollupCategory;
  own: number;
  count: number;
}

/** `node_rollups` summed over sector codes, per channel: a node's answers per month and level. */
export interface NodeTotalTable {
  nodeId: string;
  month: string;
  scale: ScaleId;
  level: number;
  category: RollupCategory;
  channel: SourceChannel;
  count: number;
}

/** The assessment's counters (migration 022). */
export interface OfficerRollupTable {
  unitId: string;
  month: string;
  officerId: string;
  level: number;
  category: RollupCategory;
  count: number;
}

/** `officerId` '' where no officer was recorded. */
export interface AnswerRollupTable {
  unitId: string;
  month: string;
  sectorId: string;
  officerId: string;
  category: RollupCategory;
  question: AssessmentQuestion;
  answer: string;
  count: number;
}

export interface RatedDossierTable {
  dossierCode: string;
  unitId: string;
  count: number;
}

export interface NodeReasonRollupTable {
  nodeId: string;
  sectorCode: string;
  month: string;
  reason: string;
  own: number;
  count: number;
}

export interface CounterRollupTable {
  counterId: string;
  month: string;
  scale: ScaleId;
  level: number;
  category: RollupCategory;
  count: number;
}

/** JSON text in `facts` / `settings` (migration 010). */
export interface AlertTable extends Omit<AlertRow, 'facts'> {
  facts: string;
}

export interface AlertRecipientTable {
  alertId: string;
  userId: string;
  readAt: number | null;
  mailedAt: number | null;
}

export type AlertEventTable = AlertEventRow;

export interface AlertRuleSettingTable extends Omit<AlertRuleSettingRow, 'settings'> {
  settings: string;
}

export type AlertDeliveryTable = DeliveryRow;

export type AlertUnhappyTable = UnhappyRow;

export interface JobLeaseTable {
  name: string;
  holder: string;
  expiresAt: number;
}

export type CounterPinTable = CounterPinRow;

export type CounterDutyTable = CounterDutyRow;

/** JSON text in `settings` (migration 012). */
export interface UnitSurveySettingTable extends Omit<UnitSurveySettingRow, 'settings'> {
  settings: string;
}

/** One change others react to (018-events.ts); `payload` is JSON text. */
export interface EventTable {
  id: Generated<number>;
  kind: string;
  unitId: string | null;
  payload: string;
  at: number;
}

/** How far one consumer of the events has read. */
export interface EventCursorTable {
  consumer: string;
  lastId: number;
  updatedAt: number;
}

/** A periodic job's schedule and its run in progress (023-job-runner.ts). */
export interface JobRunTable {
  name: string;
  nextAt: number;
  claimedBy: string | null;
  claimedUntil: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  error: string | null;
}

/** The agency that publishes, one row (migration 024). */
export interface AgencyProfileTable {
  id: string;
  name: string;
  shortName: string;
  logo: Uint8Array | null;
  logoSmall: Uint8Array | null;
  logoVersion: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

/** Chỉ tiêu tỷ lệ hài lòng chung of a node for a year (migration 025). */
export interface OverallTargetTable {
  unitId: string;
  year: number;
  targetBp: number;
  updatedAt: number;
  updatedBy: string | null;
}

export interface Database {
  units: UnitTable;
  sectors: SectorTable;
  targets: TargetTable;
  defaultTargets: DefaultTargetTable;
  users: UserTable;
  sessions: SessionTable;
  throttleAttempts: ThrottleAttemptTable;
  auditEvents: AuditEventTable;
  enrollments: EnrollmentTable;
  devices: DeviceTable;
  deviceSeqRanges: DeviceSeqRangeTable;
  records: RecordTable;
  recordRefusals: RecordRefusalTable;
  ratings: RatingTable;
  dossierRatings: DossierRatingTable;
  unitCountingSettings: UnitCountingSettingTable;
  phoneInclusionDays: PhoneInclusionDayTable;
  ratingAmendments: RatingAmendmentTable;
  dossiers: DossierTable;
  feedbackItems: FeedbackItemTable;
  feedbackEvents: FeedbackEventTable;
  feedbackVerdicts: FeedbackVerdictTable;
  feedbackAttachments: FeedbackAttachmentTable;
  holidays: HolidayTable;
  feedbackSettings: FeedbackSettingTable;
  counters: CounterTable;
  unitScales: UnitScaleTable;
  catalogueHistory: CatalogueHistoryTable;
  nodeRollups: NodeRollupTable;
  nodeTotals: NodeTotalTable;
  nodeReasonRollups: NodeReasonRollupTable;
  counterRollups: CounterRollupTable;
  officerRollups: OfficerRollupTable;
  answerRollups: AnswerRollupTable;
  ratedDossiers: RatedDossierTable;
  alerts: AlertTable;
  alertRecipients: AlertRecipientTable;
  alertEvents: AlertEventTable;
  alertRuleSettings: AlertRuleSettingTable;
  alertDeliveries: AlertDeliveryTable;
  alertUnhappy: AlertUnhappyTable;
  jobLeases: JobLeaseTable;
  events: EventTable;
  eventCursors: EventCursorTable;
  jobRuns: JobRunTable;
  counterPins: CounterPinTable;
  counterDuty: CounterDutyTable;
  unitSurveySettings: UnitSurveySettingTable;
  agencyProfile: AgencyProfileTable;
  overallTargets: OverallTargetTable;
  shortLinks: ShortLinkTable;
  pullTokens: PullTokenTable;
  signingKeys: SigningKeyTable;
  checkpoints: CheckpointTable;
  checkpointRows: CheckpointRowTable;
  chainFlags: ChainFlagTable;
  integrityConclusions: IntegrityConclusionTable;
  integrityExclusions: IntegrityExclusionTable;
  unitOpeningHours: UnitOpeningHoursTable;
}

/** The phone page's short links, `/q/{code}` (migration 027): a unit's (no counter) or a counter's. */
export interface ShortLinkTable {
  code: string;
  unitId: string;
  counterId: string | null;
  createdAt: number;
}

/** Tokens the provincial reporting system pulls indicators with (migration 026): hashes only. */
export interface PullTokenTable {
  id: string;
  label: string;
  tokenHash: string;
  nodeId: string | null;
  createdAt: number;
  createdBy: string | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
  revokedBy: string | null;
}

/** The server's signing keys (migration 028): Ed25519, raw public key hex, PKCS#8 private key. */
export interface SigningKeyTable {
  id: string;
  purpose: string;
  publicKey: string;
  privateKey: string;
  createdAt: number;
}

/** Signed monthly checkpoints (migration 028): inserted, never updated. */
export interface CheckpointTable {
  id: string;
  scope: 'unit' | 'province';
  unitId: string;
  month: string;
  version: number;
  size: number;
  root: string;
  /** JSON: counted ratings by level. */
  countsByLevel: string;
  counted: number;
  satisfied: number;
  signedAt: number;
  signature: string;
  keyId: string;
  previousCheckpointId: string | null;
  reason: string | null;
}

/** A checkpoint's dataset rows in leaf order (migration 028). */
export interface CheckpointRowTable {
  checkpointId: string;
  position: number;
  recordHash: string;
  day: string;
  sectorCode: string;
  level: number;
  scale: string;
  channel: string;
  counted: number;
  excludedWhy: string | null;
}

/** A supervisor's conclusion on an integrity signal (migration 030): inserted, never updated. */
export interface IntegrityConclusionTable {
  id: string;
  signalId: string;
  unitId: string;
  day: string;
  kind: string;
  outcome: string;
  note: string;
  decidedBy: string;
  decidedAt: number;
  supersedesId: string | null;
}

/** A rating a supervisor excluded with a reason (migration 030); its category is `excluded`. */
export interface IntegrityExclusionTable {
  ratingId: string;
  unitId: string;
  month: string;
  reason: string;
  previousCategory: string;
  excludedBy: string;
  excludedAt: number;
}

/** A unit's opening hours (migration 030): JSON text of an `OpeningHours`. */
export interface UnitOpeningHoursTable {
  unitId: string;
  hours: string;
  updatedAt: number;
  updatedBy: string | null;
}

/** A tablet record's chain fields (migration 029); all null for an unsigned record. */
export interface RecordChainColumns {
  prevHash?: string | null;
  signature?: string | null;
  /** SHA-256 (hex) of the record's JCS form as received, signature included. */
  chainHash?: string | null;
}

/** What arrival found wrong with a tablet's chain (migration 029); the record is kept all the same. */
export interface ChainFlagTable {
  id: string;
  deviceId: string;
  unitId: string;
  recordId: string;
  seq: number;
  kind: 'break' | 'fork' | 'bad_signature' | 'missing_signature';
  /** In Vietnamese, for supervisors. */
  detail: string;
  detectedAt: number;
}

/** How the citizen answered (migration 034, issue 27); merged into `RatingTable` above. */
export interface RatingTable {
  /** The pack's language tag; null: Vietnamese (every rating stored before issue 27). */
  language: Generated<string | null>;
  /** 1: the spoken prompts ("Nghe") were on. */
  audio: Generated<number>;
  /** 1: the large-text, high-contrast switch was on. */
  largeText: Generated<number>;
}

/** A language pack a province uploaded (migration 034): the validated JSON and its version. */
export interface LanguagePackTable {
  language: string;
  pack: string;
  version: string;
  updatedAt: number;
  updatedBy: string | null;
}

/** A recorded clip of a language's pack, Vietnamese and English included (migration 034). */
export interface LanguageClipTable {
  language: string;
  file: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
  size: number;
  uploadedAt: number;
  uploadedBy: string | null;
}

/** Ratings per unit × month × category × answer mode (migration 034), kept at store time. */
export interface AnswerModeRollupTable {
  unitId: string;
  month: string;
  category: RollupCategory;
  language: string;
  audio: number;
  largeText: number;
  count: number;
}

/** Issue 27's tables, merged into `Database` above. */
export interface Database {
  languagePacks: LanguagePackTable;
  languageClips: LanguageClipTable;
  answerModeRollups: AnswerModeRollupTable;
}

/** The catalogue's version (migration 035): one row, changed by triggers on every catalogue write. */
export interface CatalogueVersionTable {
  id: number;
  token: string;
}

/** Migration 035's table, merged into `Database` above. */
export interface Database {
  catalogueVersion: CatalogueVersionTable;
}
