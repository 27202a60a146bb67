import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { BenchResult } from './run.ts';

/**
 * The JavaScript a first visit loads, as the browser gets it: the scripts the HTML names, and every
 * chunk they import statically, transitively (a page's chunk behind `import()` is not fetched until
 * the page is opened, so it is not counted).
 */
async function initialScriptBytes(
  dist: string,
  alsoOpened: readonly string[] = [],
): Promise<{ raw: number; brotli: number; files: number }> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const pending = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1]!.replace(/^\/(kiosk\/)?/, ''));
  // Chunks the app imports at once on start (a page, the API module), by their name's start.
  const assets = await readdir(join(dist, 'assets'));
  for (const name of alsoOpened) {
    const found = assets.find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
    if (!found) throw new Error(`no chunk ${name}-*.js in ${dist}/assets`);
    pending.push(`assets/${found}`);
  }
  const seen = new Set<string>();
  let raw = 0;
  let brotli = 0;
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = await readFile(join(dist, path));
    raw += file.length;
    brotli += brotliCompressSync(file, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    for (const m of file.toString('utf8').matchAll(STATIC_IMPORT)) {
      pending.push(join(dirname(path), m[1]!));
    }
  }
  return { raw, brotli, files: seen.size };
}

/** `import"./x.js"` and `import{a as b}from"./x.js"` in built chunks; never `import("./x.js")`. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{},\s]+?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

export async function benchBundles(root: string): Promise<BenchResult[]> {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const results: BenchResult[] = [];
  const measured = async (name: string, app: string, target?: string, opened?: string[]) => {
    const size = await initialScriptBytes(join(root, 'apps', app, 'dist'), opened);
    results.push({
      name,
      value: Math.round((size.brotli / 1024) * 10) / 10,
      unit: 'KiB',
      ...(target && { target }),
      note: `${Math.round(size.raw / 1024)} KiB uncompressed, ${size.files} files`,
    });
  };
  await measured('kiosk: initial JavaScript (brotli)', 'kiosk', '≤ 35 KB');
  await measured('console: initial JavaScript (brotli)', 'console', '≤ 60 KiB');
  // What a signed-in visit to / fetches before the overview shows: the first load, then the
  // overview's chunk and the API's (schemas), both asked for at once on start (App.svelte).
  await measured('console: overview, first screen (brotli)', 'console', undefined, [
    'OverviewPage',
    'api',
  ]);
  return results;
}
