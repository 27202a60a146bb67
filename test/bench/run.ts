/**
 * `npm run bench`: measures what the issues set targets for and writes the figures to
 * bench-results/latest.json (and a dated copy). Figures, not pass/fail: tests never time things.
 * `npm run bench -- load tally` runs only the benches named (bundles, api, ingest, kiosk,
 * kiosk-signing, kiosk-outbox, tally, load, public, backup, alerts, phone, imports, report,
 * widget, national); the file
 * then holds only their figures.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { benchBundles } from './bundles.ts';
import { benchApi } from './api.ts';
import { benchIngest } from './ingest.ts';
import { benchKiosk, benchKioskSigning } from './kiosk.ts';
import { benchKioskOutbox } from './kiosk-outbox.ts';
import { benchTally } from './tally.ts';
import { benchLoad } from './load.ts';
import { benchPublicAudit } from './public-audit.ts';
import { benchAlerts } from './alerts.ts';
import { benchBackup } from './backup.ts';
import { benchPhone } from './phone.ts';
import { benchImports } from './imports.ts';
import { benchReport } from './report.ts';
import { benchWidget } from './widget.ts';
import { benchNational } from './national.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

const root = join(import.meta.dirname, '..', '..');

/** Every bench by name; `npm run bench -- tally load` (or HAILONG_BENCH_ONLY=tally,load) runs those. */
const BENCHES: Record<string, () => Promise<BenchResult[]>> = {
  bundles: () => benchBundles(root),
  api: benchApi,
  ingest: benchIngest,
  kiosk: benchKiosk,
  'kiosk-signing': benchKioskSigning,
  'kiosk-outbox': benchKioskOutbox,
  tally: benchTally,
  load: benchLoad,
  public: benchPublicAudit,
  alerts: benchAlerts,
  backup: benchBackup,
  phone: benchPhone,
  imports: benchImports,
  report: benchReport,
  widget: benchWidget,
  national: benchNational,
};

async function main() {
  const asked =
    process.argv.length > 2
      ? process.argv.slice(2)
      : (process.env.HAILONG_BENCH_ONLY?.split(',').map((s) => s.trim()) ?? []);
  const unknown = asked.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    throw new Error(
      `unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`,
    );
  }
  const names = asked.length > 0 ? asked : Object.keys(BENCHES);
  const results: BenchResult[] = [];
  for (const name of names) results.push(...(await BENCHES[name]!()));
  const report = {
    at: new Date().toISOString(),
    benches: names,
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
