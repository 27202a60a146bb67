import { createRoute, z } from '@hono/zod-openapi';
import { CommentsExportQuery, ExportQuery } from '@hailong/contracts';
import type { ExportFile, ExportsService } from './exports.service.ts';
import { XLSX_TYPE } from './exports.service.ts';
import type { Context } from 'hono';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, sessionErrors } from '../http/responses.ts';

const common = {
  method: 'get' as const,
  tags: ['exports'],
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { query: ExportQuery },
};
const errors = {
  ...commonErrors,
  ...sessionErrors,
  404: errorResponse('No such unit, or outside the reader’s subtree'),
};

const csv = createRoute({
  ...common,
  path: '/exports/tally.csv',
  summary:
    'Report as CSV (UTF-8 with BOM): a node of the tree over a period (node, period), or the monthly report (month, unitId). Readers: their subtree only',
  responses: {
    200: {
      description: 'CSV file',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...errors,
  },
});

const xlsx = createRoute({
  ...common,
  path: '/exports/tally.xlsx',
  summary:
    'Report as an Excel workbook, A4 landscape: a node over a period (node, period), or the monthly report (month, unitId)',
  responses: {
    200: {
      description: 'XLSX workbook',
      content: { [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
    },
    ...errors,
  },
});

const commentsCsv = createRoute({
  ...common,
  path: '/exports/comments.csv',
  request: { query: CommentsExportQuery },
  summary:
    'Góp ý của người dân (comments typed after a low rating) of a node over a period as CSV (UTF-8 ' +
    'with BOM), newest first. Readers: their subtree only; viewers read phone numbers masked',
  responses: {
    200: {
      description: 'CSV file',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...errors,
  },
});

function download(c: Context, file: ExportFile) {
  c.header('Content-Type', file.contentType);
  c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  // Unit figures for staff only: never kept by a shared cache.
  c.header('Cache-Control', 'private, no-store');
  return c.body(file.body as string, 200);
}

export function exportsRoutes(exports: ExportsService) {
  return newRouter()
    .openapi(csv, async (c) =>
      download(c, await exports.csv(c.req.valid('query'), c.get('auth').user)),
    )
    .openapi(xlsx, async (c) =>
      download(c, await exports.xlsx(c.req.valid('query'), c.get('auth').user)),
    )
    .openapi(commentsCsv, async (c) =>
      download(c, await exports.commentsCsv(c.req.valid('query'), c.get('auth').user)),
    );
}
