/**
 * The periodic report's documents (issue 24, item 1): the year report of a province with 19 sectors
 * and 160 units below it, rendered as a DOCX and as a PDF, charts drawn each time. The first
 * render of each pays for loading the fonts and compiling the code; the median of the next runs is
 * what a server that has made one report before takes. Then the same through the service over a
 * year of counters of a province of 130 units × 30 sectors (tally-data.ts, 1 million ratings by
 * default: HAILONG_BENCH_REPORT_RATINGS): reading every figure as GET /reports/periodic does, and
 * rendering it.
 * Target: ≤ 3 s each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriod } from '@hailong/domain';
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import type { UserRow } from '../../apps/api/src/repositories/types.ts';
import { createAssessmentService } from '../../apps/api/src/assessment/assessment.service.ts';
import { createPeriodicReportService } from '../../apps/api/src/documents/periodic-report.service.ts';
import { createAgencyService } from '../../apps/api/src/public/agency.service.ts';
import { createNodeTallyService } from '../../apps/api/src/reports/node-tally.service.ts';
import { reportDocx } from '../../apps/api/src/documents/report-docx.ts';
import { largeYearReport } from '../../apps/api/src/documents/report-fixture.ts';
import { reportPdf } from '../../apps/api/src/documents/report-pdf.ts';
import type { BenchResult } from './run.ts';
import { FIRST_MONTH, generateProvince, PROVINCE } from './tally-data.ts';

const RUNS = Number(process.env.HAILONG_BENCH_REPORT_RUNS ?? 5);
const RATINGS = Number(process.env.HAILONG_BENCH_REPORT_RATINGS ?? 1_000_000);
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x);

interface Timing {
  first: number;
  median: number;
  /** Processor time of the median run's kind: what the render costs, however busy the machine. */
  cpu: number;
  bytes: number;
}

async function timed(render: () => Promise<Buffer>): Promise<Timing> {
  let start = performance.now();
  const file = await render();
  const first = performance.now() - start;
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    const cpu = process.cpuUsage();
    await render();
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - start);
    cpus.push((used.user + used.system) / 1000);
  }
  return { first, median: median(times), cpu: median(cpus), bytes: file.length };
}

/** The province's year through the service, from the counters to the file. */
async function serviceYear(): Promise<{ docx: Timing; pdf: Timing }> {
  const dir = await mkdtemp(join(tmpdir(), 'hailong-bench-report-'));
  try {
    const path = join(dir, 'province.db');
    const schema = await openDatabase(`file:${path}`);
    await schema.migrate();
    await schema.close();
    generateProvince(path, RATINGS);
    const database = await openDatabase(`file:${path}`);
    try {
      const { repos } = database;
      const clock = () => Date.UTC(Number(FIRST_MONTH.slice(0, 4)) + 1, 0, 5);
      const reports = createPeriodicReportService({
        repos,
        clock,
        tally: createNodeTallyService(repos),
        assessment: createAssessmentService(repos, clock),
        agency: createAgencyService(repos, clock),
      });
      const request = { node: PROVINCE, period: parsePeriod(FIRST_MONTH.slice(0, 4))! };
      return {
        docx: await timed(async () => (await reports.render(ADMIN, request, 'docx')).body),
        pdf: await timed(async () => (await reports.render(ADMIN, request, 'pdf')).body),
      };
    } finally {
      await database.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchReport(): Promise<BenchResult[]> {
  const report = largeYearReport(19, 160);
  const docx = await timed(() => reportDocx(report));
  const pdf = await timed(() => reportPdf(report));
  const size = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  const year = await serviceYear();
  return [
    {
      name: 'report: year DOCX, 19 sectors, 160 units (first)',
      value: round(docx.first),
      unit: 'ms',
      target: '≤ 3000 ms',
      note: `${size(docx.bytes)}, two charts; includes loading the fonts`,
    },
    {
      name: 'report: year DOCX, 19 sectors, 160 units (median)',
      value: round(docx.median),
      unit: 'ms',
      target: '≤ 3000 ms',
      note: `median of ${RUNS}; ${round(docx.cpu)} ms of processor time`,
    },
    {
      name: 'report: year PDF, 19 sectors, 160 units (first)',
      value: round(pdf.first),
      unit: 'ms',
      target: '≤ 3000 ms',
      note: `${size(pdf.bytes)}, DejaVu Serif embedded`,
    },
    {
      name: 'report: year PDF, 19 sectors, 160 units (median)',
      value: round(pdf.median),
      unit: 'ms',
      target: '≤ 3000 ms',
      note: `median of ${RUNS}; ${round(pdf.cpu)} ms of processor time`,
    },
    ...(['docx', 'pdf'] as const).map((format) => ({
      name: `report: province year ${format.toUpperCase()} from the counters, 130 units (median)`,
      value: round(year[format].median),
      unit: 'ms',
      target: '≤ 3000 ms',
      note:
        `GET /reports/periodic's service over ${RATINGS.toLocaleString('en')} ratings; first ` +
        `${round(year[format].first)} ms; ${size(year[format].bytes)}`,
    })),
  ];
}
