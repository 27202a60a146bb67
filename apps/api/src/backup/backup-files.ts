/**
 * Names of backup files and which old ones to forget. A backup is one file named after the moment
 * it was taken in Việt Nam's time (UTC+7, no daylight saving): `hailong-2026-11-26-0230.sqlite` for
 * SQLite, `….pgdump` for PostgreSQL (pg_dump's custom format), so `ls` sorts them by age.
 */
import type { Dialect } from '../repositories/types.ts';

const VN_OFFSET_MS = 7 * 3_600_000;
const EXTENSIONS: Record<Dialect, string> = { sqlite: '.sqlite', postgres: '.pgdump' };
const BACKUP_NAME = /^hailong-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})\.(sqlite|pgdump)$/;

/** The wall clock in Việt Nam at an instant, as UTC fields of a shifted Date. */
function vnClock(epochMs: number): Date {
  return new Date(epochMs + VN_OFFSET_MS);
}

const two = (n: number) => String(n).padStart(2, '0');

export function backupFileName(dialect: Dialect, epochMs: number): string {
  const t = vnClock(epochMs);
  const day = `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`;
  return `hailong-${day}-${two(t.getUTCHours())}${two(t.getUTCMinutes())}${EXTENSIONS[dialect]}`;
}

/** The Vietnamese calendar date a backup file was taken on ('YYYY-MM-DD'), or null for other files. */
export function backupDateOf(name: string): string | null {
  const m = BACKUP_NAME.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export function isBackupFile(name: string): boolean {
  return BACKUP_NAME.test(name);
}

/** The Vietnamese calendar date ('YYYY-MM-DD') and minutes since its midnight at an instant. */
export function vnDayAndMinute(epochMs: number): { day: string; minute: number } {
  const t = vnClock(epochMs);
  return {
    day: `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`,
    minute: t.getUTCHours() * 60 + t.getUTCMinutes(),
  };
}

/**
 * The backup files older than `keepDays` whole days before `now`'s date, newest never included: a
 * server whose backups stopped keeps its last one however old.
 */
export function backupsToForget(names: readonly string[], now: number, keepDays: number): string[] {
  const backups = names.filter(isBackupFile).sort();
  const newest = backups[backups.length - 1];
  const cutoff = vnDayAndMinute(now - keepDays * 86_400_000).day;
  return backups.filter((name) => name !== newest && backupDateOf(name)! < cutoff);
}
