import {
  ClientRecord,
  SYNC_PROTOCOL,
  type ErrorCode,
  type FeedbackRecord,
  type RatingRecord,
  type SyncResult,
} from '@hailong/contracts';
import {
  DEFAULT_KIOSK_SETTINGS,
  RATING_SCALES,
  findLevel,
  flagRatings,
  mergeSeqRanges,
  CLOCK_TOLERANCE_MS,
} from '@hailong/domain';
import type { DeviceRow, FeedbackItemRow, RatingRow, Repositories } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from './clock.ts';
import { addToNodeRollups } from './node-rollups.ts';

type Accepted = { index: number; record: ClientRecord };

const rejected = (id: string, code: ErrorCode, message: string): SyncResult => ({
  id,
  status: 'rejected',
  error: { code, message },
});

/** Hook the feedback register runs inside the batch transaction for newly stored items. */
export type FeedbackReceivedHook = (tx: Repositories, ids: string[], now: number) => Promise<void>;

/**
 * Ingests one upload. Each item is checked on its own, so a bad one is rejected alone; the good
 * ones are stored in ONE transaction with their rollup counters, and the answer is built only after
 * that commit returned (durable: SQLite synchronous=FULL, PostgreSQL synchronous_commit=on), because
 * the tablet deletes whatever we acknowledge.
 */
export function createSyncService(
  repos: Repositories,
  clock: Clock,
  onFeedback?: FeedbackReceivedHook,
) {
  return {
    async sync(device: DeviceRow, protocol: number, items: unknown[]): Promise<SyncResult[]> {
      if (protocol !== SYNC_PROTOCOL) {
        throw new ApiError(
          426,
          'unsupported_protocol',
          `Giao thức đồng bộ ${protocol} không được hỗ trợ; máy chủ dùng ${SYNC_PROTOCOL}.`,
        );
      }
      const unit = await repos.catalogue.findUnit(device.unitId);
      const sectorIds = new Set(
        (await repos.catalogue.listSectors(device.unitId)).map((s) => s.id),
      );
      const scale = RATING_SCALES[unit?.scale ?? 'five'];
      const results: SyncResult[] = new Array(items.length);
      const accepted: Accepted[] = [];
      const seenInBatch = new Set<string>();

      items.forEach((item, index) => {
        const rawId =
          typeof (item as { id?: unknown })?.id === 'string' ? (item as { id: string }).id : '';
        const parsed = ClientRecord.safeParse(item);
        if (!parsed.success) {
          const fields = [
            ...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(record)')),
          ].join(', ');
          results[index] = rejected(rawId, 'validation_failed', `Bản ghi không hợp lệ: ${fields}.`);
          return;
        }
        const record = parsed.data;
        if (record.deviceId !== device.id) {
          results[index] = rejected(
            record.id,
            'validation_failed',
            'Bản ghi thuộc về thiết bị khác.',
          );
        } else if (record.sectorId !== null && !sectorIds.has(record.sectorId)) {
          results[index] = rejected(
            record.id,
            'unknown_sector',
            'Lĩnh vực không thuộc đơn vị của thiết bị.',
          );
        } else if (record.kind === 'rating' && !findLevel(scale, record.level)) {
          results[index] = rejected(
            record.id,
            'validation_failed',
            `Mức đánh giá ${record.level} không có trong thang của đơn vị.`,
          );
        } else if (seenInBatch.has(record.id)) {
          results[index] = { id: record.id, status: 'duplicate' };
        } else {
          seenInBatch.add(record.id);
          accepted.push({ index, record });
        }
      });

      if (accepted.length > 0) {
        const stored = await store(device, accepted);
        for (const { index, record } of accepted) {
          results[index] = {
            id: record.id,
            status: stored.has(record.id) ? 'accepted' : 'duplicate',
          };
        }
      }
      return results;
    },
  };

  async function store(device: DeviceRow, accepted: Accepted[]): Promise<Set<string>> {
    return repos.transaction(async (tx) => {
      const now = clock();
      const current = await tx.ingest.lockDevice(device.id);
      if (!current) throw new ApiError(401, 'unauthenticated', 'Thiết bị không còn tồn tại.');
      const inserted = await tx.ingest.insertRecords(
        accepted.map(({ record }) => ({
          id: record.id,
          deviceId: device.id,
          seq: record.seq,
          kind: record.kind,
          receivedAt: now,
        })),
      );
      const fresh = accepted
        .map((a) => a.record)
        .filter((r) => inserted.has(r.id))
        .sort((a, b) => a.seq - b.seq);
      const ratings = ratingRows(
        current,
        now,
        fresh.filter((r): r is RatingRecord => r.kind === 'rating'),
      );
      const feedback = fresh
        .filter((r): r is FeedbackRecord => r.kind === 'feedback')
        .map((r) => feedbackRow(current, now, r));
      await tx.ingest.insertRatings(ratings);
      await tx.ingest.addToRollups(ratings);
      await addToNodeRollups(tx, ratings);
      await tx.ingest.insertFeedback(feedback);
      if (onFeedback && feedback.length > 0)
        await onFeedback(
          tx,
          feedback.map((f) => f.id),
          now,
        );
      if (fresh.length > 0) {
        const ranges = mergeSeqRanges(
          await tx.devices.listSeqRanges(device.id),
          fresh.map((r) => r.seq),
        );
        await tx.ingest.replaceSeqRanges(device.id, ranges);
      }
      await tx.ingest.recordSync(device.id, {
        at: now,
        highestSeq: Math.max(0, ...fresh.map((r) => r.seq)),
        added: fresh.length,
        lastRatingAt:
          ratings.length > 0
            ? Date.parse(fresh.filter((r) => r.kind === 'rating').at(-1)!.deviceTime)
            : null,
      });
      return inserted;
    });
  }
}

function ratingRows(device: DeviceRow, now: number, records: RatingRecord[]): RatingRow[] {
  const flags = flagRatings(
    {
      enrolledAt: device.enrolledAt,
      receivedAt: now,
      lastRatingAt: device.lastRatingAt,
      repeatWindowMs: DEFAULT_KIOSK_SETTINGS.repeatWindowSeconds * 1000,
    },
    records.map((r) => ({
      deviceTime: Date.parse(r.deviceTime),
      possibleRepeat: r.possibleRepeat,
    })),
  );
  return records.map((r, i) => ({
    id: r.id,
    deviceId: device.id,
    unitId: device.unitId,
    sectorId: r.sectorId,
    counterId: device.counterId,
    level: r.level,
    reasons: r.reasons,
    comment: r.comment ?? null,
    deviceTime: Date.parse(r.deviceTime),
    receivedAt: now,
    month: flags[i]!.month,
    category: flags[i]!.category,
  }));
}

function feedbackRow(device: DeviceRow, now: number, r: FeedbackRecord): FeedbackItemRow {
  const deviceTime = Date.parse(r.deviceTime);
  return {
    id: r.id,
    deviceId: device.id,
    unitId: device.unitId,
    sectorId: r.sectorId,
    kind: r.feedbackKind,
    trackingCode: r.trackingCode,
    content: r.content,
    // No consent, no contact data: the schema only admits contact with its consent record.
    contactName: r.contact?.name ?? null,
    contactPhone: r.contact?.phone ?? null,
    consentVersion: r.contact?.consentVersion ?? null,
    consentAt: r.contact ? Date.parse(r.contact.consentAt) : null,
    deviceTime,
    receivedAt: now,
    clockSuspect:
      deviceTime < device.enrolledAt - CLOCK_TOLERANCE_MS || deviceTime > now + CLOCK_TOLERANCE_MS,
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
