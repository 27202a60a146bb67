/**
 * Files in and out of the API: an uploaded CSV or XLSX (multipart `file`, or the raw bytes with a
 * type or `?filename=`), and a download with its name and no caching.
 */
import type { Context } from 'hono';
import type { FileFormat, UploadedFile } from '../catalogue/files/read-sheet.ts';
import type { ExportFile } from '../reports/exports.service.ts';
import { ApiError } from './errors.ts';

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

export async function uploaded(c: Context): Promise<UploadedFile> {
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

export function send(c: Context, file: ExportFile) {
  c.header('Content-Type', file.contentType);
  c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  c.header('Cache-Control', 'private, no-store');
  return c.body(file.body as string, 200);
}
