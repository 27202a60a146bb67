/**
 * What the public reads of the evidence: the server's keys, the checkpoints, a checkpoint's
 * dataset as signed, and a row's inclusion proof. Anonymous and the same for everyone; each
 * answer reads one checkpoint's rows a page at a time.
 */
import { inclusionProof, leafHash, rowLeafData, toHex, type DatasetRow } from '@hailong/domain';
import { notFound } from '../http/errors.ts';
import type { Repositories } from '../repositories/types.ts';
import { checkpointRows } from './checkpoints.service.ts';
import type { CheckpointRow, SigningKeyRow } from './evidence.repository.ts';
import {
  DATASET_FORMAT,
  type Checkpoint,
  type Dataset,
  type InclusionProof,
  type PublicKey,
} from './evidence.schemas.ts';

/** Checkpoints listed per request at most (a unit's years, or one month of a whole tree). */
const LIST_LIMIT = 1000;

const publicKeyOf = (k: SigningKeyRow): PublicKey => ({
  keyId: k.id,
  algorithm: 'Ed25519',
  publicKey: k.publicKey,
  createdAt: k.createdAt,
});

export interface EvidenceService {
  keys(): Promise<PublicKey[]>;
  checkpoints(filter: {
    unit?: string | undefined;
    month?: string | undefined;
  }): Promise<Checkpoint[]>;
  dataset(unitId: string, month: string, scope: 'unit' | 'province'): Promise<Dataset>;
  proof(
    unitId: string,
    month: string,
    recordHash: string,
    scope: 'unit' | 'province',
  ): Promise<InclusionProof>;
}

export function createEvidenceService(repos: Repositories): EvidenceService {
  async function latest(unitId: string, month: string, scope: 'unit' | 'province') {
    const checkpoint = await repos.evidence.latestOf(scope, unitId, month);
    if (!checkpoint) throw notFound('Điểm chốt số liệu của đơn vị và tháng này');
    const key = (await repos.evidence.listKeys()).find((k) => k.id === checkpoint.keyId)!;
    return { checkpoint, publicKey: publicKeyOf(key) };
  }

  return {
    keys: async () => (await repos.evidence.listKeys()).map(publicKeyOf),
    checkpoints: (filter) =>
      repos.evidence.list({ unitId: filter.unit, month: filter.month, limit: LIST_LIMIT }),
    async dataset(unitId, month, scope) {
      const { checkpoint, publicKey } = await latest(unitId, month, scope);
      const rows = await checkpointRows(repos, checkpoint.id);
      return { format: DATASET_FORMAT, checkpoint, publicKey, rows };
    },
    async proof(unitId, month, recordHash, scope) {
      const { checkpoint, publicKey } = await latest(unitId, month, scope);
      const index = await repos.evidence.positionOf(checkpoint.id, recordHash);
      if (index === undefined) throw notFound('Bản ghi có mã băm này');
      const rows = await checkpointRows(repos, checkpoint.id);
      const leaves = rows.map((r) => leafHash(rowLeafData(r)));
      const proof = inclusionProof(leaves, index).map(toHex);
      return { checkpoint, publicKey, row: rows[index]!, index, proof };
    },
  };
}

const CSV_COLUMNS = [
  'recordHash',
  'day',
  'sectorCode',
  'level',
  'scale',
  'channel',
  'counted',
  'excludedWhy',
] as const;

/** The rows as CSV (RFC 4180): a header line, then one line per row in leaf order. */
export function datasetCsv(rows: readonly DatasetRow[]): string {
  const cell = (v: string | number | boolean | null) => {
    const text = v === null ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export type { CheckpointRow };
