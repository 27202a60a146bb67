/**
 * The console's client for the TT 01/2018 assessment (kept beside api.ts so that file stays short):
 * the tables, their Excel file, the one-stop system's dossier import, and a supervisor's conclusion
 * on a phản ánh about an officer's conduct (indicator 7).
 */
import {
  AssessmentReport,
  ConductState,
  DossierImportResult,
  type ConductDecision,
} from '@hailong/contracts';
import type { paths } from '@hailong/contracts/openapi';
import { GET, POST, PUT, href, parsed, upload } from './api-client.ts';

/** The period, the grouping and the node of a table: the query of GET /assessment. */
export type AssessmentChoice = paths['/api/v1/assessment']['get']['parameters']['query'];

export const assessmentApi = {
  report: (query: AssessmentChoice, signal?: AbortSignal) =>
    parsed(GET('/api/v1/assessment', { params: { query }, signal }), AssessmentReport),
  /** Where the browser downloads the same table (a plain link: the cookie goes along). */
  exportUrl: (query: AssessmentChoice) => href('/api/v1/exports/assessment.xlsx', query),
  dossiers: {
    templateUrl: () => href('/api/v1/dossiers/template.csv'),
    /** Checks a file of the one-stop system's dossiers (dry run), or stores its good rows. */
    import: (file: File, apply: boolean) =>
      parsed(
        POST('/api/v1/dossiers/import', {
          params: { query: { dryRun: apply ? '0' : '1' } },
          body: upload(file),
        }),
        DossierImportResult,
      ),
  },
  /** Kết luận on a phản ánh about an officer's conduct: who, and whether it was founded. */
  conduct: {
    get: (itemId: string, signal?: AbortSignal) =>
      parsed(
        GET('/api/v1/feedback/{id}/conduct', { params: { path: { id: itemId } }, signal }),
        ConductState,
      ),
    put: (itemId: string, body: ConductDecision) =>
      parsed(
        PUT('/api/v1/feedback/{id}/conduct', { params: { path: { id: itemId } }, body }),
        ConductState,
      ),
  },
};
