/**
 * `npm run bench -- national`: the whole country on PostgreSQL (issue 26, items 1 and 4). A
 * throwaway cluster of its own (settings in CLUSTER_SETTINGS, never the tests' shared one) holds
 * the tree of national-data.ts and HAILONG_BENCH_NATIONAL_RATINGS ratings (10 million by default:
 * the issue's 100 million scaled down by 10 to finish in about 20 minutes on two shared cores).
 *
 * Measured, each beside its naive counterpart in the same run and after checking both give the
 * same answer: the tally of a month, a quarter and a year for the nation and for one province
 * through the API's own services (node-tally.service.ts) against the same services fed by GROUP BY
 * over the raw rows (raw-counters.ts); the league of every commune for a year; the TT 01 assessment
 * by unit for a province and a quarter. Then the database's size and the product's own backup and
 * restore (backup/postgres-backup.ts). Before any of that, a sample of unit-months is recounted
 * through `countNew` (reports/counters.ts) in a transaction rolled back, and must double exactly.
 *
 * Item 4: raw-row work at a quarter of the rows (the first load) and at all of them: the comment
 * erasure of a month (the retention job's own function), the export of a month's comments (the
 * comments service), a unit-month's evidence dataset read (the evidence repository's pages).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { parsePeriod } from '@hailong/domain';
import { openDatabase, type DatabaseHandle } from '../../apps/api/src/db/connect.ts';
import type { RatingRow, Repositories } from '../../apps/api/src/repositories/types.ts';
import { createNodeTallyService } from '../../apps/api/src/reports/node-tally.service.ts';
import { createLeagueService } from '../../apps/api/src/reports/league.service.ts';
import { createAssessmentService } from '../../apps/api/src/assessment/assessment.service.ts';
import { createCommentsService } from '../../apps/api/src/reports/comments.service.ts';
import { countNew } from '../../apps/api/src/reports/counters.ts';
import { eraseOldComments } from '../../apps/api/src/jobs/retention.service.ts';
import { MAX_EXPORTED_COMMENTS } from '../../apps/api/src/reports/exports/comments-table.ts';
import { backupPostgres, restorePostgres } from '../../apps/api/src/backup/postgres-backup.ts';
import { createDatabase, startPostgresCluster } from '../support/postgres-cluster.ts';
import type { BenchResult } from './run.ts';
import { rawNodeCounters } from './raw-counters.ts';
import { benchPeak } from './peak.ts';
import { BENCH_ADMIN, median, roundMs, same } from './read-timing.ts';
import { NATION, NationalRatings, nationalTree, writeNationalCatalogue } from './national-data.ts';

/**
 * The bench's cluster: memory for a 24 GiB machine that runs other work (shared_buffers 2 GB,
 * work_mem 64 MB for the naive GROUP BYs), a large WAL so the bulk load is not checkpoint-bound,
 * durability as shipped (fsync and synchronous_commit on: the peak measures real commits).
 */
const CLUSTER_SETTINGS = [
  '-c shared_buffers=2GB',
  '-c work_mem=64MB',
  '-c maintenance_work_mem=1GB',
  '-c max_wal_size=8GB',
  '-c checkpoint_timeout=30min',
  '-c effective_cache_size=8GB',
  '-c max_connections=300',
];
const ADMIN = BENCH_ADMIN;
const RUNS = 9;
const RAW_RUNS = Number(process.env.HAILONG_BENCH_RAW_RUNS ?? 3);
/** The province read: Thành phố Hồ Chí Minh, the largest. */
const PROVINCE = 'p27';
const round = roundMs;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await work();
  return [out, performance.now() - start];
}

/**
 * The product's own counter building on a sample: the raw rows of a few unit-months go through
 * `countNew` a second time, inside a transaction that is then rolled back; every counter row of
 * those units and months (own, the province's, the nation's) must have grown by exactly what it
 * held, i.e. the bulk path wrote what the product would have. Returns the rows checked.
 */
async function recountSample(database: DatabaseHandle, samples: [string, string][]) {
  let checked = 0;
  const rollback = new Error('rollback');
  for (const [unitId, month] of samples) {
    const rows = (await database.db
      .selectFrom('ratings')
      .selectAll()
      .where('unitId', '=', unitId)
      .where('month', '=', month)
      .execute()) as unknown as (Omit<RatingRow, 'reasons'> & { reasons: string })[];
    // At a tiny scale a commune's month may have no rating at all: nothing to recount.
    if (rows.length === 0) continue;
    const ratings: RatingRow[] = rows.map((r) => ({
      ...r,
      reasons: r.reasons === '' ? [] : r.reasons.split(','),
      deviceTime: Number(r.deviceTime),
      receivedAt: Number(r.receivedAt),
    }));
    const counters = async (repos: Repositories) =>
      (
        await repos.nodeRollups.nodeSectorCounts(
          [unitId, PROVINCE_OF(unitId), NATION],
          { from: month, to: month },
          false,
        )
      )
        .map((r) => `${r.nodeId}|${r.sectorCode}|${r.scale}|${r.level}|${r.category}=${r.count}`)
        .sort();
    const before = await counters(database.repos);
    const own = before.filter((r) => r.startsWith(`${unitId}|`));
    if (own.length === 0) throw new Error(`recount: no counters for ${unitId} ${month}`);
    // What countNew must make of them: the unit's own rows doubled, and its province's and the
    // nation's rows grown by the same counts.
    const expected = new Map(before.map((r) => r.split('=') as [string, string]));
    for (const r of own) {
      const [key, n] = r.split('=') as [string, string];
      const rest = key.slice(unitId.length);
      for (const node of [unitId, PROVINCE_OF(unitId), NATION]) {
        expected.set(`${node}${rest}`, String(Number(expected.get(`${node}${rest}`)) + Number(n)));
      }
    }
    await database.repos
      .transaction(async (tx) => {
        await countNew(tx, ratings);
        same(
          `recount ${unitId} ${month}`,
          await counters(tx),
          [...expected].map(([k, v]) => `${k}=${v}`).sort(),
        );
        throw rollback;
      })
      .catch((err: unknown) => {
        if (err !== rollback) throw err;
      });
    if ((await counters(database.repos)).join() !== before.join())
      throw new Error('recount: the rolled-back transaction left counters behind');
    checked += own.length;
  }
  if (checked === 0) throw new Error('recount: the sample held no rating');
  return checked;
}

const PROVINCE_OF = (unitId: string) => unitId.slice(0, 3);

/** Item 4: the raw-row work, at whatever size the database holds now. */
async function rawRowWork(database: DatabaseHandle, eraseMonth: number, unitId: string) {
  const before = Date.UTC(2025, eraseMonth, 1);
  const [erased, eraseMs] = await timed(() => eraseOldComments(database.repos, before));
  const comments = createCommentsService(database.repos);
  const march = parsePeriod('2025-03')!;
  const [exported, exportMs] = await timed(() =>
    comments.all(ADMIN, march, undefined, MAX_EXPORTED_COMMENTS),
  );
  const listMs = await median(3, () => comments.list(ADMIN, march, { limit: 50, offset: 0 }));
  const [datasetRows, datasetMs] = await timed(async () => {
    let after: string | null = null;
    let n = 0;
    for (;;) {
      const page = await database.repos.evidence.ratingsPage(unitId, '2025-03', after, 1000);
      n += page.length;
      if (page.length < 1000) return n;
      after = page.at(-1)!.id;
    }
  });
  return {
    erased,
    eraseMs,
    exported: exported.items.length,
    exportMs,
    listMs,
    datasetRows,
    datasetMs,
  };
}

export async function benchNational(): Promise<BenchResult[]> {
  const total = Number(process.env.HAILONG_BENCH_NATIONAL_RATINGS ?? 10_000_000);
  const cluster = await startPostgresCluster(CLUSTER_SETTINGS);
  const dir = await mkdtemp(join(tmpdir(), 'hailong-bench-national-'));
  const results: BenchResult[] = [];
  try {
    const url = await createDatabase(cluster.url, `national_${randomBytes(4).toString('hex')}`);
    const schema = await openDatabase(url);
    await schema.migrate();
    await schema.close();

    const units = nationalTree();
    const leaves = units.filter((u) => u.sectors > 0);
    const communes = units.filter((u) => u.kind === 'commune').length;
    const loader = new NationalRatings(url, units, total);
    const started = performance.now();
    await writeNationalCatalogue(url, units);
    await loader.load(0);
    const quarterLoaded = performance.now() - started;
    const database = await openDatabase(url);
    try {
      await sql`VACUUM ANALYZE`.execute(database.db);
      const sampleUnit = leaves.find((u) => u.phase === 0 && u.kind === 'department')!.id;
      const small = await rawRowWork(database, 1, sampleUnit);
      const smallRows = loader.written;

      const phase2 = performance.now();
      await loader.load(1);
      await loader.writeAncestors();
      await sql`VACUUM ANALYZE`.execute(database.db);
      const loaded = quarterLoaded + performance.now() - phase2;
      const full = await rawRowWork(database, 2, sampleUnit);
      const size = await sql<{
        bytes: string;
      }>`SELECT pg_database_size(current_database()) AS bytes`.execute(database.db);
      const bytes = Number(size.rows[0]!.bytes);
      results.push({
        name: 'national bench: ratings loaded by COPY',
        value: loader.written,
        unit: 'ratings',
        note: `1 nation → 34 provinces → ${units.filter((u) => u.kind === 'department' || u.kind === 'centre').length} departments/centres × 30 sectors + ${communes} communes/wards × 10 sectors, 12 months of 2025, ${loader.comments} with a comment; ${loader.counterRows} node_rollups rows; loaded (ledger, ratings, counters, VACUUM ANALYZE) in ${round(loaded / 1000)} s`,
      });
      results.push({
        name: 'national database size',
        value: Math.round(bytes / 2 ** 20),
        unit: 'MiB',
      });

      // The product's own counting, on a sample: a department, a commune, a three-level commune.
      const sample: [string, string][] = [
        [sampleUnit, '2025-03'],
        [leaves.find((u) => u.kind === 'commune' && u.scale === 'five')!.id, '2025-07'],
        [leaves.find((u) => u.scale === 'three')!.id, '2025-12'],
        [leaves.at(-1)!.id, '2025-01'],
      ];
      const rechecked = await recountSample(database, sample);
      results.push({
        name: 'counters recounted through countNew on a sample',
        value: rechecked,
        unit: 'counter rows equal',
        note: `${sample.length} unit-months: ${sample.map((s) => s.join(' ')).join(', ')}`,
      });

      const raw = await rawNodeCounters(database);
      const nodes = createNodeTallyService(database.repos);
      const rawNodes = createNodeTallyService(raw.repos as Repositories);
      const targets: Record<string, string> = { month: '≥ 100×', year: '≥ 500×' };
      for (const [who, node] of [
        ['nation', NATION],
        ['province', PROVINCE],
      ] as const) {
        for (const [kind, id] of [
          ['month', '2025-06'],
          ['quarter', '2025-Q2'],
          ['year', '2025'],
        ] as const) {
          const period = parsePeriod(id)!;
          const ask = (service: typeof nodes) => service.tally(ADMIN, period, { node });
          const fromCounters = await ask(nodes);
          raw.reset();
          same(`${who} ${kind} tally`, fromCounters, await ask(rawNodes));
          const fast = await median(RUNS, () => ask(nodes));
          const slow = await median(RAW_RUNS, () => {
            raw.reset();
            return ask(rawNodes);
          });
          results.push(
            {
              name: `${who} ${kind} tally (${id}) from node counters, p50`,
              value: round(fast),
              unit: 'ms',
              target: '≤ 100 ms',
              note: `${fromCounters.totals.total + fromCounters.totals.repeats + fromCounters.totals.badClock} ratings, ${fromCounters.children.length} units beneath; by GROUP BY over raw ratings p50 ${round(slow)} ms`,
            },
            {
              name: `${who} ${kind} tally: counters vs raw GROUP BY`,
              value: Math.round(slow / fast),
              unit: '× faster',
              ...(targets[kind] && { target: targets[kind] }),
            },
          );
        }
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
        name: `national league of ${communes} communes for a year, p50`,
        value: round(leagueMs),
        unit: 'ms',
        target: '≤ 200 ms',
        note: `${table.ranked.length} ranked, ${table.tooFew.length} too few; by GROUP BY over raw ratings p50 ${round(rawLeagueMs)} ms (${Math.round(rawLeagueMs / leagueMs)}× slower)`,
      });

      const quarter = parsePeriod('2025-Q2')!;
      const assess = (repos: Repositories) =>
        createAssessmentService(repos, () => Date.UTC(2026, 0, 15)).report(
          ADMIN,
          quarter,
          'unit',
          PROVINCE,
        );
      raw.reset();
      const report = await assess(database.repos);
      same('assessment', report, await assess(raw.repos as Repositories));
      const assessMs = await median(RUNS, () => assess(database.repos));
      const rawAssessMs = await median(RAW_RUNS, () => {
        raw.reset();
        return assess(raw.repos as Repositories);
      });
      results.push({
        name: 'TT 01 assessment by unit, a province for a quarter, p50',
        value: round(assessMs),
        unit: 'ms',
        note: `${report.rows.length} units; by GROUP BY over raw ratings p50 ${round(rawAssessMs)} ms (${Math.round(rawAssessMs / assessMs)}× slower)`,
      });

      // Item 4: the same raw-row work at a quarter of the rows and at all of them.
      const growth = (label: string, a: number, b: number, note: string) =>
        results.push({
          name: `${label}: time at all rows / at a quarter`,
          value: Math.round((b / a) * 100) / 100,
          unit: `× (rows ×${Math.round((loader.written / smallRows) * 100) / 100})`,
          note: `${round(a)} ms → ${round(b)} ms; ${note}`,
        });
      // The quarter erases January of its units; all the rows then erase the rest of January and
      // February: compared per comment erased.
      growth(
        'retention: comment erasure, per 1.000 comments erased',
        (small.eraseMs * 1000) / Math.max(1, small.erased),
        (full.eraseMs * 1000) / Math.max(1, full.erased),
        `${small.erased} comments in ${round(small.eraseMs)} ms → ${full.erased} in ${round(full.eraseMs)} ms`,
      );
      growth(
        "export of a month's comments (all units, ≤ 10.000)",
        small.exportMs,
        full.exportMs,
        `${small.exported} → ${full.exported} comments`,
      );
      growth('comments page of a month (count + 50)', small.listMs, full.listMs, 'p50 of 3');
      growth(
        "evidence dataset of one unit's month, read in pages",
        small.datasetMs,
        full.datasetMs,
        `${small.datasetRows} → ${full.datasetRows} rows of the same unit`,
      );
    } finally {
      await database.close();
    }

    const dump = join(dir, 'national.dump');
    const [, backupMs] = await timed(() => backupPostgres(url, dump));
    const target = await createDatabase(cluster.url, `restored_${randomBytes(4).toString('hex')}`);
    const [, restoreMs] = await timed(() => restorePostgres(dump, target, true));
    results.push(
      {
        name: 'national backup (pg_dump, the product’s backup)',
        value: round(backupMs / 1000),
        unit: 's',
        note: `${Math.round((await stat(dump)).size / 2 ** 20)} MiB file`,
      },
      {
        name: 'national restore (the product’s restore)',
        value: round(restoreMs / 1000),
        unit: 's',
      },
    );
    // The morning peak on the loaded database (HAILONG_BENCH_PEAK_TABLETS=0 leaves it out).
    results.push(...(await benchPeak(url, units)));
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await cluster.stop();
  }
}
