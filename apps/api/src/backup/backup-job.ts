/**
 * The daily backup (HAILONG_BACKUP_DIR): every few minutes, once the configured time has passed in
 * Việt Nam and the folder has no backup of today, `npm run backup` runs as a child process — its
 * own connection and its own event loop, so requests are not held up — then old backups beyond the
 * days kept are deleted. Several API processes may share the folder: a lock file taken with
 * exclusive creation lets one of them do it, and the file of today tells the others it is done.
 */
import { spawn } from 'node:child_process';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackupSchedule } from '../config.ts';
import type { Logger } from '../http/logger.ts';
import type { Clock } from '../jobs/clock.ts';
import { startPeriodicJob } from '../jobs/periodic-job.ts';
import { backupDateOf, backupFileName, vnDayAndMinute } from './backup-files.ts';
import { dialectOf } from './backup.ts';

const CHECK_EVERY_MS = 5 * 60_000;
/** A lock older than this was left by a process that died mid-backup. */
const STALE_LOCK_MS = 6 * 3_600_000;
const LOCK_NAME = '.hailong-backup.lock';
const CLI = fileURLToPath(new URL('../cli/backup.ts', import.meta.url));

export type BackupRun = 'not_due' | 'taken_today' | 'busy' | 'done';

export async function runDailyBackup(
  schedule: BackupSchedule,
  databaseUrl: string,
  now: number,
): Promise<BackupRun> {
  const { day, minute } = vnDayAndMinute(now);
  if (minute < schedule.atMinute) return 'not_due';
  await mkdir(schedule.dir, { recursive: true });
  const takenToday = async () =>
    (await readdir(schedule.dir)).some((name) => backupDateOf(name) === day);
  if (await takenToday()) return 'taken_today';
  const lock = await takeLock(join(schedule.dir, LOCK_NAME), now);
  if (!lock) return 'busy';
  try {
    // Another process may have finished between our look and our lock.
    if (await takenToday()) return 'taken_today';
    await runBackupCli(
      databaseUrl,
      schedule,
      join(schedule.dir, backupFileName(dialectOf(databaseUrl), now)),
    );
    return 'done';
  } finally {
    await lock();
  }
}

/** Creates the lock file, or answers null when another process holds it; resolves to a release. */
async function takeLock(path: string, now: number): Promise<(() => Promise<void>) | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await (await open(path, 'wx')).close();
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const held = await stat(path).catch(() => null);
      if (held && now - held.mtimeMs < STALE_LOCK_MS) return null;
      await rm(path, { force: true });
    }
  }
  return null;
}

function runBackupCli(databaseUrl: string, schedule: BackupSchedule, file: string): Promise<void> {
  const args = [
    '--import',
    import.meta.resolve('tsx'),
    CLI,
    file,
    '--keep-days',
    String(schedule.keepDays),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(stderr.trim() || `backup exited with ${code}`)),
    );
  });
}

export function startBackupJob(
  schedule: BackupSchedule,
  databaseUrl: string,
  clock: Clock,
  logger: Logger,
): () => Promise<void> {
  const run = () =>
    runDailyBackup(schedule, databaseUrl, clock()).then(
      (outcome) => {
        if (outcome === 'done') logger.info('backup: daily backup taken', { dir: schedule.dir });
      },
      (err: unknown) => logger.error('backup: daily backup failed', { error: String(err) }),
    );
  return startPeriodicJob(run, CHECK_EVERY_MS);
}
