import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CatalogueImportQuery, CatalogueImportResult } from '@hailong/contracts';
import type {
  CatalogueImportService,
  FileFormat,
  UploadedFile,
} from '../services/catalogue-import.service.ts';
import { XLSX_TYPE, type ExportFile } from '../services/exports.service.ts';
import { ApiError, payloadTooLarge, sendError } from '../http/errors.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, json, sessionErrors } from './responses.ts';

/** The import route takes a whole province's file; every other route keeps the 1 MB limit. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_PATHS = ['/api/v1/catalogue/import', '/api/v1/catalogue/import/apply'];

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
    middleware: [requireSession('admin')],
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
const limit = bodyLimit({
  maxSize: IMPORT_MAX_BYTES,
  onError: (c) => sendError(c, payloadTooLarge()),
});
const importRoute = createRoute({
  ...admin,
  method: 'post',
  path: '/catalogue/import',
  summary: 'Plan (dryRun=1, default) or apply (dryRun=0) a catalogue file',
  description: importBody.description,
  middleware: [requireSession('admin'), limit],
  request: { query: CatalogueImportQuery },
  responses: { 200: json(CatalogueImportResult, 'The plan, applied or not'), ...importErrors },
});
const applyRoute = createRoute({
  ...admin,
  method: 'post',
  path: '/catalogue/import/apply',
  summary: 'Apply a catalogue file in one transaction',
  description: importBody.description,
  middleware: [requireSession('admin'), limit],
  responses: { 200: json(CatalogueImportResult, 'The plan, applied'), ...importErrors },
});

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function formatOf(type: string, name: string, bytes: Uint8Array): FileFormat {
  const lower = name.toLowerCase();
  if (type.includes('spreadsheetml') || lower.endsWith('.xlsx')) return 'xlsx';
  if (type.includes('csv') || type.startsWith('text/') || lower.endsWith('.csv')) return 'csv';
  return isZip(bytes) ? 'xlsx' : 'csv';
}

const noFile = () =>
  new ApiError(422, 'validation_failed', 'Chưa chọn tệp để nhập.', [
    { path: 'file', message: 'a CSV or XLSX file is required' },
  ]);

async function uploaded(c: Context): Promise<UploadedFile> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const file = body['file'];
    if (!(file instanceof File) || file.size === 0) throw noFile();
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { bytes, format: formatOf(file.type.toLowerCase(), file.name, bytes) };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw noFile();
  return { bytes, format: formatOf(type, c.req.query('filename') ?? '', bytes) };
}

function send(c: Context, file: ExportFile) {
  c.header('Content-Type', file.contentType);
  c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  c.header('Cache-Control', 'private, no-store');
  return c.body(file.body as string, 200);
}

export function catalogueFilesRoutes(service: CatalogueImportService) {
  return newRouter()
    .openapi(download('/catalogue/template.xlsx', 'Catalogue template (XLSX)', 'xlsx'), async (c) =>
      send(c, await service.template('xlsx')),
    )
    .openapi(download('/catalogue/template.csv', 'Catalogue template (CSV)', 'csv'), async (c) =>
      send(c, await service.template('csv')),
    )
    .openapi(download('/catalogue/export.xlsx', 'The whole catalogue (XLSX)', 'xlsx'), async (c) =>
      send(c, await service.export('xlsx')),
    )
    .openapi(download('/catalogue/export.csv', 'The whole catalogue (CSV)', 'csv'), async (c) =>
      send(c, await service.export('csv')),
    )
    .openapi(importRoute, async (c) => {
      const file = await uploaded(c);
      const result =
        c.req.valid('query').dryRun === '0'
          ? await service.apply(file, c.get('auth')!.user)
          : await service.dryRun(file);
      return c.json(result, 200);
    })
    .openapi(applyRoute, async (c) =>
      c.json(await service.apply(await uploaded(c), c.get('auth')!.user), 200),
    );
}
