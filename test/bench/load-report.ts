/** The load benchmark's figures for one dialect, as bench results. */
import type { LedgerCheck } from './load-ledger.ts';
import type { LoadRecorder } from './load-recorder.ts';
import type { BenchResult } from './run.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DialectRun {
  rec: LoadRecorder;
  ledger: LedgerCheck;
  unsynced: number;
  seconds: number;
}

export function results(dialect: Dialect, run: DialectRun): BenchResult[] {
  const out: BenchResult[] = [];
  const name = (what: string) => `load ${dialect}: ${what}`;
  const figures = run.rec.figures();
  for (const f of figures) {
    out.push({
      name: name(`${f.route} p50`),
      value: f.p50,
      unit: 'ms',
      note: `${f.count} requests`,
    });
    out.push({ name: name(`${f.route} p99`), value: f.p99, unit: 'ms', note: `max ${f.max} ms` });
  }
  const sum = (key: 'serverErrors' | 'throttled' | 'networkErrors' | 'count') =>
    figures.reduce((total, f) => total + f[key], 0);
  const { ledger } = run;
  out.push(
    {
      name: name('requests'),
      value: sum('count'),
      unit: 'requests',
      note: `${Math.round(sum('count') / run.seconds)} per second over ${Math.round(run.seconds)} s`,
    },
    {
      name: name('5xx answers'),
      value: sum('serverErrors'),
      unit: 'answers',
      target: '0',
      ...(run.rec.firstServerErrors.length > 0 && { note: run.rec.firstServerErrors.join(' | ') }),
    },
    { name: name('429 answers (throttles)'), value: sum('throttled'), unit: 'answers' },
    { name: name('network errors'), value: sum('networkErrors'), unit: 'requests' },
    {
      name: name('records made by the tablets'),
      value: ledger.made,
      unit: 'records',
      note: `${ledger.acknowledged} acknowledged, ${run.unsynced} still pending after the final drain`,
    },
    {
      name: name('records acknowledged per second'),
      value: Math.round((ledger.acknowledged / run.seconds) * 10) / 10,
      unit: 'records/s',
      note: `over the ${Math.round(run.seconds)} s of load; what the final drain sent counts too`,
    },
    {
      name: name('records lost (acknowledged, not in the database)'),
      value: ledger.lost,
      unit: 'records',
      target: '0',
    },
    {
      name: name('records duplicated (extra rows)'),
      value: ledger.duplicated,
      unit: 'records',
      target: '0',
    },
    {
      name: name('records refused or resends not answered duplicate'),
      value: ledger.refused,
      unit: 'records',
      target: '0',
      ...(ledger.reasons.length > 0 && { note: ledger.reasons.join(' | ') }),
    },
  );
  return out;
}
