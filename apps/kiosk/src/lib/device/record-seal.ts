/**
 * Sealing a record into the tablet's chain (issue 25, item 1; the protocol is
 * packages/domain/src/evidence/record-chain.ts): `prevHash` names the chain hash of the device's
 * previous record and `signature` covers the rest. The chain head (the last record's number and
 * chain hash) is written by the outbox in the transaction that stores the record, never apart.
 *
 * Signing is asynchronous and may fail (WebCrypto gone, key lost): the record is then stored
 * unsigned all the same, a level pressed is never lost to a signature, and the head counts it so
 * staff see it. The next record still names the unsigned one's chain hash: the chain stays whole.
 */
import type { ClientRecord } from '@hailong/contracts';
import { GENESIS_HASH, recordChainHash, recordSigningBytes } from '@hailong/domain';
import type { RecordDraft } from '../outbox/outbox.ts';

/** A device's signature over some bytes, base64url; rejects when it cannot sign. */
export type SignBytes = (bytes: Uint8Array) => Promise<string>;

/** What the outbox needs to sign: the signing function of a device, null if it has no key. */
export interface RecordSigner {
  signerFor(deviceId: string): Promise<SignBytes | null>;
}

/** The end of a device's chain, in the meta store beside its sequence counter. */
export interface ChainHead {
  /** The number of the device's last record. */
  seq: number;
  /** Its chain hash (`recordChainHash`): the next record's `prevHash`. */
  hash: string;
  /** The `prevHash` it was chained on, so that it can be sealed again while held. */
  prevHash: string;
  /** How many of the device's records could not be signed. */
  unsigned: number;
}

/** Key of a device's chain head in the meta store. */
export const chainKey = (deviceId: string) => `chain:${deviceId}`;

/**
 * Past this a signature counts as failed and the record is stored unsigned: a hung WebCrypto must
 * never keep a pressed level out of storage. (A P-256 signature takes about a millisecond.)
 */
const SIGN_TIMEOUT_MS = 2_000;

function signWithin(sign: SignBytes, bytes: Uint8Array): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('signature timed out')), SIGN_TIMEOUT_MS);
  });
  return Promise.race([sign(bytes), late]).finally(() => clearTimeout(timer));
}

/** The draft without chain fields it may carry from an earlier seal. */
function bare(draft: RecordDraft): RecordDraft {
  const rest = { ...draft };
  delete rest.prevHash;
  delete rest.signature;
  return rest;
}

/**
 * The record numbered `seq`, chained on `prevHash` and signed; unsigned (neither field) when the
 * signature failed. With the head it leaves, `unsignedBefore` being the count before this record.
 */
export async function sealRecord(
  draft: RecordDraft,
  seq: number,
  prevHash: string,
  unsignedBefore: number,
  sign: SignBytes,
): Promise<{ record: ClientRecord; head: ChainHead }> {
  const chained = { ...bare(draft), seq, prevHash } as ClientRecord;
  try {
    const signature = await signWithin(sign, recordSigningBytes(chained));
    const record = { ...chained, signature };
    return {
      record,
      head: { seq, hash: recordChainHash(record), prevHash, unsigned: unsignedBefore },
    };
  } catch {
    return sealUnsigned(draft, seq, prevHash, unsignedBefore);
  }
}

/** The record numbered `seq` without a signature (neither chain field), and the head it leaves. */
export function sealUnsigned(
  draft: RecordDraft,
  seq: number,
  prevHash: string,
  unsignedBefore: number,
): { record: ClientRecord; head: ChainHead } {
  const record = { ...bare(draft), seq } as ClientRecord;
  return {
    record,
    head: { seq, hash: recordChainHash(record), prevHash, unsigned: unsignedBefore + 1 },
  };
}

/** The next record of a device chains on its head, or starts the chain. */
export function nextLink(head: ChainHead | undefined): { prevHash: string; unsigned: number } {
  return head
    ? { prevHash: head.hash, unsigned: head.unsigned }
    : { prevHash: GENESIS_HASH, unsigned: 0 };
}

/**
 * How a held record is sealed again after an amendment: on the link it was sealed on, if it is still
 * the head; null when a later record already names its hash (then it cannot change).
 */
export function relink(
  head: ChainHead | undefined,
  stored: ClientRecord,
): { prevHash: string; unsigned: number } | null {
  if (!head || head.seq !== stored.seq) return null;
  const wasUnsigned = stored.signature === undefined ? 1 : 0;
  return { prevHash: head.prevHash, unsigned: head.unsigned - wasUnsigned };
}

/** Whether two reads of a head are the same (no other writer moved it in between). */
export function sameHead(a: ChainHead | undefined, b: ChainHead | undefined): boolean {
  return a?.seq === b?.seq && a?.hash === b?.hash;
}
