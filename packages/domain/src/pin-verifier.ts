/**
 * An officer's counter PIN (4–6 digits) as a verifier: `pbkdf2$<iterations>$<salt b64>$<hash b64>`,
 * PBKDF2 with SHA-256 through WebCrypto, so the console's server makes it and a tablet checks a PIN
 * offline with the same code. No I/O; the salt is an argument.
 *
 * What a stolen tablet exposes: the verifiers of its unit's officers (the roster it caches for
 * offline use). Six digits are a million guesses; at 100 000 iterations an attacker with the
 * tablet's storage finds any PIN in hours on one GPU. A counter PIN therefore only says who stands
 * at the counter on the ratings (it is not a password: it opens no console and no data), and a
 * supervisor clears every PIN of the unit when a tablet is lost; a new PIN gives a new salt.
 */

export const PIN_VERIFIER_ITERATIONS = 100_000;
const PREFIX = 'pbkdf2';

/** A counter PIN: 4 to 6 ASCII digits. */
export function isValidCounterPin(pin: string): boolean {
  return /^\d{4,6}$/.test(pin);
}

/** Makes the verifier of `pin` with a fresh 16-byte `salt` (the caller's randomness). */
export async function makePinVerifier(
  pin: string,
  salt: Uint8Array,
  iterations = PIN_VERIFIER_ITERATIONS,
): Promise<string> {
  if (!isValidCounterPin(pin)) throw new RangeError('A counter PIN has 4 to 6 digits');
  const hash = await derive(pin, salt, iterations);
  return [PREFIX, String(iterations), toBase64(salt), toBase64(hash)].join('$');
}

/** Whether `pin` matches `verifier`; false for a malformed verifier (never throws on input). */
export async function checkPinVerifier(pin: string, verifier: string): Promise<boolean> {
  const parsed = parseVerifier(verifier);
  if (!parsed || !isValidCounterPin(pin)) return false;
  const hash = await derive(pin, parsed.salt, parsed.iterations);
  if (hash.length !== parsed.hash.length) return false;
  let difference = 0;
  for (let i = 0; i < hash.length; i++) difference |= hash[i]! ^ parsed.hash[i]!;
  return difference === 0;
}

/** Whether `verifier` has the form this module makes (checked before one is stored). */
export function isPinVerifier(verifier: string): boolean {
  return parseVerifier(verifier) !== null;
}

function parseVerifier(
  verifier: string,
): { iterations: number; salt: Uint8Array; hash: Uint8Array } | null {
  const parts = verifier.split('$');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const iterations = Number(parts[1]);
  // A bound on the cost a forged roster could make a tablet pay per check.
  if (!Number.isInteger(iterations) || iterations < 1_000 || iterations > 2_000_000) return null;
  const salt = fromBase64(parts[2]!);
  const hash = fromBase64(parts[3]!);
  if (!salt || !hash || salt.length < 8 || hash.length !== 32) return null;
  return { iterations, salt, hash };
}

/** The part of WebCrypto used here; the domain package is typed without the DOM or Node. */
interface Pbkdf2Subtle {
  importKey(
    format: 'raw',
    key: Uint8Array,
    algorithm: 'PBKDF2',
    extractable: false,
    usages: ['deriveBits'],
  ): Promise<unknown>;
  deriveBits(
    algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number },
    key: unknown,
    length: number,
  ): Promise<ArrayBuffer>;
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const { subtle } = (globalThis as unknown as { crypto: { subtle: Pbkdf2Subtle } }).crypto;
  // A valid PIN is ASCII digits, so its UTF-8 bytes are its char codes.
  const secret = Uint8Array.from(pin, (c) => c.charCodeAt(0));
  const key = await subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const body = text.replace(/=+$/, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const c of body) {
    buffer = (buffer << 6) | ALPHABET.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 255);
    }
  }
  return Uint8Array.from(out);
}
