/**
 * Placeholder clips for a built-in pack (issue 27): a WAV per clip key spoken by espeak-ng and a
 * `pack.json` naming them, for tests and demos only — a province uploads its own recordings.
 *
 *   npm run clips:placeholder -- --out DIR [--language vi]
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILT_IN_PACKS } from '@hailong/domain/built-in-packs';
import { clipKeysOf } from '@hailong/domain';
import { writePlaceholderClips } from '../apps/api/src/language/placeholder-clips.ts';

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const out = flag('--out');
  const language = flag('--language') ?? 'vi';
  const pack = BUILT_IN_PACKS.find((candidate) => candidate.language === language);
  if (!out || !pack) {
    process.stderr.write(
      'Cách dùng: npm run clips:placeholder -- --out THƯ_MỤC [--language vi|en]\n',
    );
    process.exitCode = 2;
    return;
  }
  const clips = await writePlaceholderClips(out, clipKeysOf(pack), {
    pack,
    voice: language === 'vi' ? 'vi' : 'en',
  });
  await writeFile(join(out, 'pack.json'), `${JSON.stringify({ ...pack, clips }, null, 2)}\n`);
  process.stdout.write(
    `Đã tạo ${Object.keys(clips).length} tệp âm thanh mẫu và pack.json trong ${out}\n`,
  );
}

await main(process.argv.slice(2));
