import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { BenchResult } from './run.ts';

/** The JavaScript a first visit loads: the entry and its static imports, as the HTML lists them. */
async function initialScriptBytes(dist: string): Promise<{ raw: number; brotli: number }> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  let raw = 0;
  let brotli = 0;
  for (const src of new Set(scripts)) {
    const file = await readFile(join(dist, src.replace(/^\/(kiosk\/)?/, '')));
    raw += file.length;
    brotli += brotliCompressSync(file, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, brotli };
}

export async function benchBundles(root: string): Promise<BenchResult[]> {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const results: BenchResult[] = [];
  for (const app of ['kiosk', 'console'] as const) {
    const size = await initialScriptBytes(join(root, 'apps', app, 'dist'));
    results.push({
      name: `${app}: initial JavaScript (brotli)`,
      value: Math.round((size.brotli / 1024) * 10) / 10,
      unit: 'KiB',
      ...(app === 'kiosk' && { target: '≤ 35 KB' }),
      note: `${Math.round(size.raw / 1024)} KiB uncompressed`,
    });
  }
  return results;
}
