/**
 * An uploaded CSV or XLSX as sheet lines, for any import (catalogue, dossiers): a file that cannot
 * be read at all is a 422 `import_invalid` naming line 1, never a 500.
 */
import type { SheetLine } from '@hailong/domain';
import { ApiError } from '../http/errors.ts';
import { FileUnreadable, MAX_ROWS } from './file-errors.ts';
import { readCsv, type TableCheck } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';

export type FileFormat = 'csv' | 'xlsx';
export interface UploadedFile {
  bytes: Uint8Array;
  format: FileFormat;
}

export async function readSheet(file: UploadedFile, fits?: TableCheck): Promise<SheetLine[]> {
  try {
    const lines =
      file.format === 'xlsx' ? await readXlsx(file.bytes, fits) : readCsv(file.bytes, fits);
    if (lines.length > MAX_ROWS)
      throw new FileUnreadable(`Tệp có quá nhiều dòng (tối đa ${MAX_ROWS}).`);
    return lines;
  } catch (err) {
    if (!(err instanceof FileUnreadable)) throw err;
    throw new ApiError(422, 'import_invalid', err.message, [
      { line: 1, column: null, message: err.message },
    ]);
  }
}
