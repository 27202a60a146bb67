/**
 * Enrollment codes as staff type them or as a link carries them (/kiosk/#enroll=7KQ2-M9XD): any
 * case, with or without the dash or spaces; 8 Crockford base32 characters.
 */
export function normalizeEnrollmentCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact) ? compact : null;
}

/** The code shown as staff read it on the console: XXXX-XXXX. */
export function formatEnrollmentCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** The code in a URL fragment such as `#enroll=7KQ2-M9XD`, or null when there is none. */
export function enrollmentCodeFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get('enroll');
  return value === null ? null : value.trim();
}
