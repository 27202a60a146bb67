/**
 * A backup holds every citizen's contact data and every staff password hash: it is readable by its
 * owner only (0600) however permissive the process's umask, on both databases. A restore gives the
 * database the mode it had (or 0600 when there was none), never the backup file's.
 */
import { chmod, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../test/support/databases.ts';
import { openDatabase, sqlitePath } from '../db/connect.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { createPrivateFile } from './private-file.ts';

// As `ls -l` and chmod say it: "600".
const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

let savedUmask: number;
// A umask that takes nothing away: whatever mode a file gets, the code asked for.
beforeAll(() => {
  savedUmask = process.umask(0);
});
afterAll(() => {
  process.umask(savedUmask);
});

describe('a private file', () => {
  it('is created 0600 under umask 0, and never over an existing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hailong-private-'));
    const path = join(dir, 'x.partial');
    createPrivateFile(path);
    expect(await modeOf(path)).toBe('600');
    expect(() => createPrivateFile(path)).toThrow(/EEXIST/);
  });
});

describe.each(dialects)('backup files on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let dir: string;

  beforeAll(async () => {
    database = await freshDatabaseUrl(dialect);
    const handle = await openDatabase(database.url);
    await handle.migrate();
    await handle.close();
    dir = await mkdtemp(join(tmpdir(), 'hailong-backup-modes-'));
  });
  afterAll(() => database.dispose());

  it('are written 0600 under a umask of 0, in a folder and at a named path', async () => {
    const inFolder = await backupDatabase(database.url, `${dir}/`);
    expect(await modeOf(inFolder.file)).toBe('600');
    // A named file that exists already (world-readable) is replaced by a private one.
    const named = join(dir, 'truoc-nang-cap.bak');
    await writeFile(named, 'cũ', { mode: 0o644 });
    await backupDatabase(database.url, named);
    expect(await modeOf(named)).toBe('600');
    // Nothing else is left beside them (no .partial, no journal).
    expect((await readdir(dir)).sort()).toEqual(
      [inFolder.file.split('/').pop(), 'truoc-nang-cap.bak'].sort(),
    );
  });

  it('restores a world-readable backup without giving the database its mode', async () => {
    const { file } = await backupDatabase(database.url, `${dir}/`);
    await chmod(file, 0o666);
    if (dialect === 'sqlite') {
      const target = sqlitePath(database.url);
      await chmod(target, 0o640);
      await restoreDatabase(database.url, file, true);
      expect(await modeOf(target)).toBe('640');
      // A database that did not exist yet is made private.
      const fresh = join(dir, 'moi.db');
      await restoreDatabase(`file:${fresh}`, file, false);
      expect(await modeOf(fresh)).toBe('600');
    } else {
      const summary = await restoreDatabase(database.url, file, true);
      expect(summary.schema).toMatch(/^\d{3}-/);
    }
    expect(await modeOf(file)).toBe('666');
  });
});
