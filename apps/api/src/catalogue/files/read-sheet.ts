/**
 * An uploaded CSV or XLSX as sheet lines, for any import (catalogue, dossiers): a file that cannot
 * be read at all is a 422 `import_invalid` naming the line it stopped at, and a workbook that would
 * inflate beyond what the server reads a 413 `payload_too_large`; never a 500, and nothing changed.
 */
import type { SheetLine } from '@hailong/domain';
import { ApiError } from '../../http/errors.ts';
import { FileTooLarge, FileUnreadable } from './file-errors.ts';
import { readCsv, type TableCheck } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';

export type FileFormat = 'csv' | 'xlsx';
export interface UploadedFile {
  bytes: Uint8Array;
  format: FileFormat;
}

export async function readSheet(file: UploadedFile, fits?: TableCheck): Promise<SheetLine[]> {
  try {
    return file.format === 'xlsx' ? await readXlsx(file.bytes, fits) : readCsv(file.bytes, fits);
  } catch (err) {
    if (err instanceof FileTooLarge) throw new ApiError(413, 'payload_too_large', err.message);
    if (!(err instanceof FileUnreadable)) throw err;
    throw new ApiError(422, 'import_invalid', err.message, [
      { line: err.line, column: null, message: err.message },
    ]);
  }
}
