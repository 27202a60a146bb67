/** One backup and one restore for either database, chosen by the URL as the server chooses. */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sqlitePath } from '../db/connect.ts';
import type { Dialect } from '../repositories/types.ts';
import { backupFileName, backupsToForget } from './backup-files.ts';
import { BackupError, type BackupSummary } from './backup-summary.ts';
import { backupPostgres, restorePostgres } from './postgres-backup.ts';
import { backupSqlite, restoreSqlite } from './sqlite-backup.ts';

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (url.startsWith('file:')) return 'sqlite';
  throw new BackupError('not_found', 'DATABASE_URL phải là postgres://… hoặc file:ĐƯỜNG_DẪN.');
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  summary: BackupSummary;
}

/**
 * Backs up the database at `url` to `path`: that file, or a new file named after the time in it
 * when `path` is a directory. The file appears only once complete and checked (written as
 * `….partial` first), so a half-written backup is never taken for a good one.
 */
export async function backupDatabase(
  url: string,
  path: string,
  now = Date.now(),
): Promise<BackupResult> {
  const dialect = dialectOf(url);
  const file = isDirectory(path) ? join(path, backupFileName(dialect, now)) : path;
  const started = performance.now();
  const summary =
    dialect === 'sqlite'
      ? await backupSqlite(sqlitePath(url), file)
      : await backupPostgres(url, file);
  return { file, bytes: statSync(file).size, ms: performance.now() - started, summary };
}

export async function restoreDatabase(
  url: string,
  file: string,
  overwrite: boolean,
): Promise<BackupSummary> {
  return dialectOf(url) === 'sqlite'
    ? restoreSqlite(file, sqlitePath(url), overwrite)
    : restorePostgres(file, url, overwrite);
}

/** Deletes the backups in `dir` older than `keepDays` (never the newest); returns their names. */
export function forgetOldBackups(dir: string, keepDays: number, now = Date.now()): string[] {
  const old = backupsToForget(readdirSync(dir), now, keepDays);
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}

function isDirectory(path: string): boolean {
  return path.endsWith('/') || (existsSync(path) && statSync(path).isDirectory());
}
