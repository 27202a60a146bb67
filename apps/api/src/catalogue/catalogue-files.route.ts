import { createRoute, z } from '@hono/zod-openapi';
import { CatalogueImportQuery, CatalogueImportResult } from '@hailong/contracts';
import type { CatalogueImportService, FileFormat } from './catalogue-import.service.ts';
import type { SheetPartiesOf } from '../reports/exports/sheet-parties.service.ts';
import { XLSX_TYPE } from '../reports/exports.service.ts';
import { send, uploaded } from '../http/uploads.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, sessionErrors } from '../http/responses.ts';

// Admins only: a file may create roots and move units across the whole tree.
const admin = { tags: ['catalogue'], security: SESSION_SECURITY };
const fileResponse = (format: FileFormat) => ({
  200: {
    description: format === 'csv' ? 'CSV (UTF-8 with BOM)' : 'XLSX workbook',
    content: {
      [format === 'csv' ? 'text/csv' : XLSX_TYPE]: {
        schema: z.string().meta({ format: 'binary' }),
      },
    },
  },
  ...sessionErrors,
});
const download = (path: string, summary: string, format: FileFormat) =>
  createRoute({
    ...admin,
    method: 'get',
    path,
    summary,
    middleware: requireSession('admin'),
    responses: fileResponse(format),
  });

const importErrors = {
  ...commonErrors,
  ...sessionErrors,
  409: errorResponse('A change clashed with one made meanwhile'),
  422: errorResponse('import_invalid: bad lines, each with line, column and message'),
};
const importBody = {
  description:
    'The file: multipart/form-data with a `file` field, or the raw bytes (text/csv or the XLSX type; ' +
    'a `.csv`/`.xlsx` name or the bytes themselves decide otherwise). At most 5 MB.',
};
const importRoute = createRoute({
  ...admin,
  method: 'post',
  path: '/catalogue/import',
  summary: 'Plan (dryRun=1, default) or apply (dryRun=0) a catalogue file',
  description: importBody.description,
  // The file's size is bounded with every other body: http/body-limits.ts.
  middleware: requireSession('admin'),
  request: { query: CatalogueImportQuery },
  responses: { 200: json(CatalogueImportResult, 'The plan, applied or not'), ...importErrors },
});
const applyRoute = createRoute({
  ...admin,
  method: 'post',
  path: '/catalogue/import/apply',
  summary: 'Apply a catalogue file in one transaction',
  description: importBody.description,
  middleware: requireSession('admin'),
  responses: { 200: json(CatalogueImportResult, 'The plan, applied'), ...importErrors },
});

export function catalogueFilesRoutes(service: CatalogueImportService, parties: SheetPartiesOf) {
  return newRouter()
    .openapi(download('/catalogue/template.xlsx', 'Catalogue template (XLSX)', 'xlsx'), async (c) =>
      send(c, await service.template('xlsx')),
    )
    .openapi(download('/catalogue/template.csv', 'Catalogue template (CSV)', 'csv'), async (c) =>
      send(c, await service.template('csv')),
    )
    .openapi(download('/catalogue/export.xlsx', 'The whole catalogue (XLSX)', 'xlsx'), async (c) =>
      send(c, await service.export('xlsx', await parties(c.get('auth').user))),
    )
    .openapi(download('/catalogue/export.csv', 'The whole catalogue (CSV)', 'csv'), async (c) =>
      send(c, await service.export('csv', await parties(c.get('auth').user))),
    )
    .openapi(importRoute, async (c) => {
      const file = await uploaded(c);
      const result =
        c.req.valid('query').dryRun === '0'
          ? await service.apply(file, c.get('auth').user)
          : await service.dryRun(file);
      return c.json(result, 200);
    })
    .openapi(applyRoute, async (c) =>
      c.json(await service.apply(await uploaded(c), c.get('auth').user), 200),
    );
}
