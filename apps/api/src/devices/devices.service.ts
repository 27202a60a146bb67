import { randomUUID } from 'node:crypto';
import { DEFAULT_KEEP_SENT_DAYS, monthOf, newTrackingCode, type SeqRange } from '@hailong/domain';
import type {
  Device,
  DeviceConfig,
  DeviceList,
  DevicePublicKey,
  EnrolledDevice,
  Enrollment,
  RecordRefusal,
} from '@hailong/contracts';
import type { DeviceRow, Repositories, UserRow } from '../repositories/types.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { deviceGaps, highestSeqOf } from './device-gaps.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from '../auth/access.ts';
import { scalesOf } from '../catalogue/catalogue.mapper.ts';
import { kioskSettingsOf } from '../survey/kiosk-settings.ts';
import { surveyConfigOf } from '../survey/device-survey.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import { reserveAttempt, tooManyAttempts } from '../auth/throttle.ts';
import { importDeviceKey } from '../ingest/record-chain.ts';

export const ENROLLMENT_TTL_MS = 24 * 60 * 60 * 1000;
/** Wrong codes allowed per address in the throttle window before enrollment answers 429. */
export const ENROLL_THROTTLE = { windowMs: 15 * 60 * 1000, failures: 10 } as const;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Enrollment codes reuse the tracking-code alphabet: 40 random bits, easy to read and type. */
const canonicalCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

const invalid = (path: string, message: string, text: string) =>
  new ApiError(422, 'validation_failed', text, [{ path, message }]);

/**
 * Tablets: one-time enrollment codes, revocable bearer tokens, cached configuration, health. Staff
 * pages see and change only the tablets of units in the user's scope (`loadAccess`); a tablet may
 * stand at a counter (quầy) of its unit. `publicUrl` (PUBLIC_URL) goes into each tablet's
 * configuration for the citizen's lookup link.
 */
export function createDevicesService(
  repos: Repositories,
  clock: Clock,
  publicUrl?: string,
  keepSentDays = DEFAULT_KEEP_SENT_DAYS,
) {
  /** A counter the tablets of `unitId` may be bound to: of that unit and not archived. */
  async function checkCounter(unitId: string, counterId: string | null): Promise<void> {
    if (counterId === null) return;
    const counter = await repos.catalogue.findCounter(counterId);
    if (!counter || counter.unitId !== unitId) {
      throw invalid('counterId', 'not a counter of this unit', 'Quầy không thuộc đơn vị này.');
    }
    if (counter.archivedAt !== null) {
      throw invalid('counterId', 'archived', 'Quầy đã được lưu trữ.');
    }
  }

  /** The device if the user may manage it: its unit in scope (else 404), admin/supervisor (403). */
  async function manageable(user: UserRow, id: string): Promise<DeviceRow> {
    const device = await repos.devices.findById(id);
    const access = await loadAccess(repos, user);
    if (!device || !access.visibleUnits([device.unitId]).length) throw notFound('Thiết bị');
    access.requireManage(device.unitId);
    return device;
  }

  return {
    /** A one-time code for a tablet of `unitId` (admin; supervisor within their subtree). */
    async createEnrollment(
      user: UserRow | null,
      request: { unitId: string; label: string; counterId?: string | null | undefined },
    ): Promise<Enrollment> {
      const { unitId, label } = request;
      const counterId = request.counterId ?? null;
      const unit = await repos.catalogue.findUnit(unitId);
      if (!unit) throw invalid('unitId', 'unknown unit', 'Đơn vị không tồn tại.');
      // Absent for the server's own callers (demo seed, benches); staff requests always have one.
      if (user) (await loadAccess(repos, user)).requireManage(unitId);
      if (unit.archivedAt !== null) throw invalid('unitId', 'archived', 'Đơn vị đã được lưu trữ.');
      await checkCounter(unitId, counterId);
      const actorId = user?.id ?? null;
      const now = clock();
      const code = newTrackingCode(crypto.getRandomValues(new Uint8Array(5)));
      await repos.devices.createEnrollment({
        codeHash: hashSecret(canonicalCode(code)),
        unitId,
        label,
        createdBy: actorId,
        createdAt: now,
        expiresAt: now + ENROLLMENT_TTL_MS,
        usedAt: null,
        deviceId: null,
        counterId,
      });
      return { code, expiresAt: new Date(now + ENROLLMENT_TTL_MS).toISOString() };
    },

    /** `publicKey`: the tablet's signing key (issue 25); absent for a kiosk that signs nothing. */
    async enroll(
      code: string,
      address: string,
      publicKey?: DevicePublicKey,
    ): Promise<EnrolledDevice> {
      // Before the code is spent: a tablet whose key is refused keeps its code for a retry.
      if (publicKey) checkPublicKey(publicKey.spki);
      const now = clock();
      const throttleKey = `enroll:${address}`;
      const { failures, windowMs } = ENROLL_THROTTLE;
      const reservation = await reserveAttempt(
        repos.loginThrottle,
        [{ key: throttleKey, limit: failures, windowMs }],
        now,
      );
      if (!reservation) {
        throw tooManyAttempts('Nhập sai mã quá nhiều lần. Vui lòng thử lại sau 15 phút.', windowMs);
      }
      const token = newSecret();
      const deviceId = randomUUID();
      const enrolled = await repos.transaction(async (tx) => {
        const enrollment = await tx.devices.consumeEnrollment(
          hashSecret(canonicalCode(code)),
          deviceId,
          now,
        );
        if (!enrollment) return undefined;
        await tx.devices.createDevice({
          id: deviceId,
          unitId: enrollment.unitId,
          label: enrollment.label,
          tokenHash: hashSecret(token),
          enrolledAt: now,
          revokedAt: null,
          lastSeenAt: now,
          lastSyncAt: null,
          highestSeq: 0,
          receivedCount: 0,
          lastRatingAt: null,
          counterId: enrollment.counterId,
        });
        if (publicKey) {
          await tx.recordChain.setDeviceKey(deviceId, {
            algorithm: publicKey.algorithm,
            spki: publicKey.spki,
          });
        }
        return tx.catalogue.findUnit(enrollment.unitId);
      });
      if (!enrolled) {
        throw new ApiError(400, 'invalid_code', 'Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.');
      }
      await reservation.release(throttleKey);
      return { deviceId, token, unit: { id: enrolled.id, name: enrolled.name } };
    },

    /** The device a bearer token belongs to, if the token is valid and not revoked. */
    async authenticate(token: string): Promise<DeviceRow | undefined> {
      const device = await repos.devices.findActiveByTokenHash(hashSecret(token));
      if (device) await repos.devices.touchSeen(device.id, clock());
      return device;
    },

    /**
     * What the tablet caches: its unit with the scale in force this month, its counter, and the
     * active sectors (none when the unit is archived). Archived things leave the tablet.
     */
    async config(device: DeviceRow): Promise<DeviceConfig> {
      const unit = await repos.catalogue.findUnit(device.unitId);
      if (!unit) throw notFound('Đơn vị');
      const [sectors, counter, scales] = await Promise.all([
        unit.archivedAt === null
          ? repos.catalogue.listSectors(unit.id, { activeOnly: true })
          : Promise.resolve([]),
        device.counterId === null ? undefined : repos.catalogue.findCounter(device.counterId),
        repos.catalogue.listUnitScales([unit.id]),
      ]);
      return {
        device: { id: device.id, label: device.label },
        unit: {
          id: unit.id,
          name: unit.name,
          scale: scalesOf(unit, scales, monthOf(clock())).scale,
        },
        counter:
          counter && counter.archivedAt === null ? { id: counter.id, name: counter.name } : null,
        sectors: sectors.map((s) => ({ id: s.id, name: s.name })),
        settings: kioskSettingsOf(unit),
        ...(publicUrl !== undefined && { publicUrl }),
        keepSentDays,
        ...(await surveyConfigOf(
          repos,
          clock,
          unit.id,
          counter?.archivedAt === null ? counter.id : null,
        )),
      };
    },

    /** Tablets of the units the user may see. */
    async list(user: UserRow): Promise<DeviceList> {
      const access = await loadAccess(repos, user);
      const [devices, counters, ranges, refusals, chains] = await Promise.all([
        repos.devices.list(),
        repos.catalogue.listCounters(),
        repos.devices.listAllSeqRanges(),
        repos.devices.countRefusals(),
        repos.recordChain.deviceSummaries(),
      ]);
      const unitName = new Map(access.visibleUnits().map((u) => [u.id, u.name]));
      const counterName = new Map(counters.map((c) => [c.id, c.name]));
      return {
        devices: devices
          .filter((d) => unitName.has(d.unitId))
          .map((d) => ({
            ...toDevice(d, unitName.get(d.unitId)!, counterName, ranges.get(d.id) ?? []),
            refusedCount: refusals.get(d.id) ?? 0,
            ...chainSummary(chains, d.id),
          })),
      };
    },

    /** A device's refused records; devices outside the user's scope are not found. */
    async refusals(user: UserRow, id: string): Promise<RecordRefusal[]> {
      const device = await repos.devices.findById(id);
      const access = await loadAccess(repos, user);
      if (!device || !access.visibleUnits([device.unitId]).length) throw notFound('Thiết bị');
      return (await repos.devices.listRefusals(id)).map((r) => ({
        recordId: r.recordId,
        seq: r.seq,
        kind: r.kind,
        code: r.code,
        otherDeviceId: r.otherDeviceId,
        trackingCode: r.trackingCode,
        reason: r.reason ?? null,
        at: new Date(r.at).toISOString(),
      }));
    },

    /** Moves a tablet to another counter of its unit (or none); audited. */
    async bindCounter(user: UserRow, id: string, counterId: string | null): Promise<Device> {
      const device = await manageable(user, id);
      await checkCounter(device.unitId, counterId);
      const updated = (await repos.devices.setCounter(id, counterId))!;
      await repos.audit.append({
        id: randomUUID(),
        at: clock(),
        actorId: user.id,
        action: 'device.bind_counter',
        entityType: 'device',
        entityId: id,
        details: { from: device.counterId, to: counterId },
      });
      const [unit, counters, ranges] = await Promise.all([
        repos.catalogue.findUnit(device.unitId),
        repos.catalogue.listCounters(device.unitId),
        repos.devices.listSeqRanges(id),
      ]);
      const refused = (await repos.devices.countRefusals()).get(id) ?? 0;
      const chains = await repos.recordChain.deviceSummaries();
      return {
        ...toDevice(
          updated,
          unit?.name ?? '',
          new Map(counters.map((c) => [c.id, c.name])),
          ranges,
        ),
        refusedCount: refused,
        ...chainSummary(chains, id),
      };
    },

    async revoke(user: UserRow, id: string): Promise<void> {
      const device = await manageable(user, id);
      const now = clock();
      await repos.devices.revoke(id, now);
      await repos.audit.append({
        id: randomUUID(),
        at: now,
        actorId: user.id,
        action: 'device.revoke',
        entityType: 'device',
        entityId: id,
        details: { label: device.label },
      });
    },
  };
}

function chainSummary(
  chains: ReadonlyMap<string, { signed: boolean; flags: number }>,
  id: string,
): Pick<Device, 'signed' | 'integrityFlags'> {
  const chain = chains.get(id);
  return { signed: chain?.signed ?? false, integrityFlags: chain?.flags ?? 0 };
}

function checkPublicKey(spki: string): void {
  try {
    importDeviceKey(spki);
  } catch {
    throw invalid(
      'publicKey.spki',
      'not an ECDSA P-256 public key (SPKI DER, base64url)',
      'Khóa công khai của máy tính bảng không hợp lệ (cần khóa ECDSA P-256); máy chưa được đăng ký.',
    );
  }
}

function toDevice(
  d: DeviceRow,
  unitName: string,
  counterName: ReadonlyMap<string, string>,
  ranges: readonly SeqRange[],
): Omit<Device, 'refusedCount' | 'signed' | 'integrityFlags'> {
  return {
    id: d.id,
    label: d.label,
    unitId: d.unitId,
    unitName,
    enrolledAt: new Date(d.enrolledAt).toISOString(),
    lastSeenAt: iso(d.lastSeenAt),
    lastSyncAt: iso(d.lastSyncAt),
    highestSeq: highestSeqOf(d),
    receivedCount: d.receivedCount,
    gaps: deviceGaps(d, ranges),
    revokedAt: iso(d.revokedAt),
    counterId: d.counterId,
    counterName: d.counterId === null ? null : (counterName.get(d.counterId) ?? null),
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
