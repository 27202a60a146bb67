/**
 * Tracking codes (mã tra cứu) for phản ánh, kiến nghị: created on the tablet, offline, and read
 * aloud or typed by citizens of any age. 8 Crockford base32 characters (40 random bits) in two
 * groups, "7KQ2-M9XD": no I, L, O or U, so nothing is confused when read or heard.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A new code from 5 random bytes (pass `crypto.getRandomValues(new Uint8Array(5))`). */
export function newTrackingCode(random: Uint8Array): string {
  if (random.length < 5) throw new Error('tracking code needs 5 random bytes');
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(random[i]!);
  let code = '';
  for (let i = 0; i < 8; i++) code = ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)] + code;
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a citizen typed, as the canonical code, or null when it cannot be one: any case, with or
 * without the dash or spaces; O read as 0 and I/L as 1, as Crockford's decoding does.
 */
export function parseTrackingCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s.\-–—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/**
 * The public lookup address for a code, as the kiosk shows it and encodes in its QR code: the
 * public page looks the code up on the server, so the result shows on any phone, script or not.
 * (The server's request log never records a query string.)
 */
export function lookupUrl(base: string, code: string): string {
  return `${lookupPage(base)}?code=${code}`;
}

/** The public page where a citizen types a tracking code. */
export function lookupPage(base: string): string {
  return `${base.replace(/\/+$/, '')}/public`;
}
