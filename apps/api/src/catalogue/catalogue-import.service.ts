/**
 * Import and export of the whole catalogue (đơn vị, lĩnh vực, quầy) as one CSV or XLSX file. The
 * plan comes from the pure planner in @hailong/domain; a dry run only reads, the apply re-plans
 * inside one transaction under the tree lock (so it acts on the catalogue as it is at that moment)
 * and runs every step through the catalogue commands, which keep history and audit. A file with
 * any bad line changes nothing: 422 `import_invalid` with every `{ line, column, message }`.
 */
import {
  catalogueRows,
  monthOf,
  planCatalogueImport,
  readCatalogueTable,
  scaleAt,
  scaleChangeMonth,
  validateCatalogueRows,
  type CatalogueSnapshot,
  type CataloguePlan,
  type SheetLine,
} from '@hailong/domain';
import type { CatalogueImportResult, ImportIssue } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import {
  CATALOGUE_TITLE,
  catalogueCsv,
  catalogueXlsx,
  TEMPLATE_EXAMPLE,
  TEMPLATE_NOTES,
} from './files/write.ts';
import {
  sheetHeading,
  type SheetHeading,
  type SheetParties,
} from '../reports/exports/sheet-header.ts';
import type { Clock } from '../jobs/clock.ts';
import { XLSX_TYPE, type ExportFile } from '../reports/exports.service.ts';
import { applyImportPlan } from './catalogue-import-apply.ts';

/** YYYY-MM-DD in Việt Nam, for file names. */
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

import { readSheet, type FileFormat, type UploadedFile } from './files/read-sheet.ts';
export type { FileFormat, UploadedFile };

/**
 * The catalogue as the planner sees it. A unit's scale is the latest set, including a change that
 * applies from next month, so re-importing a file that changed a scale plans nothing.
 */
export async function loadSnapshot(repos: Repositories, now: number): Promise<CatalogueSnapshot> {
  const units = await repos.catalogue.listUnits();
  const sectors = await repos.catalogue.listSectors();
  const counters = await repos.catalogue.listCounters();
  const scales = await repos.catalogue.listUnitScales();
  const next = scaleChangeMonth(monthOf(now));
  const item = (s: (typeof sectors)[number]) => ({
    id: s.id,
    unitId: s.unitId,
    code: s.code,
    name: s.name,
    sortOrder: s.sortOrder,
    archived: s.archivedAt !== null,
  });
  return {
    units: units.map((u) => ({
      id: u.id,
      parentId: u.parentId,
      code: u.code,
      name: u.name,
      kind: u.kind,
      scale:
        scaleAt(
          scales.filter((s) => s.unitId === u.id),
          next,
        ) ?? u.scale,
      sortOrder: u.sortOrder,
      archived: u.archivedAt !== null,
    })),
    sectors: sectors.map(item),
    counters: counters.map(item),
  };
}

function invalidFile(issues: ImportIssue[]): ApiError {
  const lines = new Set(issues.map((i) => i.line)).size;
  return new ApiError(
    422,
    'import_invalid',
    `Tệp có ${issues.length} lỗi ở ${lines} dòng; chưa thay đổi gì. Sửa các dòng được nêu rồi nhập lại.`,
    issues,
  );
}

/** The plan of `lines` against the catalogue `repos` sees; throws 422 when any line is bad. */
async function planOf(
  repos: Repositories,
  lines: SheetLine[],
  now: number,
): Promise<CataloguePlan> {
  const table = readCatalogueTable(lines);
  const valid = validateCatalogueRows(table.rows);
  const plan = planCatalogueImport(valid.rows, await loadSnapshot(repos, now));
  const issues = [...table.issues, ...valid.issues, ...plan.issues].sort((a, b) => a.line - b.line);
  if (issues.length > 0) throw invalidFile(issues);
  return plan;
}

function resultOf(plan: CataloguePlan, applied: boolean): CatalogueImportResult {
  return {
    applied,
    counts: plan.counts,
    steps: plan.steps.map((s) => ({
      action: s.action,
      entity: s.entity,
      line: s.line,
      code: s.code,
      path: s.path,
      name: s.name,
      from: 'from' in s ? s.from : null,
      to: 'to' in s ? s.to : null,
    })),
  };
}

export function createCatalogueImportService(repos: Repositories, clock: Clock) {
  const file = async (
    format: FileFormat,
    base: string,
    rows: string[][],
    notes: string[] = [],
    heading?: SheetHeading,
  ): Promise<ExportFile> =>
    format === 'csv'
      ? {
          filename: `${base}.csv`,
          contentType: 'text/csv; charset=utf-8',
          body: catalogueCsv(rows, notes),
        }
      : {
          filename: `${base}.xlsx`,
          contentType: XLSX_TYPE,
          body: await catalogueXlsx(rows, new Date(clock()), heading),
        };

  return {
    /** The template: how-to lines and a small province to copy. */
    template: (format: FileFormat) =>
      file(format, 'mau-danh-muc', TEMPLATE_EXAMPLE, TEMPLATE_NOTES),

    /**
     * The catalogue as it is, archived items included, in the import format; the workbook headed
     * as every export (`parties`: who issues it), which the importer skips above the header row.
     */
    async export(format: FileFormat, parties: SheetParties): Promise<ExportFile> {
      const now = clock();
      const rows = catalogueRows(await loadSnapshot(repos, now));
      const heading = sheetHeading(parties, CATALOGUE_TITLE, null, `Số mục: ${rows.length}`);
      return file(format, `danh-muc-${DAY.format(now)}`, rows, [], heading);
    },

    /** What importing `upload` would change; changes nothing. */
    async dryRun(upload: UploadedFile): Promise<CatalogueImportResult> {
      const lines = await readSheet(upload);
      return resultOf(await planOf(repos, lines, clock()), false);
    },

    /** Imports `upload` in one transaction, as `user`. */
    async apply(upload: UploadedFile, user: UserRow): Promise<CatalogueImportResult> {
      const lines = await readSheet(upload);
      const now = clock();
      const plan = await repos.transaction(async (tx) => {
        await tx.catalogue.lockTree();
        const planned = await planOf(tx, lines, now);
        await applyImportPlan(tx, { now, actorId: user.id }, planned);
        return planned;
      });
      return resultOf(plan, true);
    },
  };
}

export type CatalogueImportService = ReturnType<typeof createCatalogueImportService>;
