/**
 * The console's client for the TT 01/2018 assessment (kept beside api.ts so that file stays short):
 * the tables, their Excel file, the one-stop system's dossier import, and a supervisor's conclusion
 * on a phản ánh about an officer's conduct (indicator 7).
 */
import {
  AssessmentReport,
  ConductState,
  DossierImportResult,
  type AssessmentBy,
  type ConductDecision,
} from '@hailong/contracts';
import { queryString, request } from './api.ts';

const BASE = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export interface AssessmentChoice {
  period: string;
  by: AssessmentBy;
  /** A unit: its subtree; undefined: everything the reader may see. */
  node?: string | undefined;
}

export const assessmentApi = {
  report: (query: AssessmentChoice, signal?: AbortSignal) =>
    request('GET', `/assessment${queryString({ ...query })}`, AssessmentReport, { signal }),
  /** Where the browser downloads the same table (a plain link: the cookie goes along). */
  exportUrl: (query: AssessmentChoice) =>
    `${BASE}/exports/assessment.xlsx${queryString({ ...query })}`,
  dossiers: {
    templateUrl: () => `${BASE}/dossiers/template.csv`,
    /** Checks a file of the one-stop system's dossiers (dry run), or stores its good rows. */
    import: (file: File, apply: boolean) => {
      const form = new FormData();
      form.set('file', file);
      return request('POST', `/dossiers/import?dryRun=${apply ? 0 : 1}`, DossierImportResult, {
        form,
      });
    },
  },
  /** Kết luận on a phản ánh about an officer's conduct: who, and whether it was founded. */
  conduct: {
    get: (itemId: string, signal?: AbortSignal) =>
      request('GET', `/feedback/${id(itemId)}/conduct`, ConductState, { signal }),
    put: (itemId: string, body: ConductDecision) =>
      request('PUT', `/feedback/${id(itemId)}/conduct`, ConductState, { body }),
  },
};
