/**
 * One cell of a catalogue file as the import reads it. Kept apart from the table's rules so the
 * cleaning (what is forgiven) and the checks (what is refused) are read separately.
 */

// Spaces around a cell, but not a line break, tab or other control character: a name must be
// refused for those on its line, not quietly cut to look like one line.
const EDGE_SPACES = /^[^\S\p{Cc}\u2028\u2029]+|[^\S\p{Cc}\u2028\u2029]+$/gu;

/**
 * One cell as the catalogue reads it: NFC, without spaces around it, without the export's formula
 * guard. Line breaks and control characters stay, for the checks to refuse.
 */
export function cleanCell(value: string): string {
  const text = value.normalize('NFC').replace(EDGE_SPACES, '');
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** What the import says of a name with a line break, a tab or another control character. */
export const NOT_ONE_LINE =
  'Tên phải viết trên một dòng: không xuống dòng, không có tab hay ký tự điều khiển.';
