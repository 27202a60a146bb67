import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connect.ts';

describe('openDatabase', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hailong-connect-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('rejects other URLs, naming the accepted forms and hiding the password', async () => {
    const err = await openDatabase('mysql://root:hunter2@db/x').catch((e: unknown) => e);
    expect(String(err)).toContain('postgres://…, postgresql://… or file:PATH');
    expect(String(err)).not.toContain('hunter2');
    await expect(openDatabase('data/hailong.db')).rejects.toThrow(/file:PATH/);
    await expect(openDatabase('file:')).rejects.toThrow(/empty SQLite path/);
  });

  it('creates the parent directory of a SQLite file, in both spellings of file:', async () => {
    for (const url of [`file:${join(dir, 'a/b/x.db')}`, pathToFileURL(join(dir, 'c/y.db')).href]) {
      const handle = await openDatabase(url);
      await handle.migrate();
      await handle.close();
    }
    expect(existsSync(join(dir, 'a/b/x.db'))).toBe(true);
    expect(existsSync(join(dir, 'c/y.db'))).toBe(true);
  });

  it('fails at once, with a clear message, when PostgreSQL is unreachable', async () => {
    const err = await openDatabase('postgresql://u:secret@127.0.0.1:1/x').catch((e: unknown) => e);
    expect(String(err)).toMatch(/cannot connect to PostgreSQL at postgresql:\/\/u:\*\*\*@127/);
    expect(String(err)).not.toContain('secret');
  });
});
