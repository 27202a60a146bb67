/**
 * The server's side of the tablet record chain (issue 25 item 1; the protocol is
 * packages/domain/src/evidence/record-chain.ts). Run in the batch's transaction after ingest stored
 * what was new, so the links it reads include this batch's records and, the device being locked,
 * every earlier batch's. For each record stored now of a tablet with a registered key:
 * - no signature or no prevHash: 'missing_signature';
 * - a signature that does not verify over its signing bytes: 'bad_signature';
 * - a prevHash other than the chain hash of its stored predecessor (seq - 1): 'break' — and if the
 *   successor (seq + 1) arrived first, the successor is checked now;
 * - a prevHash another of the tablet's records already names: 'fork' (on the later one).
 * A flag never refuses or drops a record: it is stored and counted as any other. Links to an
 * unsigned neighbour are not checked (that neighbour is flagged itself).
 */
import { createHash, createPublicKey, randomUUID, verify, type KeyObject } from 'node:crypto';
import type { ClientRecord } from '@hailong/contracts';
import {
  canonicalJson,
  fromBase64Url,
  recordSigningBytes,
  type CanonicalValue,
} from '@hailong/domain';
import type { DeviceRow, Repositories } from '../repositories/types.ts';
import type {
  ChainFlagKind,
  ChainFlagRow,
  ChainLink,
  DeviceKey,
} from './record-chain.repository.ts';

/** The chain columns of a record as it arrived (all null when unsigned). */
export interface ChainFields {
  prevHash: string | null;
  signature: string | null;
  chainHash: string | null;
}

/**
 * The domain's `recordChainHash` (the same JCS text, record-chain.test.ts proves them equal) with
 * node's native SHA-256: the domain's portable one costs more than the signature check per record.
 */
export function serverChainHash(record: ClientRecord): string {
  const text = canonicalJson(JSON.parse(JSON.stringify(record)) as CanonicalValue);
  return createHash('sha256').update(text).digest('hex');
}

export function chainFieldsOf(record: ClientRecord): ChainFields {
  const signed = record.signature !== undefined && record.prevHash !== undefined;
  return {
    prevHash: record.prevHash ?? null,
    signature: record.signature ?? null,
    chainHash: signed ? serverChainHash(record) : null,
  };
}

/** The tablet's key as node:crypto reads it; throws when it is not a P-256 public key. */
export function importDeviceKey(spki: string): KeyObject {
  const key = createPublicKey({
    key: Buffer.from(fromBase64Url(spki)),
    format: 'der',
    type: 'spki',
  });
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new TypeError('not an ECDSA P-256 key');
  }
  return key;
}

/** Imported keys by their text: a tablet's key is parsed once, not once per batch. */
const keys = new Map<string, KeyObject>();
const KEYS_KEPT = 1000;

function keyOf(spki: string): KeyObject {
  let key = keys.get(spki);
  if (!key) {
    key = importDeviceKey(spki);
    if (keys.size >= KEYS_KEPT) keys.delete(keys.keys().next().value!);
    keys.set(spki, key);
  }
  return key;
}

/** Whether the record's signature holds, checked on libuv's thread pool (off the event loop). */
function signatureHolds(key: KeyObject, record: ClientRecord): Promise<boolean> {
  if (record.signature === undefined || record.prevHash === undefined) {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    try {
      verify(
        'sha256',
        recordSigningBytes(record),
        { key, dsaEncoding: 'ieee-p1363' },
        Buffer.from(fromBase64Url(record.signature!)),
        (err, ok) => resolve(!err && ok),
      );
    } catch {
      resolve(false);
    }
  });
}

/**
 * Starts checking the signatures of `records` with the tablet's key, before the batch's
 * transaction, so the checks run in parallel with its writes; one verdict per record, in order.
 */
export function verifySignatures(
  key: DeviceKey,
  records: readonly ClientRecord[],
): Promise<boolean[]> {
  const imported = keyOf(key.spki);
  return Promise.all(records.map((r) => signatureHolds(imported, r)));
}

const DETAIL: Record<ChainFlagKind, (seq: number, other?: number) => string> = {
  missing_signature: (seq) =>
    `Bản ghi số ${seq} không có chữ ký số dù máy tính bảng đã đăng ký khóa.`,
  bad_signature: (seq) =>
    `Chữ ký số của bản ghi số ${seq} không hợp lệ: nội dung đã khác với lúc máy tính bảng ký.`,
  break: (seq) =>
    `Bản ghi số ${seq} không nối tiếp bản ghi số ${seq - 1}: mã băm bản ghi trước không khớp.`,
  fork: (seq, other) =>
    `Bản ghi số ${seq} nối vào cùng một bản ghi trước như bản ghi số ${other}: chuỗi bị rẽ nhánh.`,
};

/** A record stored now, with what it arrived as and whether its signature held. */
export interface ArrivedRecord {
  id: string;
  seq: number;
  chain: ChainFields;
  signatureHolds: boolean;
}

/**
 * Checks the chain of the records of `device` stored now and writes the flags (once per record and
 * kind) in `tx`; returns the flags written.
 */
export async function checkRecordChain(
  tx: Repositories,
  device: DeviceRow,
  arrived: readonly ArrivedRecord[],
  now: number,
): Promise<ChainFlagRow[]> {
  if (arrived.length === 0) return [];
  const flags: ChainFlagRow[] = [];
  const raised = new Set<string>();
  const flag = (kind: ChainFlagKind, id: string, seq: number, other?: number) => {
    if (raised.has(`${kind} ${id}`)) return;
    raised.add(`${kind} ${id}`);
    flags.push({
      id: randomUUID(),
      deviceId: device.id,
      unitId: device.unitId,
      recordId: id,
      seq,
      kind,
      detail: DETAIL[kind](seq, other),
      detectedAt: now,
    });
  };

  const chained = arrived.filter((a) => a.chain.chainHash !== null);
  for (const a of arrived) {
    if (a.chain.chainHash === null) flag('missing_signature', a.id, a.seq);
    else if (!a.signatureHolds) flag('bad_signature', a.id, a.seq);
  }
  if (chained.length === 0) return tx.recordChain.insertFlags(flags);

  const fresh = new Set(chained.map((a) => a.id));
  const seqs = new Set(chained.flatMap((a) => [a.seq - 1, a.seq + 1]));
  const neighbours = await tx.recordChain.linksAt(device.id, [...seqs]);
  const siblings = await tx.recordChain.linksAfter(device.id, [
    ...new Set(chained.map((a) => a.chain.prevHash!)),
  ]);
  const atSeq = new Map<number, ChainLink[]>();
  for (const link of neighbours) atSeq.set(link.seq, [...(atSeq.get(link.seq) ?? []), link]);
  const linked = (prev: readonly ChainLink[], prevHash: string) => {
    const signed = prev.filter((p) => p.chainHash !== null);
    return signed.length === 0 || signed.some((p) => p.chainHash === prevHash);
  };

  for (const a of chained) {
    const { seq } = a;
    const { prevHash, chainHash } = a.chain;
    if (!linked(atSeq.get(seq - 1) ?? [], prevHash!)) flag('break', a.id, seq);
    // A successor that arrived in an earlier batch was not checked against this record then.
    for (const next of atSeq.get(seq + 1) ?? []) {
      if (fresh.has(next.id) || next.chainHash === null || next.prevHash === null) continue;
      if (next.prevHash !== chainHash) flag('break', next.id, next.seq);
    }
    const earlier = siblings.find(
      (s) =>
        s.id !== a.id &&
        s.prevHash === prevHash &&
        (!fresh.has(s.id) || s.seq < seq || (s.seq === seq && s.id < a.id)),
    );
    if (earlier) flag('fork', a.id, seq, earlier.seq);
  }
  return tx.recordChain.insertFlags(flags);
}
