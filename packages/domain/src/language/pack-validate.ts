/**
 * Checking an uploaded language pack against the Vietnamese reference (issue 27) before it is
 * stored: every text the screens ask for is there, no text the screens never ask for, plain text
 * only (a pack is shown to citizens; markup in it would be a way in), the same `{placeholders}` as
 * the reference so no figure goes missing, plural forms only where the pack says its language has
 * them, and clips only for a text or a scale label. Each problem names its key in Vietnamese.
 */
import { isScaleClipKey } from './clip-keys.ts';
import type { LanguagePackData, PackTextValue } from './pack-text.ts';

export type PackProblemCode =
  'missing_text' | 'unknown_text' | 'markup' | 'placeholders' | 'plural_form' | 'unknown_clip_key';

export interface PackProblem {
  readonly code: PackProblemCode;
  readonly key: string;
  readonly message: string;
}

const TAG = /<\s*\/?\s*[A-Za-z!?][^>]*>/;
const ENTITY = /&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/;
const SCRIPT_URL = /(java|vb)script\s*:/i;

/** True when `text` holds an HTML/XML tag, a character entity or a script URL. */
export function hasMarkup(text: string): boolean {
  return TAG.test(text) || ENTITY.test(text) || SCRIPT_URL.test(text);
}

/** The `{name}` placeholders of a text, sorted, each once. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

const forms = (value: PackTextValue): string[] =>
  typeof value === 'string' ? [value] : [value.one, value.other];

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Every problem of `pack` against `reference`, in key order; empty: the pack may be stored. */
export function validateLanguagePack(
  pack: LanguagePackData,
  reference: LanguagePackData,
): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (code: PackProblemCode, key: string, message: string) =>
    problems.push({ code, key, message });

  for (const key of Object.keys(reference.texts).sort()) {
    if (pack.texts[key] === undefined)
      add('missing_text', key, `Thiếu nội dung cho khoá "${key}".`);
  }
  for (const key of Object.keys(pack.texts).sort()) {
    const value = pack.texts[key]!;
    const wanted = reference.texts[key];
    if (wanted === undefined) {
      add('unknown_text', key, `Khoá "${key}" không có trong gói tiếng Việt gốc.`);
      continue;
    }
    if (forms(value).some(hasMarkup)) {
      add('markup', key, `Nội dung của "${key}" chứa thẻ HTML, ký tự mã hoá hoặc liên kết script.`);
    }
    if (typeof value !== 'string' && pack.plural !== 'one-other') {
      add('plural_form', key, `"${key}" có dạng số ít/số nhiều nhưng gói khai báo một dạng.`);
    }
    const expected = placeholdersOf(forms(wanted).join(' '));
    const own = forms(value).map(placeholdersOf);
    // The singular form may leave the count out ("one visit"); the other form may not.
    const fits =
      typeof value === 'string'
        ? sameList(own[0]!, expected)
        : sameList(own[1]!, expected) &&
          sameList(
            own[0]!,
            expected.filter((name) => name !== 'count' || own[0]!.includes(name)),
          );
    if (!fits) {
      const list =
        expected.length === 0 ? 'không có chỗ điền nào' : expected.map((n) => `{${n}}`).join(', ');
      add('placeholders', key, `"${key}" phải có đúng các chỗ điền như bản gốc: ${list}.`);
    }
  }
  const labels = [
    ...pack.scale.five.map((label, i) => [`scale.five.${i + 1}`, label] as const),
    ...pack.scale.three.map((label, i) => [`scale.three.${i + 1}`, label] as const),
    ['name', pack.name] as const,
    ['nameVi', pack.nameVi] as const,
  ];
  for (const [key, label] of labels) {
    if (hasMarkup(label))
      add('markup', key, `"${key}" chứa thẻ HTML, ký tự mã hoá hoặc liên kết script.`);
  }
  for (const key of Object.keys(pack.clips).sort()) {
    if (reference.texts[key] === undefined && !isScaleClipKey(key)) {
      add(
        'unknown_clip_key',
        key,
        `Tệp âm thanh gắn với "${key}", không phải khoá nội dung hay mức đánh giá.`,
      );
    }
  }
  return problems;
}
