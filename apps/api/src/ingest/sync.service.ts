import {
  ClientRecord,
  SYNC_MAX_MISSING_RANGES,
  SYNC_PROTOCOL,
  SYNC_PROTOCOLS,
  canonicalRecordId,
  syncErrorCodeFor,
  type ErrorCode,
  type SyncResponse,
  type SyncResult,
} from '@hailong/contracts';
import { RATING_SCALES, findLevel, missingSeqRanges } from '@hailong/domain';
import type { DeviceRow, Repositories } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { kioskSettingsOf as defaultSettings, type KioskSettingsOf } from '../survey/kiosk-settings.ts';
import { recordContentHash } from './record-hash.ts';
import type { AfterCommit, RatingsStoredHook } from '../alerts/alert-burst.ts';
import {
  storeBatch,
  type Candidate,
  type FeedbackReceivedHook,
  type Outcome,
} from './sync-store.ts';

export type { FeedbackReceivedHook } from './sync-store.ts';

const REFUSALS: Record<Exclude<Outcome, { status: 'accepted' | 'duplicate' }>['code'], string> = {
  id_taken: 'Mã bản ghi này đã được một thiết bị khác dùng; bản ghi không được lưu.',
  conflict: 'Máy đã gửi một bản ghi khác cùng mã trước đó; bản ghi này không được lưu.',
  tracking_code_taken:
    'Mã tra cứu {code} đã thuộc về một phản ánh, kiến nghị khác; bản ghi không được lưu.',
};

/**
 * Ingests one upload. Each item is checked on its own, so a bad one is rejected alone; the good
 * ones are stored in ONE transaction with their rollup counters (sync-store.ts), and the answer is
 * built only after that commit returned (durable: SQLite synchronous=FULL, PostgreSQL
 * synchronous_commit=on), because the tablet deletes whatever we acknowledge.
 */
export function createSyncService(
  repos: Repositories,
  clock: Clock,
  onFeedback?: FeedbackReceivedHook,
  settingsOf: KioskSettingsOf = defaultSettings,
  onRatings?: RatingsStoredHook,
) {
  return {
    async sync(
      device: DeviceRow,
      protocol: number,
      items: unknown[],
      highestSeq?: number,
    ): Promise<SyncResponse> {
      if (!SYNC_PROTOCOLS.includes(protocol)) {
        throw new ApiError(
          426,
          'unsupported_protocol',
          `Giao thức đồng bộ ${protocol} không được hỗ trợ; máy chủ dùng ${SYNC_PROTOCOL}.`,
        );
      }
      const rejected = (id: string, code: ErrorCode, message: string): SyncResult => ({
        id,
        status: 'rejected',
        error: { code: syncErrorCodeFor(protocol, code), message },
      });
      const unit = await repos.catalogue.findUnit(device.unitId);
      const sectorIds = new Set(
        (await repos.catalogue.listSectors(device.unitId)).map((s) => s.id),
      );
      const scale = RATING_SCALES[unit?.scale ?? 'five'];
      const results: SyncResult[] = new Array(items.length);
      const candidates: { index: number; sent: string; candidate: Candidate }[] = [];

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
          results[index] = rejected(rawId, 'validation_failed', 'Bản ghi thuộc về thiết bị khác.');
        } else if (record.sectorId !== null && !sectorIds.has(record.sectorId)) {
          results[index] = rejected(
            rawId,
            'unknown_sector',
            'Lĩnh vực không thuộc đơn vị của thiết bị.',
          );
        } else if (record.kind === 'rating' && !findLevel(scale, record.level)) {
          results[index] = rejected(
            rawId,
            'validation_failed',
            `Mức đánh giá ${record.level} không có trong thang của đơn vị.`,
          );
        } else {
          const canonicalId = canonicalRecordId(record.id);
          const candidate = { record, canonicalId, hash: recordContentHash(record) };
          candidates.push({ index, sent: rawId, candidate });
        }
      });

      if (candidates.length > 0) {
        const repeatWindowMs = unit ? settingsOf(unit).repeatWindowSeconds * 1000 : 0;
        const afterCommit: AfterCommit[] = [];
        const ratingsStored =
          onRatings &&
          (async (tx: Repositories, rows: Parameters<RatingsStoredHook>[1], now: number) => {
            const next = await onRatings(tx, rows, now, scale);
            if (next) afterCommit.push(next);
          });
        const outcomes = await repos.transaction((tx) =>
          storeBatch(
            tx,
            device,
            candidates.map((c) => c.candidate),
            { now: clock(), repeatWindowMs, onFeedback, onRatings: ratingsStored },
          ),
        );
        // The batch is stored: a failure from here on must not fail the upload. What a hook could
        // not finish is left marked in the database for the alerts job (alert-burst.ts).
        for (const next of afterCommit) await next().catch(() => undefined);
        candidates.forEach(({ index, sent }, i) => {
          const outcome = outcomes[i]!;
          results[index] =
            outcome.status === 'rejected'
              ? rejected(
                  sent,
                  outcome.code,
                  REFUSALS[outcome.code].replace('{code}', outcome.trackingCode ?? ''),
                )
              : { id: sent, status: outcome.status };
        });
      }
      if (highestSeq === undefined) return { results };
      // Read after the commit: what this batch brought is no longer missing.
      const received = await repos.devices.listSeqRanges(device.id);
      return { results, missing: missingSeqRanges(received, highestSeq, SYNC_MAX_MISSING_RANGES) };
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
