import { createRoute, z } from '@hono/zod-openapi';
import { parsePeriod } from '@hailong/domain';
import {
  AssessmentQuery,
  AssessmentReport,
  ConductDecision,
  ConductState,
  DossierImportQuery,
  DossierImportResult,
} from '@hailong/contracts';
import type { AssessmentService } from './assessment.service.ts';
import type { ConductService } from './conduct.service.ts';
import type { DossierImportService } from '../ingest/dossier-import.service.ts';
import type { SheetPartiesOf } from '../reports/exports/sheet-parties.service.ts';
import { XLSX_TYPE } from '../reports/exports.service.ts';
import { assessmentXlsx } from '../reports/exports/assessment-xlsx.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { send, uploaded } from '../http/uploads.ts';
import { toCsv } from '../reports/exports/csv.ts';
import { DOSSIER_COLUMNS, DOSSIER_HEADERS } from '@hailong/domain';
import { commonErrors, errorResponse, json, jsonBody, sessionErrors } from '../http/responses.ts';

const tags = ['assessment'];
const security = SESSION_SECURITY;
const scopeErrors = {
  ...commonErrors,
  ...sessionErrors,
  404: errorResponse('No such unit, or outside the reader’s subtree'),
};

const report = createRoute({
  method: 'get',
  path: '/assessment',
  tags,
  security,
  summary:
    'TT 01/2018 assessment per officer, unit or sector over a period: indicator points, total out of what was measured, band, satisfaction rate. Staff see their own row only; others their subtree; rows under 30 answers are not ranked',
  middleware: requireSession(),
  request: { query: AssessmentQuery },
  responses: { 200: json(AssessmentReport, 'The assessment table'), ...scopeErrors },
});

const xlsx = createRoute({
  method: 'get',
  path: '/exports/assessment.xlsx',
  tags: ['exports'],
  security,
  summary: 'The assessment table as an XLSX workbook (same query and scope as /assessment)',
  middleware: requireSession(),
  request: { query: AssessmentQuery },
  responses: {
    200: {
      description: 'XLSX workbook',
      content: { [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
    },
    ...scopeErrors,
  },
});

const importDossiers = createRoute({
  method: 'post',
  path: '/dossiers/import',
  tags,
  security,
  summary:
    'Import dossiers from the one-stop system (CSV or XLSX; multipart `file` or the raw bytes): dryRun=1 (default) checks and counts, dryRun=0 stores the good rows by dossier code. Bad or unmatched rows (units and officers outside the importer’s subtree, codes another unit owns) are reported by line and left out',
  middleware: requireSession('admin', 'supervisor'),
  request: { query: DossierImportQuery },
  responses: {
    200: json(DossierImportResult, 'Counts and the lines not stored'),
    ...commonErrors,
    ...sessionErrors,
    422: errorResponse('import_invalid: the file cannot be read or has no header row'),
  },
});

const template = createRoute({
  method: 'get',
  path: '/dossiers/template.csv',
  tags,
  security,
  summary: 'A CSV with the dossier import’s columns and one example row',
  middleware: requireSession('admin', 'supervisor'),
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...sessionErrors,
  },
});

const itemParam = z.object({ id: z.string().min(1).max(64) });
const getConduct = createRoute({
  method: 'get',
  path: '/feedback/{id}/conduct',
  tags: ['feedback'],
  security,
  summary: 'The conclusion on a phản ánh about an officer’s conduct, or null',
  middleware: requireSession(),
  request: { params: itemParam },
  responses: {
    200: json(ConductState, 'The conclusion'),
    ...sessionErrors,
    404: errorResponse('No such item'),
  },
});
const putConduct = createRoute({
  method: 'put',
  path: '/feedback/{id}/conduct',
  tags: ['feedback'],
  security,
  summary:
    'Conclude a phản ánh about an officer’s conduct (items classified official_conduct; supervisors and admins). Upheld: the officer’s indicator 7 is 0 for the period. A supervisor concludes only on officers of their subtree (403 otherwise)',
  middleware: requireSession('admin', 'supervisor'),
  request: { params: itemParam, body: jsonBody(ConductDecision) },
  responses: {
    200: json(ConductState, 'The conclusion'),
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such item or officer'),
    409: errorResponse('invalid_transition: the item is not about an officer’s conduct'),
  },
});

export function assessmentRoutes(
  service: AssessmentService,
  dossiers: DossierImportService,
  conduct: ConductService,
  sheetParties: SheetPartiesOf,
) {
  return newRouter()
    .openapi(report, async (c) => {
      const { period, by, node } = c.req.valid('query');
      return c.json(await service.report(c.get('auth').user, parsePeriod(period)!, by, node), 200);
    })
    .openapi(xlsx, async (c) => {
      const { period: text, by, node } = c.req.valid('query');
      const period = parsePeriod(text)!;
      const { user } = c.get('auth');
      const result = await service.report(user, period, by, node);
      const body = await assessmentXlsx(result, await sheetParties(user));
      return send(c, {
        // The canonical id ("2026-Q1"), never the query's own spelling, goes into the header.
        filename: `danh-gia-tt01-${period.id}-${by}.xlsx`,
        contentType: XLSX_TYPE,
        body,
      });
    })
    .openapi(importDossiers, async (c) => {
      const file = await uploaded(c);
      const apply = c.req.valid('query').dryRun === '0';
      return c.json(await dossiers.import(file, c.get('auth').user, apply), 200);
    })
    .openapi(template, (c) => {
      const header = DOSSIER_COLUMNS.map((col) => DOSSIER_HEADERS[col].vi);
      const example = [
        '000.00.12.H56-261120-0001',
        'Đăng ký khai sinh',
        'ho-tich',
        'so-tp',
        'canbo1',
        '20/11/2026',
        '25/11/2026',
        '24/11/2026',
        'không',
      ];
      return send(c, {
        filename: 'mau-nhap-ho-so.csv',
        contentType: 'text/csv; charset=utf-8',
        body: toCsv([header, example]),
      });
    })
    .openapi(getConduct, async (c) =>
      c.json({ conduct: await conduct.get(c.get('auth').user, c.req.valid('param').id) }, 200),
    )
    .openapi(putConduct, async (c) =>
      c.json(
        {
          conduct: await conduct.decide(
            c.get('auth').user,
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
        },
        200,
      ),
    );
}
