/**
 * A citizen's name and phone inside free text. Staff write notes and answers about the citizen;
 * for everyone who may not see the contact fields (viewers, staff not assigned to the item) those
 * words are masked as the fields are (Nghị định 13/2023/NĐ-CP: personal data only to those who
 * answer), and a public answer may hold neither. What counts as the name is in name-spans.ts, what
 * counts as a phone number (any number, not only the citizen's) in phone-spans.ts.
 */
import { nameRanges } from './name-spans.ts';
import { phoneRanges, type Range } from './phone-spans.ts';

/** What replaces a masked name or number. */
export const CONTACT_MASK = '•••';

export interface ContactToMask {
  name: string | null;
  phone: string | null;
}

/**
 * Invisible characters that split a word or a number without showing (soft hyphen, zero-width
 * space, word joiner, BOM), as text pasted from a word processor may carry: "Bì\u00adnh".
 */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/** `text` as masking reads it: NFC, without invisible characters. */
const readable = (text: string) => text.normalize('NFC').replace(INVISIBLE, '');

/**
 * `text` (in NFC, without invisible characters) with the citizen's name and every phone number
 * replaced by `CONTACT_MASK`. Idempotent; text without either comes back unchanged.
 */
export function maskContactText(text: string, contact: ContactToMask): string {
  // A mask can free what it touched: a name glued to a number ("0912 345 678Nguyễn Văn Bình"),
  // a second number after a slash ("0987.654.321/0912.345.678"). Mask again until nothing
  // changes; each pass replaces letters or digits by a mask without any, so this ends.
  let before = readable(text);
  for (;;) {
    const after = maskOnce(before, contact);
    if (after === before) return after;
    before = after;
  }
}

function maskOnce(nfc: string, contact: ContactToMask): string {
  const ranges: Range[] = [
    ...nameRanges(nfc, contact.name),
    ...phoneRanges(nfc, contact.phone),
  ].sort((a, b) => a[0] - b[0]);
  let out = '';
  let done = 0;
  for (const [start, end] of ranges) {
    if (end <= done) continue;
    out += nfc.slice(done, Math.max(start, done)) + (start >= done ? CONTACT_MASK : '');
    done = end;
  }
  return out + nfc.slice(done);
}

/**
 * Whether `text` holds anything `maskContactText` would mask: the citizen's name or given name,
 * their number, or any phone number. A published answer may hold none of these (a missed grouping
 * of the citizen's number must not reach the public register, so no number may).
 */
export function mentionsContact(text: string, contact: ContactToMask): boolean {
  return maskContactText(text, contact) !== readable(text);
}
