/**
 * The citizen's verdict token (mã xác nhận): the secret that lets only the citizen who sent a phản
 * ánh, kiến nghị say whether they accept its answer. The tracking code is public (the register of
 * answers prints it), so it cannot be the proof. The token is made where the item is made (the
 * tablet, the phone page, the staff console), shown once on the citizen's receipt and nowhere else;
 * the server keeps only its SHA-256. 28 Crockford base32 characters (140 random bits) in groups of
 * four, so it can be typed from a paper receipt: "7KQ2-M9XD-…".
 */
import { lookupUrl } from './tracking-code.ts';
import { verdictOpen, type VerdictSubject } from './feedback-channels.ts';
import type { FeedbackVerdictValue } from './feedback-channels.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHARS = 28;

/** Random bytes a token takes: one per character, of which the low five bits are used. */
export const VERDICT_TOKEN_BYTES = CHARS;
export const VERDICT_TOKEN_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/;
/** The key of the receipt link's fragment that carries the token to the lookup page. */
export const VERDICT_TOKEN_FRAGMENT = 'token';

function grouped(compact: string): string {
  return compact.match(/.{4}/g)!.join('-');
}

/**
 * A new token from `VERDICT_TOKEN_BYTES` random bytes (`crypto.getRandomValues`): each byte's low
 * five bits pick a character, so every character is uniform (256 is a multiple of 32).
 */
export function newVerdictToken(random: Uint8Array): string {
  if (random.length < CHARS) throw new Error(`verdict token needs ${CHARS} random bytes`);
  let compact = '';
  for (let i = 0; i < CHARS; i++) compact += ALPHABET[random[i]! & 31];
  return grouped(compact);
}

/**
 * What a citizen typed, as the canonical token, or null when it cannot be one: any case, with or
 * without dashes or spaces; O read as 0 and I/L as 1, as for tracking codes.
 */
export function parseVerdictToken(input: string): string | null {
  if (input.length > CHARS * 3) return null;
  const compact = input
    .toUpperCase()
    .replace(/[\s.\-–—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== CHARS || !/^[0-9A-HJKMNP-TV-Z]+$/.test(compact)) return null;
  return grouped(compact);
}

interface DigestCrypto {
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
}

/**
 * The SHA-256 (hex) of a token, as the server stores and compares it; the same on the tablet
 * (WebCrypto) and the server (Node's WebCrypto). Throws on what is not a token.
 */
export async function hashVerdictToken(token: string): Promise<string> {
  const canonical = parseVerdictToken(token);
  if (canonical === null) throw new Error('not a verdict token');
  const { subtle } = (globalThis as unknown as { crypto: DigestCrypto }).crypto;
  // The canonical token is ASCII: one byte a character, as UTF-8 would encode it.
  const bytes = Uint8Array.from(canonical, (c) => c.charCodeAt(0));
  const digest = await subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The link on the citizen's receipt (the kiosk's QR, the phone page's confirmation): the lookup for
 * the code, with the token after `#`, which browsers never send to a server, so it never reaches a
 * request log; the lookup page's script puts it into the verdict form.
 */
export function receiptUrl(base: string, code: string, token: string): string {
  return `${lookupUrl(base, code)}#${VERDICT_TOKEN_FRAGMENT}=${token}`;
}

/**
 * Whether staff may record a verdict the citizen gave them by phone: only on an answered item
 * without a verdict whose citizen holds no token (items from before tokens, from old kiosks), so
 * staff never give a verdict in the place of a citizen who can give it themselves.
 */
export function verdictByPhoneOpen(
  item: VerdictSubject & { verdict: FeedbackVerdictValue | null; hasToken: boolean },
): boolean {
  return !item.hasToken && item.verdict === null && verdictOpen(item);
}
