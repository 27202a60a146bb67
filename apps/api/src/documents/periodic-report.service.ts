/**
 * The periodic report (báo cáo định kỳ) of any node over any period, ready to sign: its figures read
 * through the services the console reads (the node's tally and trend, the register's on-time rows,
 * the TT 01 assessment by unit), so the document and the screen can never disagree; its heading
 * from the agency an admin named and the tree; its signer and recipients from whoever asks. The
 * reader's scope is the tally's: a node outside it is "not found" before anything is read.
 */
import { nameInSentence, reportPeriod, vnDateOf, type Period } from '@hailong/domain';
import type { Repositories, UnitRow, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import type { AgencyService } from '../public/agency.service.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import type { NodeTallyService } from '../reports/node-tally.service.ts';
import { focusOn } from '../reports/node-tally.service.ts';
import { loadReportScope } from '../reports/report-scope.ts';
import { feedbackOnTimeIn } from '../feedback/feedback-on-time.ts';
import type { PeriodicReport, ReportSigner } from './report-data.ts';
import {
  exclusionRows,
  feedbackFigures,
  judged,
  sectorRows,
  trendPoints,
  tt01Summary,
  unitRows,
} from './periodic-report-figures.ts';
import { DOCX_TYPE, reportDocx } from './report-docx.ts';
import { reportPdf } from './report-pdf.ts';
import { reportFilename, type ReportFilename } from './report-filename.ts';

/** Nơi nhận when the form names none: the addressee of the heading, and the office's archive. */
export const DEFAULT_RECIPIENTS: readonly string[] = ['Như trên', 'Lưu: VT'];
/** Who signs when the form names no one: the head of the issuing body, the name left to write. */
export const DEFAULT_SIGNER: ReportSigner = {
  authority: null,
  title: 'Thủ trưởng đơn vị',
  name: '',
};
/** The symbol after "Số:      /" when the form gives none (NĐ 30/2020 Phụ lục III: BC, báo cáo). */
export const DEFAULT_SYMBOL = 'BC';

export interface PeriodicReportRequest {
  /** The node (default: the top of what the reader may see). */
  node?: string | undefined;
  period: Period;
  signer?: Partial<ReportSigner> | undefined;
  recipients?: readonly string[] | undefined;
  /** Địa danh of the date line (default: the province's name without "Tỉnh"/"Thành phố"). */
  place?: string | undefined;
  symbol?: string | undefined;
}

export type ReportFormat = 'docx' | 'pdf';

export interface ReportFile extends ReportFilename {
  contentType: string;
  body: Buffer;
}

export interface PeriodicReportDeps {
  repos: Repositories;
  clock: Clock;
  tally: NodeTallyService;
  assessment: AssessmentService;
  agency: AgencyService;
}

/** "Tỉnh Thừa Thiên Huế" → "Thừa Thiên Huế": the place a provincial body dates its documents at. */
const placeOf = (province: string) =>
  province.replace(/^(Tỉnh|Thành phố|TP\.?) /u, '').trim() || province;

function rootOf(unit: UnitRow, nodes: ReadonlyMap<string, UnitRow>): UnitRow {
  let at = unit;
  for (
    let up = at.parentId && nodes.get(at.parentId);
    up;
    up = at.parentId && nodes.get(at.parentId)
  )
    at = up;
  return at;
}

export function createPeriodicReportService(deps: PeriodicReportDeps) {
  const { repos, clock } = deps;

  /** The register's rows of the node's subtree, month by month of the period. */
  const feedbackRows = (subtree: readonly string[], period: Period, now: number) =>
    feedbackOnTimeIn(repos, period.months, new Set(subtree), now);

  async function build(user: UserRow, request: PeriodicReportRequest): Promise<PeriodicReport> {
    const { period } = request;
    // First: a node outside the reader's subtree is 404 here, before anything else is read.
    const tally = await deps.tally.tally(user, period, { node: request.node });
    const scope = await loadReportScope(repos, user);
    const focus = focusOn(scope, request.node);
    const now = clock();
    const [trend, feedback, assessment, agency] = await Promise.all([
      deps.tally.trend(user, period.months[0]!, period.months.at(-1)!, { node: request.node }),
      feedbackRows(focus.subtree, period, now),
      deps.assessment.report(user, period, 'unit', focus.unit?.id),
      deps.agency.settings(),
    ]);

    const nodes = scope.tree.nodes;
    const unit = focus.unit;
    const parent = unit?.parentId ? nodes.get(unit.parentId) : undefined;
    const root = unit ? rootOf(unit, nodes) : undefined;
    // The agency an admin named heads the province's own reports and is the body above its
    // direct units; deeper, the unit above is.
    const named = agency.name.trim();
    const issuer = parent ? tally.node.name : named || tally.node.name;
    const above = parent ? (parent.parentId === null && named ? named : parent.name) : null;
    const signer = { ...DEFAULT_SIGNER, ...request.signer };
    const recipients = request.recipients?.length ? request.recipients : DEFAULT_RECIPIENTS;

    return {
      agency: above,
      issuer,
      place: request.place?.trim() || placeOf(root?.name ?? (named || tally.node.name)),
      signedOn: vnDateOf(now),
      symbol: request.symbol?.trim() || DEFAULT_SYMBOL,
      recipients: [...recipients],
      signer: { authority: signer.authority || null, title: signer.title, name: signer.name },
      nodeName: nameInSentence(tally.node.name),
      period: reportPeriod(period),
      minSample: tally.minSample,
      overall: judged(tally.totals, tally.minSample),
      sectors: sectorRows(tally),
      units: unitRows(tally),
      trend: trendPoints(trend),
      feedback: feedbackFigures(feedback),
      tt01: tt01Summary(assessment.pooled ?? undefined),
      exclusions: exclusionRows(tally.totals),
    };
  }

  return {
    build,

    /** The report as the file an office signs (DOCX) or reads (PDF). */
    async render(
      user: UserRow,
      request: PeriodicReportRequest,
      format: ReportFormat,
    ): Promise<ReportFile> {
      const report = await build(user, request);
      const name = reportFilename(report.period.label, report.issuer, request.period.id, format);
      return format === 'docx'
        ? { ...name, contentType: DOCX_TYPE, body: await reportDocx(report) }
        : { ...name, contentType: 'application/pdf', body: await reportPdf(report) };
    },
  };
}

export type PeriodicReportService = ReturnType<typeof createPeriodicReportService>;
