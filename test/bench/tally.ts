/**
 * The tally at province scale: 10 million ratings in one year (HAILONG_BENCH_RATINGS overrides it)
 * over a province of 30 departments and 100 communes × 30 sectors. Measures, in the same run and
 * on the same file, the API's services reading the counters against the same services fed by a
 * GROUP BY over the raw `ratings` rows (see raw-counters.ts), after checking both give the same
 * answer to the last count: the province's tally for a month, a quarter and a year (targets ≥ 100×
 * for the month, ≥ 500× for the year), the league table of the communes for a year, and each
 * unit's own month (the monthly report per unit) and its XLSX.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriod } from '@hailong/domain';
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import type { Repositories } from '../../apps/api/src/repositories/types.ts';
import { createUnitsTallyService } from '../../apps/api/src/reports/units-tally.service.ts';
import { createNodeTallyService } from '../../apps/api/src/reports/node-tally.service.ts';
import { createLeagueService } from '../../apps/api/src/reports/league.service.ts';
import { createExportsService } from '../../apps/api/src/reports/exports.service.ts';
import { createSheetParties } from '../../apps/api/src/reports/exports/sheet-parties.service.ts';
import { createAgencyService } from '../../apps/api/src/public/agency.service.ts';
import { createCommentsService } from '../../apps/api/src/reports/comments.service.ts';
import type { BenchResult } from './run.ts';
import { rawNodeCounters } from './raw-counters.ts';
import { BENCH_ADMIN, median, roundMs, same } from './read-timing.ts';
import { COMMUNES, DEPARTMENTS, generateProvince, PROVINCE, SECTORS, UNITS } from './tally-data.ts';

const ADMIN = BENCH_ADMIN;
const RUNS = 9;
const RAW_RUNS = Number(process.env.HAILONG_BENCH_RAW_RUNS ?? 3);
const MONTH = '2025-06';

const round = roundMs;

/** The per-unit report, its phản ánh left out (the bench has none). */
const unitsOf = (repos: Repositories) => createUnitsTallyService(repos, async () => []);

export async function benchTally(): Promise<BenchResult[]> {
  const ratings = Number(process.env.HAILONG_BENCH_RATINGS ?? 10_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'hailong-bench-tally-'));
  const path = join(dir, 'tally.db');
  try {
    const schema = await openDatabase(`file:${path}`);
    await schema.migrate();
    await schema.close();
    const started = performance.now();
    generateProvince(path, ratings);
    const generated = performance.now() - started;
    const size = (await stat(path)).size;

    const database = await openDatabase(`file:${path}`);
    try {
      const scope = `1 province → ${DEPARTMENTS} departments + ${COMMUNES} communes × ${SECTORS} sectors`;
      const results: BenchResult[] = [
        {
          name: 'tally bench: ratings generated',
          value: ratings,
          unit: 'ratings',
          note: `${scope}, 12 months of 2025, in ${round(generated / 1000)} s; SQLite file ${Math.round(size / 2 ** 20)} MiB`,
        },
      ];
      const raw = await rawNodeCounters(database);
      const nodes = createNodeTallyService(database.repos);
      const rawNodes = createNodeTallyService(raw.repos as Repositories);
      const targets: Record<string, string> = { month: '≥ 100×', year: '≥ 500×' };
      for (const [kind, id] of [
        ['month', MONTH],
        ['quarter', '2025-Q2'],
        ['year', '2025'],
      ] as const) {
        const period = parsePeriod(id)!;
        const ask = (service: typeof nodes) => service.tally(ADMIN, period, { node: PROVINCE });
        const fromCounters = await ask(nodes);
        raw.reset();
        same(`${kind} tally`, fromCounters, await ask(rawNodes));
        const fast = await median(RUNS, () => ask(nodes));
        const slow = await median(RAW_RUNS, () => {
          raw.reset();
          return ask(rawNodes);
        });
        results.push(
          {
            name: `province ${kind} tally (${id}) from node counters, p50`,
            value: round(fast),
            unit: 'ms',
            note: `${fromCounters.totals.total + fromCounters.totals.repeats + fromCounters.totals.badClock} ratings, ${fromCounters.sectors.length} pooled sectors, ${fromCounters.children.length} units beneath`,
          },
          {
            name: `province ${kind} tally by GROUP BY over raw ratings, p50`,
            value: round(slow),
            unit: 'ms',
          },
          {
            name: `province ${kind} tally: counters vs raw GROUP BY`,
            value: Math.round(slow / fast),
            unit: '× faster',
            ...(targets[kind] && { target: targets[kind] }),
          },
        );
      }

      const year = parsePeriod('2025')!;
      const league = (repos: Repositories) =>
        createLeagueService(repos).league(ADMIN, year, { kind: 'commune' });
      raw.reset();
      const table = await league(database.repos);
      same('league', table, await league(raw.repos as Repositories));
      const leagueMs = await median(RUNS, () => league(database.repos));
      const rawLeagueMs = await median(RAW_RUNS, () => {
        raw.reset();
        return league(raw.repos as Repositories);
      });
      results.push({
        name: `league table of ${COMMUNES} communes for a year, p50`,
        value: round(leagueMs),
        unit: 'ms',
        note: `${table.ranked.length} ranked, ${table.tooFew.length} too few; by GROUP BY over raw ratings ${round(rawLeagueMs)} ms (${Math.round(rawLeagueMs / leagueMs)}× slower)`,
      });

      // Each unit's own month, as the monthly report per unit asks for it.
      const units = unitsOf(database.repos);
      raw.reset();
      same(
        'monthly tally',
        await units.month(ADMIN, MONTH),
        await unitsOf(raw.repos as Repositories).month(ADMIN, MONTH),
      );
      const monthMs = await median(RUNS, () => units.month(ADMIN, MONTH));
      const rawMonthMs = await median(RAW_RUNS, () => {
        raw.reset();
        return unitsOf(raw.repos as Repositories).month(ADMIN, MONTH);
      });
      const exportsService = createExportsService(
        database.repos,
        Date.now,
        units,
        nodes,
        createCommentsService(database.repos),
        createSheetParties(database.repos, createAgencyService(database.repos, Date.now), Date.now),
      );
      let bytes = 0;
      const xlsxMs = await median(3, async () => {
        bytes = (await exportsService.xlsx({ month: MONTH }, ADMIN)).body.length;
      });
      const nodeXlsxMs = await median(3, () =>
        exportsService.xlsx({ node: PROVINCE, period: '2025' }, ADMIN),
      );
      results.push(
        {
          name: `monthly tally of all ${UNITS + 1} units' own answers from counters, p50`,
          value: round(monthMs),
          unit: 'ms',
          note: `by GROUP BY over raw ratings ${round(rawMonthMs)} ms (${Math.round(rawMonthMs / monthMs)}× slower)`,
        },
        {
          name: `monthly XLSX, all ${UNITS + 1} units, p50`,
          value: round(xlsxMs),
          unit: 'ms',
          note: `${Math.round(bytes / 1024)} KiB`,
        },
        { name: 'province year report XLSX, p50', value: round(nodeXlsxMs), unit: 'ms' },
      );
      return results;
    } finally {
      await database.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
