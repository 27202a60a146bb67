/**
 * A second language for tests (issue 27): a Khmer-named pack holding every key of the Vietnamese
 * reference, each text marked by a Khmer-script prefix so a test can tell at a glance that a
 * screen reads the pack and not the Vietnamese fallback; and placeholder clips spoken by
 * espeak-ng (a real WAV a browser plays), written to a directory.
 */
import type { LanguagePack } from '@hailong/contracts';
import { VIETNAMESE_PACK } from '@hailong/domain/built-in-packs';
import type { PackTextValue } from '@hailong/domain';
import { writePlaceholderClips } from '../../apps/api/src/language/placeholder-clips.ts';

/** What every text and label of the test pack starts with ("Khmer" in Khmer script). */
export const TEST_PACK_MARKER = 'ខ្មែរ ';
export const TEST_PACK_NAME = 'ភាសាខ្មែរ';
export const TEST_PACK_NAME_VI = 'Tiếng Khmer';

const marked = (value: PackTextValue): PackTextValue =>
  typeof value === 'string' ? TEST_PACK_MARKER + value : TEST_PACK_MARKER + value.other;

/**
 * Every text of the Vietnamese reference (read when called, so keys added later are in it),
 * prefixed by `TEST_PACK_MARKER`, placeholders kept; `clips` names uploaded files if given.
 */
export function testPack(language = 'km', clips: Record<string, string> = {}): LanguagePack {
  return {
    format: 'hailong-language-pack/1',
    language,
    name: TEST_PACK_NAME,
    nameVi: TEST_PACK_NAME_VI,
    speech: language,
    plural: 'other',
    scale: {
      five: VIETNAMESE_PACK.scale.five.map((label) => TEST_PACK_MARKER + label),
      three: VIETNAMESE_PACK.scale.three.map((label) => TEST_PACK_MARKER + label),
    },
    texts: Object.fromEntries(
      Object.entries(VIETNAMESE_PACK.texts).map(([key, value]) => [key, marked(value)]),
    ),
    clips,
  };
}

/**
 * WAVs spoken by espeak-ng, one per key (a text key or `scale.five.4`), in `dir`; returns the
 * pack's `clips` map (key → file name, e.g. `scale.five.4.wav`). The texts read are `pack`'s
 * (default: the Vietnamese reference).
 */
export function placeholderClips(
  dir: string,
  keys: readonly string[],
  pack: LanguagePack = testPack(),
): Promise<Record<string, string>> {
  return writePlaceholderClips(dir, keys, { pack });
}
