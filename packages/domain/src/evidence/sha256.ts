/**
 * The hash and byte helpers of the evidence code, from @noble/hashes (audited, synchronous, the same
 * in Node.js and the browser: WebCrypto's digest is asynchronous only), so the Merkle code runs
 * alike on the server, in `npm run verify` and in a browser verifier.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';

/** The SHA-256 digest of `data`, 32 bytes. */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** Bytes as lower-case hex. */
export const toHex = (bytes: Uint8Array): string => bytesToHex(bytes);

const HEX = /^(?:[0-9a-f]{2})*$/;

/** Lower-case hex as bytes; throws on anything else. */
export function fromHex(hex: string): Uint8Array {
  if (!HEX.test(hex)) throw new Error('not lower-case hex');
  return hexToBytes(hex);
}

/** UTF-8 bytes of a string (lone surrogates as U+FFFD, as TextEncoder does). */
export const utf8 = (text: string): Uint8Array => utf8ToBytes(text);
