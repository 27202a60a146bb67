/** Vietnamese text handling: one normal form (NFC) everywhere, search without diacritics, sorting. */

/** NFC-normalises and trims; every citizen or staff string goes through this before it is stored. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').trim();
}

/**
 * Folds Vietnamese diacritics for search: "Đất đai" → "dat dai". NFD strips the combining marks;
 * đ/Đ is a letter of its own, not a mark, so it is mapped by hand.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings in Vietnamese alphabetical order (a, ă, â, b, c, d, đ, e, ê, …). */
export function compareVi(a: string, b: string): number {
  return viCollator.compare(a, b);
}
