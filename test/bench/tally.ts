/**
 * The monthly tally at national scale: UNITS units × SECTORS sectors × MONTHS months of ratings
 * (10 million unless HAILONG_BENCH_RATINGS says otherwise). Measures, in the same run and on the
 * same file, the month's tally of every unit read from the rollup counters (the service the API
 * calls) against the same tally computed by a GROUP BY over the raw `ratings` rows, checks that
 * both give the same figures, and times one month's XLSX of every unit.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { addMonths, tallyMonth, type RatingRollupRow, type ReasonRollupRow } from '@hailong/domain';
import { openDatabase, type DatabaseHandle } from '../../apps/api/src/db/connect.ts';
import type { UserRow } from '../../apps/api/src/repositories/types.ts';
import { createTallyService } from '../../apps/api/src/services/tally.service.ts';
import { createExportsService } from '../../apps/api/src/services/exports.service.ts';
import { loadTargets } from '../../apps/api/src/services/targets-lookup.ts';
import { unitsInScope, tallyUnits } from '../../apps/api/src/services/tally-scope.ts';
import type { BenchResult } from './run.ts';
import { FIRST_MONTH, generateProvince, MONTHS, SECTORS, UNITS } from './tally-data.ts';

const ADMIN: UserRow = {
  id: 'bench',
  username: 'bench',
  displayName: 'Bench',
  role: 'admin',
  unitId: null,
  passwordHash: '',
  disabledAt: null,
  createdAt: 0,
  updatedAt: 0,
};

const round = (ms: number) => Math.round(ms * 100) / 100;

async function median(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** The month's counters computed from the raw rows: what the tally would read without rollups. */
async function rawCounters(database: DatabaseHandle, month: string) {
  const { rows } = await sql<{
    unitId: string;
    sectorId: string;
    level: number;
    category: RatingRollupRow['category'];
    count: number;
  }>`SELECT unit_id, sector_id, level, category, count(*) AS count FROM ratings
     WHERE month = ${month} GROUP BY unit_id, sector_id, level, category`.execute(database.db);
  const reasonRows = await sql<{
    unitId: string;
    sectorId: string;
    reasons: string;
    count: number;
  }>`
    SELECT unit_id, sector_id, reasons, count(*) AS count FROM ratings
    WHERE month = ${month} AND category = 'counted' AND reasons <> ''
    GROUP BY unit_id, sector_id, reasons`.execute(database.db);
  const rollups: RatingRollupRow[] = rows.map((r) => ({ ...r, month, count: Number(r.count) }));
  const reasons: ReasonRollupRow[] = reasonRows.rows.flatMap((r) =>
    r.reasons.split(',').map((reason) => ({
      unitId: r.unitId,
      sectorId: r.sectorId,
      month,
      reason,
      count: Number(r.count),
    })),
  );
  return { rollups, reasons };
}

/** The same tally as the service's, with the counters taken from the raw rows. */
async function rawTally(database: DatabaseHandle, month: string) {
  const year = Number(month.slice(0, 4));
  const [scoped, targets, { rollups, reasons }] = await Promise.all([
    unitsInScope(database.repos, null, undefined),
    loadTargets(database.repos, [year]),
    rawCounters(database, month),
  ]);
  return tallyMonth({
    month,
    targetBp: targets.defaultBp(year),
    units: tallyUnits(scoped, targets, year),
    rollups,
    reasons,
  });
}

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
      const month = addMonths(FIRST_MONTH, MONTHS - 1);
      const tally = createTallyService(database.repos);
      const fromRollups = await tally.month(month, ADMIN);
      const fromRaw = await rawTally(database, month);
      // The two paths must agree to the last count, or the comparison means nothing.
      if (JSON.stringify(fromRaw) !== JSON.stringify({ ...fromRollups, kind: undefined })) {
        const a = fromRaw.overall;
        const b = fromRollups.overall;
        throw new Error(
          `rollups and raw rows disagree: ${a.total}/${a.satisfied} vs ${b.total}/${b.satisfied}`,
        );
      }
      const rollupMs = await median(9, () => tally.month(month, ADMIN));
      const rawMs = await median(3, () => rawTally(database, month));
      const unitIds = fromRollups.units.map((u) => u.unitId);
      const readMs = await median(9, () =>
        Promise.all([
          database.repos.rollups.listRatings({ unitIds, months: [month] }),
          database.repos.rollups.listReasons({ unitIds, months: [month] }),
        ]),
      );
      const rawReadMs = await median(3, () => rawCounters(database, month));
      const exportsService = createExportsService(database.repos, Date.now, tally);
      let bytes = 0;
      const xlsxMs = await median(3, async () => {
        bytes = (await exportsService.xlsx(month, ADMIN)).body.length;
      });
      const csvMs = await median(3, () => exportsService.csv(month, ADMIN));
      const scope = `${UNITS} units × ${SECTORS} sectors`;
      return [
        {
          name: 'tally bench: ratings generated',
          value: ratings,
          unit: 'ratings',
          note: `${scope} × ${MONTHS} months in ${round(generated / 1000)} s; SQLite file ${Math.round(size / 2 ** 20)} MiB; month ${month} has ${fromRollups.overall.total + fromRollups.overall.repeats + fromRollups.overall.badClock} ratings`,
        },
        {
          name: `monthly tally from rollups (${scope}), p50`,
          value: round(rollupMs),
          unit: 'ms',
          note: 'the API service: catalogue, targets, counters, tally',
        },
        {
          name: 'monthly tally by GROUP BY over raw ratings, p50',
          value: round(rawMs),
          unit: 'ms',
          note: 'same catalogue, targets and tally function; counters from the ratings table',
        },
        {
          name: 'monthly tally: rollups vs raw GROUP BY',
          value: Math.round(rawMs / rollupMs),
          unit: '× faster',
          target: '≥ 500×',
        },
        {
          name: 'month counters only: rollups vs raw GROUP BY',
          value: Math.round(rawReadMs / readMs),
          unit: '× faster',
          note: `${round(readMs)} ms vs ${round(rawReadMs)} ms`,
        },
        {
          name: `monthly XLSX, all ${UNITS} units, p50`,
          value: round(xlsxMs),
          unit: 'ms',
          note: `${Math.round(bytes / 1024)} KiB, ${UNITS + 1} sheets`,
        },
        { name: `monthly CSV, all ${UNITS} units, p50`, value: round(csvMs), unit: 'ms' },
      ];
    } finally {
      await database.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
