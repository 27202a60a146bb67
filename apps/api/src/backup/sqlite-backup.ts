/**
 * SQLite backup and restore with the online backup API, while the server keeps running and writing.
 * The whole file is copied in one step, under one read transaction: a consistent snapshot, and in
 * WAL mode the server's writers never wait for it (they append to the WAL meanwhile).
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { BackupError, SUMMARY_SQL, type BackupSummary } from './backup-summary.ts';
import { copyToNewFile, createPrivateFile, PRIVATE_MODE } from './private-file.ts';

/** Pages per backup step: all of them, so no writer can make the copy start over. */
const ALL_PAGES = 0x7fffffff;

export async function backupSqlite(source: string, dest: string): Promise<BackupSummary> {
  if (!existsSync(source)) {
    throw new BackupError('not_found', `Không có cơ sở dữ liệu SQLite tại ${source}.`);
  }
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  // SQLite would create the copy 0644 (less the umask); an empty file it finds is an empty
  // database, and it keeps that file's mode (and gives it to its journal).
  createPrivateFile(partial);
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  try {
    selfContained(partial);
    const summary = summariseSqlite(partial);
    durableRename(partial, dest);
    return summary;
  } catch (err) {
    for (const path of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(path, { force: true });
    throw err;
  }
}

/**
 * The copy says WAL in its header, as the live database does: switched to a rollback journal it is
 * one file that can be opened, checked and copied with no `-wal` or `-shm` beside it. The server
 * switches it back to WAL when it opens it after a restore.
 */
function selfContained(path: string): void {
  const db = new SqliteDatabase(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Checks the file is an intact hailong database and says what it holds; throws BackupError if not. */
export function summariseSqlite(path: string): BackupSummary {
  if (!existsSync(path)) throw new BackupError('not_found', `Không có tệp ${path}.`);
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    const value = (query: string) => (db!.prepare(query).get() as { value: unknown }).value;
    return {
      schema: String(value(SUMMARY_SQL.schema)),
      ratings: Number(value(SUMMARY_SQL.ratings)),
      feedback: Number(value(SUMMARY_SQL.feedback)),
      devices: Number(value(SUMMARY_SQL.devices)),
    };
  } catch (err) {
    throw new BackupError(
      'not_a_backup',
      `${path} không phải bản sao lưu hailong còn nguyên vẹn (${(err as Error).message}).`,
    );
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database at `target` with the backup. Refuses a target that holds data unless
 * `overwrite`, and always refuses one another process has open (the server must be stopped): the
 * check takes SQLite's exclusive lock, which any open connection prevents.
 */
export function restoreSqlite(backup: string, target: string, overwrite: boolean): BackupSummary {
  const summary = summariseSqlite(backup);
  const incoming = `${target}.restoring`;
  // The database keeps its own mode (its owner chose who may read it), never the backup file's.
  const mode = existsSync(target) ? statSync(target).mode & 0o7777 : PRIVATE_MODE;
  let guard: SqliteDatabase.Database | undefined;
  if (existsSync(target) && statSync(target).size > 0) {
    if (!overwrite) {
      throw new BackupError(
        'target_exists',
        `Cơ sở dữ liệu ${target} đang có dữ liệu. Dừng dịch vụ rồi chạy lại với --overwrite để thay bằng bản sao lưu.`,
      );
    }
    guard = new SqliteDatabase(target, { timeout: 0 });
    try {
      guard.pragma('locking_mode = EXCLUSIVE');
      guard.exec('BEGIN EXCLUSIVE');
    } catch {
      guard.close();
      throw new BackupError(
        'in_use',
        `Cơ sở dữ liệu ${target} đang được một tiến trình khác mở: dừng dịch vụ hailong trước khi khôi phục.`,
      );
    }
  }
  try {
    rmSync(incoming, { force: true });
    copyToNewFile(backup, incoming, mode);
  } finally {
    if (guard) {
      guard.exec('COMMIT');
      guard.close();
    }
  }
  // The old database's journal must not be replayed over the restored file.
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  durableRename(incoming, target);
  return summary;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames and makes both the file's bytes and its new name survive a power cut. */
export function durableRename(from: string, to: string): void {
  fsyncFile(from);
  renameSync(from, to);
  const dir = openSync(dirname(to), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
