/**
 * A citizen's name and phone inside free text. Staff write notes and answers about the citizen;
 * for everyone who may not see the contact fields (viewers, staff not assigned to the item) those
 * words are masked as the fields are (Nghị định 13/2023/NĐ-CP: personal data only to those who
 * answer). Names are found whatever the case, the diacritics or the spacing; phone numbers in every
 * way Vietnamese write them: 0912 345 678, 0912.345.678, +84 912345678, (024) 3825 1234.
 */
import { foldDiacritics } from './vi-text.ts';

/** What replaces a masked name or number. */
export const CONTACT_MASK = '•••';

export interface ContactToMask {
  name: string | null;
  phone: string | null;
}

type Range = [start: number, end: number];

const SEP = '[\\s.\\-()]{0,2}';
/**
 * Any Vietnamese phone number: a prefix 0, 84 or +84 (optionally "(0)" after it, or brackets
 * around an area code), then 9 or 10 digits with at most two separators between digits. Not inside
 * a longer run of digits or a word.
 */
const ANY_PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}+])(?:\\(?\\+?84\\)?${SEP}(?:\\(0\\)${SEP})?|\\(?0)\\d(?:${SEP}\\d){8,9}(?!\\p{N})`,
  'gu',
);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches as ranges; an opening bracket that the match does not close stays outside it. */
function rangesOf(pattern: RegExp, text: string): Range[] {
  return [...text.matchAll(pattern)].map((m) => {
    const open = m[0].startsWith('(') && !m[0].includes(')');
    return [m.index + (open ? 1 : 0), m.index + m[0].length];
  });
}

/** The citizen's own number by its last nine digits, with or without 0 or +84, however grouped. */
function ownPhone(phone: string | null): RegExp | null {
  const digits = (phone ?? '').replace(/\D/g, '').slice(-9);
  if (digits.length < 9) return null;
  const prefix = `(?:\\(?(?:\\+?84|0)\\)?${SEP})?`;
  return new RegExp(`(?<![\\p{N}+])${prefix}${[...digits].join(SEP)}(?!\\p{N})`, 'gu');
}

/**
 * Where the citizen's name stands in `text`: both are folded (no case, no diacritics) character
 * by character, keeping where each folded character came from, so that a match in the folded text
 * masks exactly the original characters.
 */
function nameRanges(text: string, name: string | null): Range[] {
  const tokens = foldDiacritics(name?.normalize('NFC') ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.join(' ').length < 2) return [];
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
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${tokens.map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return rangesOf(pattern, folded).map(([s, e]) => [from[s]!, to[e - 1]!]);
}

function contactRanges(text: string, contact: ContactToMask, anyPhone: boolean): Range[] {
  const own = ownPhone(contact.phone);
  return [
    ...nameRanges(text, contact.name),
    ...(own ? rangesOf(own, text) : []),
    ...(anyPhone ? rangesOf(ANY_PHONE, text) : []),
  ];
}

/**
 * `text` (in NFC) with the citizen's name and every phone number replaced by `CONTACT_MASK`.
 * Idempotent; text without either comes back unchanged.
 */
export function maskContactText(text: string, contact: ContactToMask): string {
  // A name glued to a number ("0912 345 678Nguyễn Văn Bình") stands free once the number is
  // masked: mask again until nothing changes. Each pass removes matches, so this ends.
  let before = text.normalize('NFC');
  for (;;) {
    const after = maskOnce(before, contact);
    if (after === before) return after;
    before = after;
  }
}

function maskOnce(nfc: string, contact: ContactToMask): string {
  const ranges = contactRanges(nfc, contact, true).sort((a, b) => a[0] - b[0]);
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
 * Whether `text` names the citizen or gives their own number (another number, such as the
 * office's, is allowed): a published answer must not.
 */
export function mentionsContact(text: string, contact: ContactToMask): boolean {
  return contactRanges(text.normalize('NFC'), contact, false).length > 0;
}
