/**
 * The PAR Index evidence pack (issue 25 item 4): for a unit and a period, one zip an appraisal team
 * can file — the periodic report as the documents service renders it (DOCX and PDF, the same bytes
 * as its own download), each month's dataset as its latest checkpoint signed it (JSON and CSV,
 * the public routes' own bodies), every checkpoint of those months, the server's public keys and
 * the guide (evidence-pack-guide.ts). Reading it is a read of the unit: its scope is checked first
 * (auth/access.ts), so nothing of a unit outside it is read.
 */
import { zip, type AsyncZippable } from 'fflate';
import { formatPeriodVi, utf8, type Period } from '@hailong/domain';
import type { Repositories, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from '../auth/access.ts';
import type { PeriodicReportService } from '../documents/periodic-report.service.ts';
import {
  asciiName,
  encode5987,
  reportFilename,
  type ReportFilename,
} from '../documents/report-filename.ts';
import { datasetCsv, type EvidenceService } from './evidence.service.ts';
import { evidenceGuide, GUIDE_FILE, type GuideMonth } from './evidence-pack-guide.ts';
import type { Checkpoint } from './evidence.schemas.ts';

/** Checkpoints of one unit's month: its versions, a handful at most. */
const VERSIONS_LIMIT = 100;

export interface EvidencePackDeps {
  repos: Repositories;
  clock: Clock;
  reports: PeriodicReportService;
  evidence: EvidenceService;
  /** PUBLIC_URL: the guide names the verifier page by its full address when known. */
  publicUrl?: string | undefined;
}

export interface EvidencePack extends ReportFilename {
  body: Uint8Array;
}

const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);

function zipped(files: AsyncZippable, mtime: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // Asynchronous: a year of datasets is megabytes, compressed off the event loop.
    zip(files, { level: 6, mtime }, (err, data) => (err ? reject(err) : resolve(data)));
  });
}

export function createEvidencePackService(deps: EvidencePackDeps) {
  const { repos, evidence } = deps;
  const origin = deps.publicUrl ? new URL(deps.publicUrl).origin : '';

  return {
    async pack(user: UserRow, unitId: string, period: Period): Promise<EvidencePack> {
      const unit = (await loadAccess(repos, user)).requireVisible(unitId);
      const now = deps.clock();
      const request = { node: unitId, period };
      const [docx, pdf] = await Promise.all([
        deps.reports.render(user, request, 'docx'),
        deps.reports.render(user, request, 'pdf'),
      ]);
      const files: AsyncZippable = {
        [docx.filename]: new Uint8Array(docx.body),
        [pdf.filename]: new Uint8Array(pdf.body),
      };
      const months: GuideMonth[] = [];
      const checkpoints: Checkpoint[] = [];
      for (const month of period.months) {
        const versions = (
          await repos.evidence.list({ unitId, month, limit: VERSIONS_LIMIT })
        ).filter((c) => c.scope === 'unit');
        checkpoints.push(...versions.sort((a, b) => a.version - b.version));
        if (versions.length === 0) {
          months.push({ month, checkpoint: null, versions: 0 });
          continue;
        }
        const dataset = await evidence.dataset(unitId, month, 'unit');
        files[`du-lieu/${month}.json`] = json(dataset);
        files[`du-lieu/${month}.csv`] = utf8(datasetCsv(dataset.rows));
        months.push({ month, checkpoint: dataset.checkpoint, versions: versions.length });
      }
      files['diem-chot.json'] = json({ checkpoints });
      files['khoa-cong-khai.json'] = json({ keys: await evidence.keys() });
      files['khoa-may-tinh-bang.json'] = json({
        tablets: await repos.recordChain.unitTabletKeys(unitId),
      });
      files[GUIDE_FILE] = utf8(
        evidenceGuide({
          unitName: unit.name,
          periodLabel: formatPeriodVi(period),
          madeAt: now,
          months,
          reportFiles: [docx.filename, pdf.filename],
          verifyUrl: `${origin}/public/verify`,
          keysUrl: `${origin}/api/v1/public/keys`,
        }),
      );
      const name = packFilename(unit.name, period);
      return { ...name, body: await zipped(files, now) };
    },
  };
}

/** "Hồ sơ kiểm chứng Quý IV năm 2026 - UBND xã A.zip", by the report's own naming rule. */
function packFilename(unitName: string, period: Period): ReportFilename {
  const { filename } = reportFilename(`kiểm chứng ${period.id}`, unitName, period.id, 'zip');
  const named = filename.replace(/^Báo cáo /, 'Hồ sơ ');
  const ascii = `ho-so-kiem-chung-${period.id}-${asciiName(unitName).toLowerCase().slice(0, 80)}.zip`;
  return {
    filename: named,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encode5987(named)}`,
  };
}

export type EvidencePackService = ReturnType<typeof createEvidencePackService>;
