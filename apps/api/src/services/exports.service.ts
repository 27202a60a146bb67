import { formatDate } from '@hailong/domain';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { tallyCsv } from '../exports/tally-csv.ts';
import { tallyXlsx } from '../exports/tally-xlsx.ts';
import type { Clock } from './clock.ts';
import type { TallyService } from './tally.service.ts';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** ASCII only, so the name survives every browser's Content-Disposition parsing. */
const safe = (part: string) =>
  part
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/** The monthly report as a file to download, for what `user` may see. */
export function createExportsService(repos: Repositories, clock: Clock, tally: TallyService) {
  async function prepare(month: string, user: UserRow, unitId?: string) {
    const report = await tally.month(month, user, { unitId });
    const scope =
      report.units.length === 1
        ? safe((await repos.catalogue.findUnit(report.units[0]!.unitId))?.code ?? '') || 'don-vi'
        : 'tat-ca';
    const now = clock();
    return { report, now, base: `tong-hop-hai-long-${month}-${scope}`, on: formatDate(now) };
  }

  return {
    async csv(month: string, user: UserRow, unitId?: string): Promise<ExportFile> {
      const { report, base, on } = await prepare(month, user, unitId);
      return {
        filename: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: tallyCsv(report, on),
      };
    },
    async xlsx(month: string, user: UserRow, unitId?: string): Promise<ExportFile> {
      const { report, base, on, now } = await prepare(month, user, unitId);
      return {
        filename: `${base}.xlsx`,
        contentType: XLSX_TYPE,
        body: await tallyXlsx(report, on, new Date(now)),
      };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
