/**
 * The tablet's signing key (issue 25, item 1): an ECDSA P-256 pair made on the tablet at enrollment,
 * its private half not extractable, kept in the meta store as the CryptoKeyPair itself (IndexedDB
 * clones CryptoKeys; the private key's bytes never reach script). The public half goes to the server
 * with the enrollment. A tablet enrolled before keys, or whose browser has no WebCrypto (an insecure
 * origin), has none: its records go unsigned and are labelled so.
 */
import type { DevicePublicKey } from '@hailong/contracts';
import { RECORD_SIGNATURE_ALGORITHM, toBase64Url } from '@hailong/domain';
import type { KioskDb } from '../db/kiosk-db.ts';
import type { RecordSigner, SignBytes } from './record-seal.ts';
import { chainKey, type ChainHead } from './record-seal.ts';

/** Key of the signing key in the meta store. */
export const SIGNING_KEY = 'signing-key';

export interface SigningKey {
  /** The device the key was registered for. */
  deviceId: string;
  keys: CryptoKeyPair;
  publicKey: DevicePublicKey;
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A new key pair and its public half as the server takes it; null without WebCrypto's ECDSA. */
export async function makeSigningKey(): Promise<Omit<SigningKey, 'deviceId'> | null> {
  try {
    const keys = (await crypto.subtle.generateKey(ECDSA, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    return { keys, publicKey: { algorithm: RECORD_SIGNATURE_ALGORITHM, spki: toBase64Url(spki) } };
  } catch {
    return null;
  }
}

/** `keys`' signature over `bytes`: 64 bytes r‖s, base64url. */
export async function signBytes(keys: CryptoKeyPair, bytes: Uint8Array): Promise<string> {
  // Never a SharedArrayBuffer here: the bytes come from TextEncoder-like encoders.
  const data = bytes as Uint8Array<ArrayBuffer>;
  return toBase64Url(new Uint8Array(await crypto.subtle.sign(SIGN, keys.privateKey, data)));
}

/** Whether this tablet signs its records, and how many it could not sign (staff mode). */
export interface SigningStatus {
  signs: boolean;
  unsigned: number;
}

/**
 * The kiosk's signer for the outbox: the stored key, read once and remembered (a tap never waits on
 * a second read). `forget` after an enrollment changes it.
 */
export class StoredKeySigner implements RecordSigner {
  #key: Promise<SigningKey | null> | null = null;

  constructor(private readonly db: KioskDb) {}

  async signerFor(deviceId: string): Promise<SignBytes | null> {
    this.#key ??= this.db
      .run(async (db) => ((await db.get('meta', SIGNING_KEY)) as SigningKey | undefined) ?? null)
      .catch(() => {
        this.#key = null;
        return null;
      });
    const key = await this.#key;
    return key?.deviceId === deviceId ? (bytes) => signBytes(key.keys, bytes) : null;
  }

  forget(): void {
    this.#key = null;
  }

  /** What staff mode shows of the device's signing. */
  status(deviceId: string): Promise<SigningStatus> {
    return this.db.run(async (db) => {
      const tx = db.transaction('meta');
      const [key, head] = await Promise.all([
        tx.store.get(SIGNING_KEY) as Promise<SigningKey | undefined>,
        tx.store.get(chainKey(deviceId)) as Promise<ChainHead | undefined>,
      ]);
      return { signs: key?.deviceId === deviceId, unsigned: head?.unsigned ?? 0 };
    });
  }
}
