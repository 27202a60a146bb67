/**
 * The daily backup (HAILONG_BACKUP_DIR), a job of the job runner (jobs/runner.ts), which runs it in
 * one process at a time: every few minutes, once the configured time has passed in Việt Nam and
 * the folder has no backup of today, `npm run backup` runs as a child process — its own connection
 * and its own event loop, so requests are not held up — then old backups beyond the days kept are
 * deleted. The file of today says it is done; a run a crash cut short left at most a `.partial`,
 * and the next run makes the day's backup.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackupSchedule } from '../config.ts';
import type { Logger } from '../http/logger.ts';
import { every, type PeriodicJob } from '../jobs/job-types.ts';
import { backupDateOf, backupFileName, vnDayAndMinute } from './backup-files.ts';
import { dialectOf } from './backup.ts';

const CHECK_EVERY_MS = 5 * 60_000;
const CLI = fileURLToPath(new URL('../cli/backup.ts', import.meta.url));

export type BackupRun = 'not_due' | 'taken_today' | 'done';

export async function runDailyBackup(
  schedule: BackupSchedule,
  databaseUrl: string,
  now: number,
): Promise<BackupRun> {
  const { day, minute } = vnDayAndMinute(now);
  if (minute < schedule.atMinute) return 'not_due';
  await mkdir(schedule.dir, { recursive: true });
  if ((await readdir(schedule.dir)).some((name) => backupDateOf(name) === day)) {
    return 'taken_today';
  }
  await runBackupCli(
    databaseUrl,
    schedule,
    join(schedule.dir, backupFileName(dialectOf(databaseUrl), now)),
  );
  return 'done';
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

/** The backup as a job of the runner. */
export function backupJob(
  schedule: BackupSchedule,
  databaseUrl: string,
  logger: Logger,
): PeriodicJob {
  return {
    name: 'backup',
    next: every(CHECK_EVERY_MS),
    async run(now) {
      const outcome = await runDailyBackup(schedule, databaseUrl, now);
      if (outcome === 'done') logger.info('backup: daily backup taken', { dir: schedule.dir });
    },
  };
}
