/**
 * Where a citizen's name stands in free text. Vietnamese names run family, middle, given
 * ("Nguyễn Thị Minh Khai": the given name is "Khai", the one people call them by). Found:
 * - the full name, in any case, with or without diacritics, however spaced;
 * - two or more of its words in a row ("Nguyễn Bình", "văn bình");
 * - the given name alone when it is written as a name (capitalised, "Bình" or "BINH") and is not
 *   part of another proper name ("Hòa Bình", "Bình Dương"), or follows a form of address ("anh
 *   bình", "đ/c Khai"). Nearly every given name is also an ordinary word ("bình thường", "tờ
 *   khai"), so a lower-case one alone is left; and a word with other marks than the name's is
 *   another word ("Năm" is not "Nam"), while one written without marks may be the name.
 * A given name of one letter ("Ý") is never matched alone.
 */
import type { Range } from './phone-spans.ts';
import { foldDiacritics, foldDiacriticsMapped, hasDiacritics } from './vi-text.ts';

const ADDRESS = [
  'anh', 'chị', 'em', 'ông', 'bà', 'cô', 'chú', 'bác', 'cậu', 'dì', 'mợ', 'thím', 'cháu', 'bạn',
  'cụ', 'đồng chí', 'đ/c', 'công dân', 'ông/bà', 'anh/chị',
]; // prettier-ignore
/** Forms of address typed without marks: heard only before a name typed without them too. */
const ADDRESS_UNMARKED = ['ong', 'chi', 'ba', 'co', 'chu', 'bac', 'ban', 'dong chi', 'd/c'];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const addressBefore = (forms: readonly string[]) =>
  new RegExp(`(?:^|[^\\p{L}])(?:${forms.map(escape).join('|')})[^\\S\\n]+$`, 'u');
const MARKED_BEFORE = addressBefore(ADDRESS);
const UNMARKED_BEFORE = addressBefore([...ADDRESS, ...ADDRESS_UNMARKED]);

const GAP = /^[^\S\n]+$/u;
const SENTENCE_GAP = /[.!?;…\n]/u;
const OPENING = /^[\s"'“”‘’(]*$/u;

const capitalised = (word: string) => /^\p{Lu}/u.test(word);
const allCaps = (word: string) => word.length > 1 && word === word.toUpperCase();

/**
 * A word of the text is the name's word if only missing marks differ ("Binh" for "Bình"). A name
 * stored with its marks spells each word exactly, so a word with other marks is another word
 * ("Năm" is not the "Nam" of "Trần Văn Nam"); a name stored without any may be any of them.
 */
function sameWord(word: string, token: string, nameMarked: boolean): boolean {
  if (foldDiacritics(word) !== foldDiacritics(token)) return false;
  if (!hasDiacritics(word) || !nameMarked) return true;
  return word.normalize('NFC').toLowerCase() === token.normalize('NFC').toLowerCase();
}

interface Word {
  start: number;
  end: number;
  text: string;
}

/** The text's words, and which stand next to each other on one line. */
class Words {
  readonly list: Word[];
  private readonly at = new Map<number, number>();
  constructor(private readonly text: string) {
    this.list = [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    }));
    this.list.forEach((w, i) => this.at.set(w.start, i));
  }
  indexAt(start: number): number | undefined {
    return this.at.get(start);
  }
  /** Whether words i and i + 1 are separated by spaces only. */
  adjacent(i: number): boolean {
    const a = this.list[i];
    const b = this.list[i + 1];
    return !!a && !!b && GAP.test(this.text.slice(a.end, b.start));
  }
  /** Whether word i opens a sentence (it is capitalised whatever it is). */
  opensSentence(i: number): boolean {
    const before = this.list[i - 1];
    const gap = this.text.slice(before?.end ?? 0, this.list[i]!.start);
    return before ? SENTENCE_GAP.test(gap) : OPENING.test(gap);
  }
}

/** Whole-word matches of `tokens` (folded, in a row) in the folded text, as ranges of the text. */
function foldedMatches(
  mapped: ReturnType<typeof foldDiacriticsMapped>,
  tokens: readonly string[],
): Range[] {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${tokens.map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const { folded, from, to } = mapped;
  return [...folded.matchAll(pattern)].map((m) => [from[m.index]!, to[m.index + m[0].length - 1]!]);
}

/**
 * Whether a capitalised word next to words first..last makes them part of another proper name
 * ("Hòa Bình"). The first word of a sentence is capitalised anyway, and in a line of capitals
 * every word is.
 */
function insideOtherName(words: Words, first: number, last: number): boolean {
  const own = words.list[first]!.text;
  const counts = (i: number) => {
    const neighbour = words.list[i]!.text;
    return capitalised(neighbour) && !(allCaps(neighbour) && allCaps(own));
  };
  const before = words.adjacent(first - 1) && counts(first - 1) && !words.opensSentence(first - 1);
  return before || (words.adjacent(last) && counts(last + 1));
}

/** Where the citizen's name, or enough of it to tell who they are, stands in `text` (NFC). */
export function nameRanges(text: string, name: string | null): Range[] {
  const parts = (name ?? '').normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const tokens = parts.map(foldDiacritics);
  if (tokens.join(' ').length < 2) return [];
  const mapped = foldDiacriticsMapped(text);
  const ranges = parts.length > 1 ? foldedMatches(mapped, tokens) : [];
  const given = parts.at(-1)!;
  if ([...tokens.at(-1)!].length < 2) return ranges;
  const words = new Words(text);
  const marked = hasDiacritics(parts.join(' '));
  const isPart = (i: number) => parts.some((p) => sameWord(words.list[i]!.text, p, marked));
  let covered = 0;
  for (const [s] of foldedMatches(mapped, [tokens.at(-1)!])) {
    const at = words.indexAt(s);
    if (at === undefined || s < covered || !sameWord(words.list[at]!.text, given, marked)) continue;
    // Neighbouring words of the name go with it: "Nguyễn Bình", "Bình Nguyễn".
    let first = at;
    let last = at;
    while (words.adjacent(first - 1) && isPart(first - 1)) first -= 1;
    while (words.adjacent(last) && isPart(last + 1)) last += 1;
    const word = words.list[at]!.text;
    // The three words before: "đồng chí", "ông/bà", "đ/c" are two.
    const lead = text.slice(
      first >= 3 ? words.list[first - 3]!.start : 0,
      words.list[first]!.start,
    );
    const addressed = (hasDiacritics(word) ? MARKED_BEFORE : UNMARKED_BEFORE).test(
      lead.toLowerCase(),
    );
    const asName = capitalised(word) && !insideOtherName(words, first, last);
    if (addressed || asName || first < at || last > at) {
      ranges.push([words.list[first]!.start, words.list[last]!.end]);
      covered = words.list[last]!.end;
    }
  }
  return ranges;
}
