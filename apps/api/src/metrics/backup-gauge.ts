/**
 * The age of the newest backup in HAILONG_BACKUP_DIR, read from the folder at scrape time, so it
 * also sees backups taken by hand (`npm run backup`) or by another process. No backup at all is
 * +Inf: an alert on "older than a day" fires for it too.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Gauge, type Registry } from 'prom-client';
import { isBackupFile } from '../backup/backup-files.ts';
import type { Clock } from '../jobs/clock.ts';

export function registerBackupGauge(register: Registry, dir: string, clock: Clock) {
  new Gauge({
    name: 'hailong_backup_age_seconds',
    help: 'Seconds since the newest backup in HAILONG_BACKUP_DIR was written; +Inf when there is none',
    registers: [register],
    async collect() {
      const names = (await readdir(dir).catch(() => [])).filter(isBackupFile);
      const times = await Promise.all(
        names.map(async (name) => (await stat(join(dir, name))).mtimeMs),
      );
      const newest = Math.max(-Infinity, ...times);
      this.set(Number.isFinite(newest) ? Math.max(0, clock() - newest) / 1000 : Infinity);
    },
  });
}
