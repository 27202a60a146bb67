import { z } from 'zod';
import { Id, Instant, text } from './common.ts';
import { ScaleId } from './catalogue.ts';
import { CounterDuty, RosterOfficer, UnitSurveySettings } from './survey.ts';

/** Enrollment codes: 8 Crockford base32 characters, shown as XXXX-XXXX, one-time, 24 hours. */
export const EnrollmentCode = z
  .string()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{8}$/, 'code: 8 characters'));

export const CreateEnrollmentRequest = z
  .object({
    unitId: Id,
    label: text(80),
    /** A counter (quầy) of the unit the tablet will stand at. */
    counterId: Id.nullable().optional(),
  })
  .meta({ id: 'CreateEnrollmentRequest' });
export type CreateEnrollmentRequest = z.infer<typeof CreateEnrollmentRequest>;

export const Enrollment = z
  .object({ code: z.string(), expiresAt: Instant })
  .meta({ id: 'Enrollment' });
export type Enrollment = z.infer<typeof Enrollment>;

/**
 * The tablet's public signing key (issue 25): made on the tablet at enrollment, its private half
 * never leaves it. SPKI DER, base64url without padding.
 */
export const DevicePublicKey = z
  .object({
    algorithm: z.literal('ECDSA-P256-SHA256'),
    spki: z.string().regex(/^[A-Za-z0-9_-]{40,400}$/),
  })
  .meta({ id: 'DevicePublicKey' });
export type DevicePublicKey = z.infer<typeof DevicePublicKey>;

export const EnrollDeviceRequest = z
  .object({ code: EnrollmentCode, publicKey: DevicePublicKey.optional() })
  .meta({ id: 'EnrollDeviceRequest' });

export const EnrolledDevice = z
  .object({
    deviceId: Id,
    /** Bearer token, 256 random bits; the server keeps only its hash. Shown once. */
    token: z.string(),
    unit: z.object({ id: Id, name: z.string() }),
  })
  .meta({ id: 'EnrolledDevice' });
export type EnrolledDevice = z.infer<typeof EnrolledDevice>;

/** A gap in a device's sequence: records `from`..`to` (inclusive) have not arrived. */
export const SequenceGap = z.object({ from: z.number().int(), to: z.number().int() });

export const Device = z
  .object({
    id: Id,
    label: z.string(),
    unitId: Id,
    unitName: z.string(),
    enrolledAt: Instant,
    lastSeenAt: Instant.nullable(),
    lastSyncAt: Instant.nullable(),
    /** The highest sequence number the tablet gave, as received or as it reported (`highestSeq`). */
    highestSeq: z.number().int(),
    receivedCount: z.number().int(),
    /**
     * Records of this tablet refused for good (an id or tracking code already used, a resend that
     * changed content, or what the unit does not take): each sits in the tablet's dead-letter list.
     */
    refusedCount: z.number().int(),
    /** Numbers up to `highestSeq` the server does not hold: still on the tablet, or lost. */
    gaps: z.array(SequenceGap),
    revokedAt: Instant.nullable(),
    /** The counter (quầy) the tablet is bound to, if any. */
    counterId: Id.nullable(),
    counterName: z.string().nullable(),
    /** Issue 25: whether the tablet registered a signing key (else its records are unsigned). */
    signed: z.boolean(),
    /** Chain flags raised on its records: breaks, forks, bad or missing signatures. */
    integrityFlags: z.number().int(),
  })
  .meta({ id: 'Device' });
export type Device = z.infer<typeof Device>;

export const RECORD_REFUSAL_CODES = [
  'id_taken',
  'conflict',
  'tracking_code_taken',
  /** The unit's policy (issue 22): a sector not of the unit or no longer used. */
  'unknown_sector',
  /** The unit's policy: a level off its scale, a dossier code not in its form. */
  'validation_failed',
] as const;

/** A record a tablet sent that the server refused for good, as staff see it. */
export const RecordRefusal = z
  .object({
    recordId: z.string(),
    seq: z.number().int(),
    kind: z.enum(['rating', 'feedback']),
    code: z.enum(RECORD_REFUSAL_CODES),
    /** id_taken: the tablet that stored this id first. */
    otherDeviceId: z.string().nullable(),
    /** tracking_code_taken: the code another item has. */
    trackingCode: z.string().nullable(),
    /** A refusal by the unit's policy: why, in Vietnamese; null for the others. */
    reason: z.string().nullable(),
    at: Instant,
  })
  .meta({ id: 'RecordRefusal' });
export type RecordRefusal = z.infer<typeof RecordRefusal>;

export const RecordRefusalList = z
  .object({ refusals: z.array(RecordRefusal) })
  .meta({ id: 'RecordRefusalList' });

export const DeviceList = z.object({ devices: z.array(Device) }).meta({ id: 'DeviceList' });
export type DeviceList = z.infer<typeof DeviceList>;

/** Binds a tablet to another counter of its unit, or to none (null). */
export const UpdateDeviceRequest = z
  .object({ counterId: Id.nullable() })
  .meta({ id: 'UpdateDeviceRequest' });
export type UpdateDeviceRequest = z.infer<typeof UpdateDeviceRequest>;

/** Kiosk settings staff may set per unit; the tablet may override some locally in staff mode. */
export const KioskSettings = z.object({
  idleTimeoutSeconds: z.number().int().min(10).max(600),
  /** Ratings from one tablet closer than this are kept but flagged as possible repeats. */
  repeatWindowSeconds: z.number().int().min(0).max(120),
  /** Version of the consent text the kiosk shows; stored with each consent. */
  consentVersion: z.string(),
});
export type KioskSettings = z.infer<typeof KioskSettings>;

/** What a tablet caches to work offline: its unit, the unit's sectors and scale, and settings. */
export const DeviceConfig = z
  .object({
    device: z.object({ id: Id, label: z.string() }),
    unit: z.object({ id: Id, name: z.string(), scale: ScaleId }),
    /**
     * The counter (quầy) the tablet stands at. Optional so that a config cached from an older
     * server still parses; kiosks that predate it ignore it.
     */
    counter: z.object({ id: Id, name: z.string() }).nullable().optional(),
    /** Active sectors only: archived ones leave the tablet. */
    sectors: z.array(z.object({ id: Id, name: z.string() })),
    settings: KioskSettings,
    /**
     * The server's configured public address (PUBLIC_URL), for the lookup link and QR code shown
     * to citizens. Absent when not configured, and from servers older than this field.
     */
    publicUrl: z.url().optional(),
    /**
     * Days the tablet keeps acknowledged records to resend them after a restore
     * (HAILONG_TABLET_KEEP_DAYS). Absent from older servers: the kiosk keeps its default.
     */
    keepSentDays: z.number().int().min(1).max(365).optional(),
    /** What the unit asks beyond the rating (issue 12). Absent from older servers: nothing extra. */
    survey: UnitSurveySettings.optional(),
    /**
     * Officers who may sign in at this tablet's counter (the unit's staff with a counter PIN) and
     * who is on duty there now; the kiosk keeps the last known roster to work offline.
     */
    roster: z.array(RosterOfficer).optional(),
    duty: CounterDuty.nullable().optional(),
  })
  .meta({ id: 'DeviceConfig' });
export type DeviceConfig = z.infer<typeof DeviceConfig>;

/**
 * The address tablets and citizens reach the server at, as configured (PUBLIC_URL); null when the
 * administrator has not set it, so the console can warn and fall back to its own address.
 */
export const PublicAddress = z
  .object({ publicUrl: z.url().nullable() })
  .meta({ id: 'PublicAddress' });
export type PublicAddress = z.infer<typeof PublicAddress>;
