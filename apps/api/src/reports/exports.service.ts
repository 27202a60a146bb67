import { formatDate, formatPeriodVi, monthPeriod, parsePeriod, type Period } from '@hailong/domain';
import type { CommentsExportQuery, ExportQuery } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { nodeReport } from './exports/node-table.ts';
import { unitsReport } from './exports/units-table.ts';
import { nodeCsv, nodeXlsx } from './exports/node-files.ts';
import type { Clock } from '../jobs/clock.ts';
import type { UnitsTallyService } from './units-tally.service.ts';
import type { NodeTallyService } from './node-tally.service.ts';
import type { CommentsService } from './comments.service.ts';
import type { SheetPartiesOf } from './exports/sheet-parties.service.ts';
import {
  COMMENTS_TITLE,
  commentsCsv,
  commentsSection,
  MAX_EXPORTED_COMMENTS,
} from './exports/comments-table.ts';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

/** ASCII only, so the name survives every browser's Content-Disposition parsing. */
const safe = (part: string) =>
  part
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/**
 * Reports as files to download, for what `user` may see, read from the counters like every report:
 * the report of a node of the tree for a reporting period (`node`, `period`), or the monthly report
 * of each unit's own answers (`month`, `unitId`). Both are written by the same tables.
 */
export function createExportsService(
  repos: Repositories,
  clock: Clock,
  units: UnitsTallyService,
  nodeTally: NodeTallyService,
  comments: CommentsService,
  parties: SheetPartiesOf,
) {
  async function prepareMonth(month: string, user: UserRow, unit?: string) {
    const tallied = await units.month(user, month, { unit });
    const scope =
      tallied.units.length === 1
        ? safe((await repos.catalogue.findUnit(tallied.units[0]!.unitId))?.code ?? '') || 'don-vi'
        : 'tat-ca';
    const now = clock();
    return {
      report: unitsReport(tallied, formatDate(now)),
      now,
      base: `tong-hop-hai-long-${month}-${scope}`,
    };
  }

  async function prepareNode(period: Period, user: UserRow, node?: string) {
    const tallied = await nodeTally.tally(user, period, { node });
    const counters =
      tallied.hasCounters && tallied.node.id
        ? await nodeTally.counters(user, tallied.node.id, period)
        : undefined;
    const now = clock();
    const code = tallied.node.id
      ? safe((await repos.catalogue.findUnit(tallied.node.id))?.code ?? '') || 'don-vi'
      : 'tat-ca';
    return {
      report: nodeReport(tallied, counters, formatDate(now)),
      now,
      base: `tong-hop-hai-long-${period.id.toLowerCase()}-${code}`,
    };
  }

  const periodOf = (query: ExportQuery) =>
    query.period ? parsePeriod(query.period)! : monthPeriod(query.month!);
  const byNode = (query: ExportQuery) => query.node !== undefined || query.period !== undefined;

  return {
    /** Góp ý của người dân of a node over a period: the CSV beside the report's. */
    async commentsCsv(query: CommentsExportQuery, user: UserRow): Promise<ExportFile> {
      const period = parsePeriod(query.period)!;
      const said = await comments.all(user, period, query.node, MAX_EXPORTED_COMMENTS);
      const code = said.node.id
        ? safe((await repos.catalogue.findUnit(said.node.id))?.code ?? '') || 'don-vi'
        : 'tat-ca';
      const heading = [
        `${COMMENTS_TITLE} ${formatPeriodVi(period)}`,
        `Đơn vị: ${said.node.name}`,
        `Ngày lập: ${formatDate(clock())}`,
      ];
      return {
        filename: `gop-y-nguoi-dan-${period.id.toLowerCase()}-${code}.csv`,
        contentType: CSV_TYPE,
        body: commentsCsv(heading, said.items),
      };
    },
    async csv(query: ExportQuery, user: UserRow): Promise<ExportFile> {
      if (byNode(query)) {
        const { report, base } = await prepareNode(periodOf(query), user, query.node);
        return { filename: `${base}.csv`, contentType: CSV_TYPE, body: nodeCsv(report) };
      }
      const { report, base } = await prepareMonth(query.month!, user, query.unitId);
      return { filename: `${base}.csv`, contentType: CSV_TYPE, body: nodeCsv(report) };
    },
    async xlsx(query: ExportQuery, user: UserRow): Promise<ExportFile> {
      if (byNode(query)) {
        const period = periodOf(query);
        const { report, base, now } = await prepareNode(period, user, query.node);
        const said = await comments.all(user, period, query.node, MAX_EXPORTED_COMMENTS);
        return {
          filename: `${base}.xlsx`,
          contentType: XLSX_TYPE,
          body: await nodeXlsx(report, { ...(await parties(user)), createdAt: now }, [
            commentsSection(said.items),
          ]),
        };
      }
      const { report, base, now } = await prepareMonth(query.month!, user, query.unitId);
      return {
        filename: `${base}.xlsx`,
        contentType: XLSX_TYPE,
        body: await nodeXlsx(report, { ...(await parties(user)), createdAt: now }),
      };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
