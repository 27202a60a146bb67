/**
 * The server's Ed25519 signing key for checkpoints (node:crypto). It is made on first use and kept
 * in the database, so every process of a deployment signs with the same key and a restore keeps
 * it; whoever can read the database can sign too — the trust model (README, "Kiểm chứng số liệu")
 * rests on published checkpoints being copied out, not on the key being unreachable.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as signBytes,
  verify as verifyBytes,
} from 'node:crypto';
import type { Repositories } from '../repositories/types.ts';
import { keyIdOf } from '@hailong/domain';

export const CHECKPOINT_KEY_PURPOSE = 'checkpoints';

export interface ServerSigner {
  keyId: string;
  /** Raw public key, hex. */
  publicKey: string;
  /** An Ed25519 signature over `bytes`, hex. */
  sign(bytes: Uint8Array): string;
}

export { keyIdOf };

/** The signer of checkpoints, its key made now if the deployment has none. */
export async function checkpointSigner(repos: Repositories, now: number): Promise<ServerSigner> {
  let row = await repos.evidence.findKey(CHECKPOINT_KEY_PURPOSE);
  if (!row) {
    const pair = generateKeyPairSync('ed25519');
    const jwk = pair.publicKey.export({ format: 'jwk' });
    const publicKey = Buffer.from(jwk.x!, 'base64url').toString('hex');
    await repos.evidence.addKey({
      id: keyIdOf(publicKey),
      purpose: CHECKPOINT_KEY_PURPOSE,
      publicKey,
      privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      createdAt: now,
    });
    // Another process may have made one first: its key is the one.
    row = (await repos.evidence.findKey(CHECKPOINT_KEY_PURPOSE))!;
  }
  const key = createPrivateKey({
    key: Buffer.from(row.privateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    keyId: row.id,
    publicKey: row.publicKey,
    sign: (bytes) => signBytes(null, bytes, key).toString('hex'),
  };
}

/** Whether `signatureHex` is an Ed25519 signature of `bytes` by the raw public key `publicKeyHex`. */
export function verifyEd25519(
  publicKeyHex: string,
  bytes: Uint8Array,
  signatureHex: string,
): boolean {
  try {
    const key = createPublicKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: Buffer.from(publicKeyHex, 'hex').toString('base64url'),
      },
      format: 'jwk',
    });
    return verifyBytes(null, bytes, key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
