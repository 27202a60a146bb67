/**
 * The tablet's record chain (issue 25, item 1), one definition for the kiosk that signs and the
 * server that verifies. A record is taken in its validated form (`ClientRecord.parse` output:
 * defaults applied, text in NFC, unknown keys gone), so both sides hold the same object.
 *
 * - Signed bytes: the UTF-8 of the record's JCS form (RFC 8785, `canonicalJson`) without its
 *   `signature` field; `prevHash` is part of what is signed.
 * - The record's chain hash: SHA-256 (hex) of the JCS form of the whole record, signature included.
 * - A tablet's first signed record has `prevHash` = GENESIS_HASH; every later one the chain hash of
 *   the tablet's record with the previous sequence number.
 * - Signature: ECDSA P-256 with SHA-256 (WebCrypto's `{ name: 'ECDSA', hash: 'SHA-256' }`), 64
 *   bytes r‖s (IEEE P1363, what WebCrypto gives), base64url without padding. Public key: SPKI DER,
 *   base64url without padding.
 */
import { canonicalJson, type CanonicalValue } from './canonical-json.ts';
import { sha256, toHex, utf8 } from './sha256.ts';

export const GENESIS_HASH = '0'.repeat(64);
export const RECORD_SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256';

/** What the chain needs of a record: its fields, among them the optional chain fields. */
export type ChainedRecord = Readonly<Record<string, unknown>> & {
  prevHash?: string | undefined;
  signature?: string | undefined;
};

/** The record as JCS, leaving out absent (undefined) fields as JSON does. */
function jcs(record: Readonly<Record<string, unknown>>): string {
  return canonicalJson(JSON.parse(JSON.stringify(record)) as CanonicalValue);
}

/** The bytes a tablet signs: the record without its signature, in JCS. */
export function recordSigningBytes(record: ChainedRecord): Uint8Array {
  return utf8(jcs({ ...record, signature: undefined }));
}

/** The hash the tablet's next record names as `prevHash`. */
export function recordChainHash(record: ChainedRecord): string {
  return toHex(sha256(utf8(jcs(record))));
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding, the form of signatures and public keys on the wire. */
export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) text += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return text;
}

/** The bytes of base64url text (padding tolerated); throws on any other character. */
export function fromBase64Url(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of clean) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new TypeError('base64url: unexpected character');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 255);
    }
  }
  return Uint8Array.from(out);
}
