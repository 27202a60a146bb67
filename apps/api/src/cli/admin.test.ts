import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { verifyPassword } from '../auth/passwords.ts';

const root = join(import.meta.dirname, '../../../..');

/** Runs the CLI the way the README says (`npm run admin -- …` runs exactly this). */
function admin(args: string[], env: Record<string, string>, stdin = '') {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'apps/api/src/cli/admin.ts', ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe('admin CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hailong-cli-'));
    env = { DATABASE_URL: `file:${join(dir, 'cli.db')}` };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('adds the first admin from standard input, lists, and resets a password', async () => {
    const added = await admin(
      ['user', 'add', 'Lan.PT', '--role', 'admin', '--name', 'Phạm Thị Lan'],
      env,
      'mật-khẩu-đầu-tiên\n',
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const listed = await admin(['user', 'list'], env);
    expect(listed.stdout).toContain('lan.pt\tPhạm Thị Lan\tQuản trị hệ thống');
    const reset = await admin(['user', 'passwd', 'lan.pt'], {
      ...env,
      HAILONG_PASSWORD: 'mật-khẩu-thứ-hai',
    });
    expect(reset.code).toBe(0);
    const database = await openDatabase(env.DATABASE_URL!);
    const user = await database.repos.users.findByUsername('lan.pt');
    await database.close();
    expect(await verifyPassword('mật-khẩu-thứ-hai', user!.passwordHash)).toBe(true);
  });

  it('refuses a bad role or a short password with a message and exit code 2, creating nothing', async () => {
    const badRole = await admin(
      ['user', 'add', 'bad.role', '--role', 'boss'],
      env,
      'long-enough-password\n',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('role');
    const short = await admin(['user', 'add', 'short.pw', '--role', 'viewer'], env, 'short\n');
    expect(short.code).toBe(2);
    expect((await admin(['user', 'list'], env)).stdout).not.toMatch(/bad\.role|short\.pw/);
  });
});
