/**
 * `npm run bench`: measures what the issues set targets for and writes the figures to
 * bench-results/latest.json (and a dated copy). Figures, not pass/fail: tests never time things.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { benchBundles } from './bundles.ts';
import { benchApi } from './api.ts';
import { benchIngest } from './ingest.ts';
import { benchKiosk } from './kiosk.ts';
import { benchTally } from './tally.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

const root = join(import.meta.dirname, '..', '..');

/** Every bench by name; HAILONG_BENCH_ONLY=tally,ingest runs just those. */
const BENCHES: Record<string, () => Promise<BenchResult[]>> = {
  bundles: () => benchBundles(root),
  api: benchApi,
  ingest: benchIngest,
  kiosk: benchKiosk,
  tally: benchTally,
};

async function main() {
  const only = process.env.HAILONG_BENCH_ONLY?.split(',').map((s) => s.trim());
  const results: BenchResult[] = [];
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (!only || only.includes(name)) results.push(...(await bench()));
  }
  const report = {
    at: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: process.platform,
      cpus: (await import('node:os')).cpus().length,
    },
    results,
  };
  const dir = join(root, 'bench-results');
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(join(dir, 'latest.json'), json);
  await writeFile(join(dir, `${report.at.slice(0, 19).replace(/:/g, '-')}.json`), json);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(48)} ${String(r.value).padStart(10)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`,
    );
  }
  console.log(`\nWritten to bench-results/latest.json`);
}

await main();
