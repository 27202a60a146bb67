/**
 * Reading a language pack (issue 27; the format is `LanguagePack` in packages/contracts): a text by
 * key with its placeholders filled, the plural form for a count, a scale's label, a clip's file.
 * A key the pack lacks (a pack uploaded before the key existed) falls back to the Vietnamese
 * reference, and says so, so that staff mode can show it; citizens just read Vietnamese.
 */
import type { ScaleId } from '../scales.ts';

export type PackPlural = 'other' | 'one-other';
export type PackTextValue = string | { readonly one: string; readonly other: string };

/** A pack as the apps hold it (the contract's `LanguagePack` after parsing). */
export interface LanguagePackData {
  readonly format: 'hailong-language-pack/1';
  readonly language: string;
  readonly name: string;
  readonly nameVi: string;
  readonly speech?: string | undefined;
  readonly plural: PackPlural;
  readonly scale: { readonly five: readonly string[]; readonly three: readonly string[] };
  readonly texts: Readonly<Record<string, PackTextValue>>;
  readonly clips: Readonly<Record<string, string>>;
}

/** The meta part of a pack file (`packs/<language>/meta.json`): everything but the texts. */
export type PackMeta = Omit<LanguagePackData, 'texts'>;

/** One pack from its meta and its surfaces' texts (`kiosk.json`, `phone.json`, `public.json`). */
export function assemblePack(
  meta: PackMeta,
  ...surfaces: Readonly<Record<string, PackTextValue>>[]
): LanguagePackData {
  return { ...meta, texts: Object.assign({}, ...surfaces) as Record<string, PackTextValue> };
}

export type PackParams = Readonly<Record<string, string | number>>;

export interface PackLookup {
  readonly text: string;
  /** True when the pack lacks the key and the Vietnamese reference's text was used. */
  readonly fallback: boolean;
}

/** `{name}` placeholders filled from `params`; an unknown placeholder is left as written. */
export function fillPlaceholders(text: string, params?: PackParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The form of a text for `count` under the pack's plural rule. */
export function pluralForm(value: PackTextValue, plural: PackPlural, count: number): string {
  if (typeof value === 'string') return value;
  return plural === 'one-other' && count === 1 ? value.one : value.other;
}

/**
 * The text of `key` in `pack`, else in `reference` (Vietnamese), with placeholders filled; a
 * `count` param picks the plural form. A key neither has is returned as the key itself, flagged.
 */
export function lookupText(
  pack: LanguagePackData,
  reference: LanguagePackData,
  key: string,
  params?: PackParams,
): PackLookup {
  const own = pack.texts[key];
  const source = own === undefined ? reference : pack;
  const value = own ?? reference.texts[key];
  if (value === undefined) return { text: key, fallback: true };
  const count = typeof params?.count === 'number' ? params.count : 0;
  return {
    text: fillPlaceholders(pluralForm(value, source.plural, count), params),
    fallback: own === undefined,
  };
}

/** The label of `level` (1 = worst) on a scale; falls back to the reference like a text. */
export function scaleLabel(
  pack: LanguagePackData,
  reference: LanguagePackData,
  scale: ScaleId,
  level: number,
): PackLookup {
  const own = pack.scale[scale][level - 1];
  if (own !== undefined) return { text: own, fallback: false };
  return { text: reference.scale[scale][level - 1] ?? String(level), fallback: true };
}

/** The clip key of a scale label, as packs name it in `clips`. */
export function scaleClipKey(scale: ScaleId, level: number): string {
  return `scale.${scale}.${level}`;
}

/** The uploaded clip that reads `key` aloud in `pack`, if the province recorded one. */
export function clipFor(pack: LanguagePackData, key: string): string | undefined {
  return pack.clips[key];
}

/** The keys of `reference` that `pack` lacks: what staff mode lists as shown in Vietnamese. */
export function missingKeys(pack: LanguagePackData, reference: LanguagePackData): string[] {
  return Object.keys(reference.texts).filter((key) => pack.texts[key] === undefined);
}
