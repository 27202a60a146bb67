/**
 * Short codes of the phone page's links (`/q/AP1`), printed on posters under the QR code so that a
 * citizen can type the address: a unit's code is made of the initials of its name without the
 * administrative prefix (UBND xã An Phú → AP; Sở Tư pháp → TP), and a counter's is its unit's code
 * followed by a number (AP1, AP2…). A unit's code never ends in a digit, so every code reads one
 * way. Codes are given once and kept (the server stores them): renaming a unit never breaks a
 * printed poster.
 */

/** The letters a code is made of, and at most this many from a name. */
const MAX_INITIALS = 4;

/** Words that say what kind of body a unit is, not which: left out of its initials. */
const PREFIXES = [
  'ủy ban nhân dân',
  'uỷ ban nhân dân',
  'ubnd',
  'bộ phận một cửa',
  'trung tâm phục vụ hành chính công',
  'trung tâm',
  'sở',
  'ban',
  'tỉnh',
  'thành phố',
  'xã',
  'phường',
  'đặc khu',
  'thị trấn',
  'huyện',
  'quận',
  'thị xã',
];

/** Vietnamese letters without their marks (đ → d), upper case. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toUpperCase();
}

/**
 * The letters a unit's code starts from: the initials of its name's words after its prefixes, at
 * most four; "DV" when no letter is left (a name of digits only).
 */
export function shortCodeBase(unitName: string): string {
  let rest = unitName.trim().toLowerCase().replace(/\s+/g, ' ');
  for (let again = true; again;) {
    again = false;
    for (const prefix of PREFIXES) {
      if (rest.startsWith(`${prefix} `)) {
        rest = rest.slice(prefix.length + 1);
        again = true;
      }
    }
  }
  const initials = plain(rest)
    .split(/[^A-Z0-9]+/)
    .map((word) => word.replace(/[^A-Z]/g, '')[0] ?? '')
    .join('')
    .slice(0, MAX_INITIALS);
  return initials || 'DV';
}

/**
 * The unit's code: `base` when free, else `base` with a letter added (A, B… then AA, AB…), the
 * first that `taken` (upper case) does not hold.
 */
export function freeUnitCode(base: string, taken: (code: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 0; ; n++) {
    const code = base + letters(n);
    if (!taken(code)) return code;
  }
}

/** 0 → A, 25 → Z, 26 → AA… */
function letters(n: number): string {
  const head = n >= 26 ? letters(Math.floor(n / 26) - 1) : '';
  return head + String.fromCharCode(65 + (n % 26));
}

/** A counter's code: its unit's code and its number (1 for the first counter given one). */
export function counterShortCode(unitCode: string, n: number): string {
  return `${unitCode}${n}`;
}

/** The number of a counter's code of the unit `unitCode` (AP12 → 12); null for another's. */
export function counterNumber(unitCode: string, code: string): number | null {
  if (!code.startsWith(unitCode)) return null;
  const digits = code.slice(unitCode.length);
  return /^[1-9]\d*$/.test(digits) ? Number(digits) : null;
}

/** A code as typed (any case, spaces around): the stored form, or null when it cannot be one. */
export function normalizeShortCode(typed: string): string | null {
  const code = typed.trim().toUpperCase();
  return /^[A-Z]{1,12}\d{0,4}$/.test(code) ? code : null;
}
