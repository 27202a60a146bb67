import { randomUUID } from 'node:crypto';
import { DEFAULT_KIOSK_SETTINGS, newTrackingCode, seqGaps } from '@hailong/domain';
import type { DeviceConfig, DeviceList, EnrolledDevice, Enrollment } from '@hailong/contracts';
import type { DeviceRow, Repositories } from '../repositories/types.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { Clock } from './clock.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const ENROLLMENT_TTL_MS = 24 * 60 * 60 * 1000;
/** Wrong codes allowed per address in the throttle window before enrollment answers 429. */
const ENROLL_FAILURES_ALLOWED = 10;
const ENROLL_WINDOW_MS = 15 * 60 * 1000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Enrollment codes reuse the tracking-code alphabet: 40 random bits, easy to read and type. */
const canonicalCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/**
 * Tablets: one-time enrollment codes, revocable bearer tokens, cached configuration, health.
 * `publicUrl` (PUBLIC_URL) goes into each tablet's configuration for the citizen's lookup link.
 */
export function createDevicesService(repos: Repositories, clock: Clock, publicUrl?: string) {
  return {
    async createEnrollment(
      unitId: string,
      label: string,
      actorId: string | null,
    ): Promise<Enrollment> {
      if (!(await repos.catalogue.findUnit(unitId))) {
        throw new ApiError(422, 'validation_failed', 'Đơn vị không tồn tại.', [
          { path: 'unitId', message: 'unknown unit' },
        ]);
      }
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
      });
      return { code, expiresAt: new Date(now + ENROLLMENT_TTL_MS).toISOString() };
    },

    async enroll(code: string, address: string): Promise<EnrolledDevice> {
      const now = clock();
      const throttleKey = `enroll:${address}`;
      const failures = await repos.loginThrottle.countFailures(throttleKey, now - ENROLL_WINDOW_MS);
      if (failures >= ENROLL_FAILURES_ALLOWED) {
        throw new ApiError(
          429,
          'too_many_requests',
          'Nhập sai mã quá nhiều lần. Vui lòng thử lại sau 15 phút.',
        );
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
        });
        return tx.catalogue.findUnit(enrollment.unitId);
      });
      if (!enrolled) {
        await repos.loginThrottle.recordFailure(throttleKey, now);
        throw new ApiError(400, 'invalid_code', 'Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.');
      }
      return { deviceId, token, unit: { id: enrolled.id, name: enrolled.name } };
    },

    /** The device a bearer token belongs to, if the token is valid and not revoked. */
    async authenticate(token: string): Promise<DeviceRow | undefined> {
      const device = await repos.devices.findActiveByTokenHash(hashSecret(token));
      if (device) await repos.devices.touchSeen(device.id, clock());
      return device;
    },

    async config(device: DeviceRow): Promise<DeviceConfig> {
      const unit = await repos.catalogue.findUnit(device.unitId);
      if (!unit) throw notFound('Đơn vị');
      const sectors = await repos.catalogue.listSectors(unit.id);
      return {
        device: { id: device.id, label: device.label },
        unit: { id: unit.id, name: unit.name, scale: unit.scale },
        sectors: sectors.map((s) => ({ id: s.id, name: s.name })),
        settings: { ...DEFAULT_KIOSK_SETTINGS },
        ...(publicUrl !== undefined && { publicUrl }),
      };
    },

    async list(unitId?: string): Promise<DeviceList> {
      const [devices, units, ranges] = await Promise.all([
        repos.devices.list(),
        repos.catalogue.listUnits(),
        repos.devices.listAllSeqRanges(),
      ]);
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      return {
        devices: devices
          .filter((d) => unitId === undefined || d.unitId === unitId)
          .map((d) => ({
            id: d.id,
            label: d.label,
            unitId: d.unitId,
            unitName: unitName.get(d.unitId) ?? '',
            enrolledAt: new Date(d.enrolledAt).toISOString(),
            lastSeenAt: iso(d.lastSeenAt),
            lastSyncAt: iso(d.lastSyncAt),
            highestSeq: d.highestSeq,
            receivedCount: d.receivedCount,
            gaps: seqGaps(ranges.get(d.id) ?? []),
            revokedAt: iso(d.revokedAt),
          })),
      };
    },

    async revoke(id: string, actorId: string): Promise<void> {
      const device = await repos.devices.findById(id);
      if (!device) throw notFound('Thiết bị');
      const now = clock();
      await repos.devices.revoke(id, now);
      await repos.audit.append({
        id: randomUUID(),
        at: now,
        actorId,
        action: 'device.revoke',
        entityType: 'device',
        entityId: id,
        details: { label: device.label },
      });
    },
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
