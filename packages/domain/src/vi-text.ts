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

/**
 * `text` folded as by foldDiacritics, with where each folded character came from: folded
 * character i stems from `text.slice(from[i], to[i])`. A match found in the folded text can so be
 * masked in the original, whatever its normal form.
 */
export function foldDiacriticsMapped(text: string): {
  folded: string;
  from: number[];
  to: number[];
} {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = foldDiacritics(char);
    folded += piece;
    for (let i = 0; i < piece.length; i++) {
      from.push(at);
      to.push(at + char.length);
    }
    at += char.length;
  }
  return { folded, from, to };
}

/** Whether a word carries a Vietnamese mark or đ: "Bình", "Đào" yes; "Binh", "Dao" no. */
export function hasDiacritics(word: string): boolean {
  return foldDiacritics(word) !== word.normalize('NFC').toLowerCase();
}
