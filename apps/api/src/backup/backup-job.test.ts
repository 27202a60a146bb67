/**
 * The daily backup as a job of the runner, against a real SQLite file, with the real backup
 * command as a child process: nothing before the hour, one backup after it however many runners
 * tick how often, and old backups deleted beyond the days kept.
 */
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { createLogger } from '../http/logger.ts';
import { createJobRunner } from '../jobs/runner.ts';
import { backupJob } from './backup-job.ts';
import { summariseSqlite } from './sqlite-backup.ts';

// 02:00 and 02:45 on 26/11/2026 in Hà Nội (UTC+7).
const BEFORE = Date.parse('2026-11-25T19:00:00Z');
const AFTER = Date.parse('2026-11-25T19:45:00Z');

describe('the daily backup', () => {
  let dir: string;
  let url: string;
  let database: DatabaseHandle;

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'hailong-backup-job-'));
    url = `file:${join(root, 'hailong.db')}`;
    dir = join(root, 'sao-luu');
    database = await openDatabase(url);
    await database.migrate();
  });
  afterAll(() => database.close());

  it('runs once a day after its hour, whichever runner ticks, and forgets old backups', async () => {
    const schedule = { dir, atMinute: 2 * 60 + 30, keepDays: 14 };
    let now = BEFORE;
    const logs: string[] = [];
    const runner = (holder: string) =>
      createJobRunner({
        repos: database.repos,
        clock: () => now,
        logger: createLogger('info', (line) => void logs.push(line)),
        consumers: [],
        jobs: [
          backupJob(
            schedule,
            url,
            createLogger('info', (line) => void logs.push(line)),
          ),
        ],
        holder,
      });
    const [first, second] = [runner('process-a'), runner('process-b')];
    await first.runOnce();
    expect(await readdir(dir).catch(() => [])).toEqual([]);

    await mkdir(dir, { recursive: true });
    const expired = join(dir, 'hailong-2026-11-01-0230.sqlite');
    await writeFile(expired, 'x');
    // 02:45, past the hour: both runners tick at once; one of them backs up, old ones go.
    now = AFTER;
    await Promise.all([first.runOnce(), second.runOnce()]);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['hailong-2026-11-26-0245.sqlite']);
    const summary = summariseSqlite(join(dir, files[0]!));
    expect(summary.schema).toMatch(/^\d{3}-/);
    expect((await stat(join(dir, files[0]!))).size).toBeGreaterThan(0);
    expect(logs.filter((l) => l.includes('daily backup taken'))).toHaveLength(1);
    // Later the same day: checked again, nothing more.
    now = AFTER + 60 * 60_000;
    await Promise.all([first.runOnce(), second.runOnce()]);
    expect(await readdir(dir)).toEqual(files);
    expect(logs.filter((l) => l.includes('daily backup taken'))).toHaveLength(1);
    await first.stop();
  });
});
