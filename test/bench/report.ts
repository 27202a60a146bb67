/**
 * The periodic report's documents (issue 24, item 1): the year report of a province with 19 sectors
 * and 160 units below it, rendered as a DOCX and as a PDF, charts drawn each time. The first
 * render of each pays for loading the fonts and compiling the code; the median of the next runs is
 * what a server that has made one report before takes.
 * Target: ≤ 3 s each.
 */
import { reportDocx } from '../../apps/api/src/documents/report-docx.ts';
import { largeYearReport } from '../../apps/api/src/documents/report-fixture.ts';
import { reportPdf } from '../../apps/api/src/documents/report-pdf.ts';
import type { BenchResult } from './run.ts';

const RUNS = Number(process.env.HAILONG_BENCH_REPORT_RUNS ?? 5);

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

export async function benchReport(): Promise<BenchResult[]> {
  const report = largeYearReport(19, 160);
  const docx = await timed(() => reportDocx(report));
  const pdf = await timed(() => reportPdf(report));
  const size = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
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
  ];
}
