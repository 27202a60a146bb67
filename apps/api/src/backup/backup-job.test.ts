/**
 * The daily backup against a real SQLite file, with the real backup command as a child process:
 * nothing before the hour, one backup after it whoever asks how often, none while another process
 * holds the lock, and old backups deleted beyond the days kept.
 */
import { mkdir, mkdtemp, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { runDailyBackup } from './backup-job.ts';
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

  it('runs once a day after its hour, defers to a lock holder and forgets old backups', async () => {
    const schedule = { dir, atMinute: 2 * 60 + 30, keepDays: 14 };
    expect(await runDailyBackup(schedule, url, BEFORE)).toBe('not_due');

    // Another process is backing up right now.
    await mkdir(dir, { recursive: true });
    const lock = join(dir, '.hailong-backup.lock');
    await writeFile(lock, '');
    expect(await runDailyBackup(schedule, url, AFTER)).toBe('busy');
    // …or died long ago: its lock is stale.
    const old = new Date(AFTER - 7 * 3_600_000);
    await utimes(lock, old, old);

    const expired = join(dir, 'hailong-2026-11-01-0230.sqlite');
    await writeFile(expired, 'x');
    expect(await runDailyBackup(schedule, url, AFTER)).toBe('done');
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(1);
    expect(files).toEqual(['hailong-2026-11-26-0245.sqlite']);
    const summary = summariseSqlite(join(dir, files[0]!));
    expect(summary.schema).toMatch(/^\d{3}-/);
    expect((await stat(join(dir, files[0]!))).size).toBeGreaterThan(0);
    expect(await runDailyBackup(schedule, url, AFTER + 5 * 60_000)).toBe('taken_today');
  });
});
