/**
 * The tablet's protocol over the one ingest (ingest.ts): the protocol version, each item checked
 * against the record schema on its own (a bad one is rejected alone), the batch stored in ONE
 * transaction with the tablet's sequence bookkeeping (tablet-batch.ts), and the answer built only
 * after that commit returned (durable: SQLite synchronous=FULL, PostgreSQL synchronous_commit=on),
 * because the tablet deletes whatever we acknowledge. With `highestSeq` (protocol 3) the answer
 * names the numbers up to it the server lacks, and the number is kept on the device.
 */
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
import { missingSeqRanges } from '@hailong/domain';
import type { DeviceRow, Repositories } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { kioskSettingsOf } from '../survey/kiosk-settings.ts';
import { recordContentHash } from './record-hash.ts';
import { ingest, type Outcome, type Submission } from './ingest.ts';
import { recordTabletBatch } from './tablet-batch.ts';
import { modeOf } from './ingest-ratings.ts';
import {
  chainFieldsOf,
  checkRecordChain,
  verifySignatures,
  type ArrivedRecord,
} from './record-chain.ts';

const REFUSALS: Record<'id_taken' | 'conflict' | 'tracking_code_taken', string> = {
  id_taken: 'Mã bản ghi này đã được một thiết bị khác dùng; bản ghi không được lưu.',
  conflict: 'Máy đã gửi một bản ghi khác cùng mã trước đó; bản ghi này không được lưu.',
  tracking_code_taken:
    'Mã tra cứu {code} đã thuộc về một phản ánh, kiến nghị khác; bản ghi không được lưu.',
};

/** The record as the one ingest takes it; its id canonical, its hash of what was sent. */
function submissionOf(record: ClientRecord): Submission {
  const base = {
    id: canonicalRecordId(record.id),
    hash: recordContentHash(record),
    seq: record.seq,
    at: Date.parse(record.deviceTime),
    chain: chainFieldsOf(record),
  };
  if (record.kind === 'rating') {
    return {
      ...base,
      kind: 'rating',
      sectorId: record.sectorId,
      level: record.level,
      reasons: record.reasons,
      comment: record.comment ?? null,
      possibleRepeat: record.possibleRepeat,
      counterId: record.counterId,
      officerId: record.officerId ?? null,
      dossierCode: record.dossierCode ?? null,
      respondentType: record.respondentType ?? null,
      answers: record.answers,
      mode: modeOf(record),
    };
  }
  return {
    ...base,
    kind: 'feedback',
    feedbackKind: record.feedbackKind,
    trackingCode: record.trackingCode,
    sectorId: record.sectorId,
    content: record.content,
    contact: record.contact && {
      name: record.contact.name ?? null,
      phone: record.contact.phone ?? null,
      consentVersion: record.contact.consentVersion,
      consentAt: Date.parse(record.contact.consentAt),
    },
    // Only the hash ever reaches the server; an old kiosk sends none (verdicts through staff).
    verdictTokenHash: record.verdictTokenHash ?? null,
  };
}

function refusalMessage(outcome: Extract<Outcome, { status: 'rejected' }>): string {
  if (outcome.policy) return outcome.policy.message;
  const code = outcome.code as keyof typeof REFUSALS;
  return REFUSALS[code].replace('{code}', outcome.trackingCode ?? '');
}

export function createSyncService(repos: Repositories, clock: Clock) {
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
      const results: SyncResult[] = new Array(items.length);
      const valid: {
        index: number;
        sent: string;
        record: ClientRecord;
        submission: Submission;
      }[] = [];
      items.forEach((item, index) => {
        const rawId =
          typeof (item as { id?: unknown })?.id === 'string' ? (item as { id: string }).id : '';
        const parsed = ClientRecord.safeParse(item);
        if (!parsed.success) {
          const fields = [
            ...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(record)')),
          ].join(', ');
          results[index] = rejected(rawId, 'validation_failed', `Bản ghi không hợp lệ: ${fields}.`);
        } else if (parsed.data.deviceId !== device.id) {
          results[index] = rejected(rawId, 'validation_failed', 'Bản ghi thuộc về thiết bị khác.');
        } else {
          valid.push({
            index,
            sent: rawId,
            record: parsed.data,
            submission: submissionOf(parsed.data),
          });
        }
      });

      if (valid.length > 0) {
        const now = clock();
        const unit = await repos.catalogue.findUnit(device.unitId);
        const repeatWindowMs = unit ? kioskSettingsOf(unit).repeatWindowSeconds * 1000 : 0;
        const submissions = valid.map((v) => v.submission);
        // A tablet with a key has its chain checked (record-chain.ts); its signatures are checked
        // off the event loop while the batch is written.
        const key = await repos.recordChain.deviceKey(device.id);
        const verdicts =
          key &&
          verifySignatures(
            key,
            valid.map((v) => v.record),
          );
        const { outcomes } = await repos.transaction(async (tx) => {
          const stored = await ingest(tx, { kind: 'tablet', device }, submissions, {
            now,
            repeatWindowMs,
          });
          await recordTabletBatch(tx, device, { submissions, highestSeq, ...stored }, now);
          if (!verdicts) return stored;
          const holds = await verdicts;
          const arrived: ArrivedRecord[] = [];
          valid.forEach(({ record, submission }, i) => {
            if (stored.outcomes[i]!.status !== 'accepted') return;
            const chain = submission.chain!;
            arrived.push({ id: submission.id, seq: record.seq, chain, signatureHolds: holds[i]! });
          });
          await checkRecordChain(tx, device, arrived, now);
          return stored;
        });
        valid.forEach(({ index, sent }, i) => {
          const outcome = outcomes[i]!;
          results[index] =
            outcome.status === 'rejected'
              ? rejected(sent, outcome.code, refusalMessage(outcome))
              : { id: sent, status: outcome.status };
        });
      } else if (highestSeq !== undefined) {
        await repos.ingest.recordReportedSeq(device.id, highestSeq);
      }
      if (highestSeq === undefined) return { results };
      // Read after the commit: what this batch brought is no longer missing.
      const received = await repos.devices.listSeqRanges(device.id);
      return { results, missing: missingSeqRanges(received, highestSeq, SYNC_MAX_MISSING_RANGES) };
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
