/**
 * Placeholder clips (issue 27): a WAV per clip key of a pack — the texts the "Nghe" mode reads —
 * spoken by espeak-ng. A machine voice is only a stand-in for tests and demos; a province replaces
 * it by uploading its own recordings in the console. Used by `npm run clips:placeholder` and tests.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { VIETNAMESE_PACK } from '@hailong/domain/built-in-packs';
import { clipFileName, type LanguagePackData } from '@hailong/domain';

const run = promisify(execFile);

/** The text a clip key reads: a text (its `other` form) or a scale's label. */
export function clipText(pack: LanguagePackData, key: string): string {
  const scale = /^scale\.(five|three)\.(\d)$/.exec(key);
  if (scale) return pack.scale[scale[1] as 'five' | 'three'][Number(scale[2]) - 1] ?? key;
  const value = pack.texts[key] ?? VIETNAMESE_PACK.texts[key] ?? key;
  // Placeholders are read as a pause, not as "{count}".
  return (typeof value === 'string' ? value : value.other).replace(/\{\w+\}/g, ',');
}

export interface PlaceholderClipOptions {
  /** The pack whose texts are spoken (default: the Vietnamese reference). */
  readonly pack?: LanguagePackData;
  /** espeak-ng's voice (default: `vi`, the only one a Khmer or Hmong text gets read by here). */
  readonly voice?: string;
}

/**
 * Writes `<dir>/<file>.wav` for each key with espeak-ng and returns the `clips` map of a pack
 * naming them (key → file name).
 */
export async function writePlaceholderClips(
  dir: string,
  keys: readonly string[],
  options: PlaceholderClipOptions = {},
): Promise<Record<string, string>> {
  const pack = options.pack ?? VIETNAMESE_PACK;
  await mkdir(dir, { recursive: true });
  const clips: Record<string, string> = {};
  for (const key of keys) {
    const file = clipFileName(key);
    await run('espeak-ng', [
      '-v',
      options.voice ?? 'vi',
      '-w',
      join(dir, file),
      clipText(pack, key),
    ]);
    clips[key] = file;
  }
  return clips;
}
