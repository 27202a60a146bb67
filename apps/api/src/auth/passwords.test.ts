/**
 * Password hashes: verified at the cost stored in each hash, and made at OWASP's cost by every
 * process but a test run's — the test run's lower cost cannot reach a server, even when the
 * variable that sets it is in the environment.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, PRODUCTION_LOG_N, UNUSABLE_HASH, verifyPassword } from './passwords.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** A hash made by a fresh process with `env`, as a server would make it. */
function hashInProcess(env: Record<string, string>): string {
  const script = `import { hashPassword } from './apps/api/src/auth/passwords.ts';
    console.log(await hashPassword('mật-khẩu-thử'));`;
  return execFileSync(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['--input-type=module', '-e', script],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' },
  ).trim();
}

describe('password hashes', () => {
  const made: string[] = [];

  it('are made at OWASP cost outside a test run, whatever the environment says', () => {
    expect(PRODUCTION_LOG_N).toBe(17);
    const environments: Record<string, string>[] = [
      { NODE_ENV: 'production', HAILONG_TEST_SCRYPT_LOG_N: '12' },
      { HAILONG_TEST_SCRYPT_LOG_N: '12' },
    ];
    for (const env of environments) {
      made.push(hashInProcess(env));
      expect(made.at(-1)!.split('$').slice(0, 4), JSON.stringify(env)).toEqual([
        'scrypt',
        '17',
        '8',
        '1',
      ]);
    }
  });

  it('are verified at the cost stored with them', async () => {
    const production = made[0]!;
    expect(await verifyPassword('mật-khẩu-thử', production)).toBe(true);
    // NFC and NFD spellings of the same Vietnamese password are the same password.
    expect(await verifyPassword('mật-khẩu-thử'.normalize('NFD'), production)).toBe(true);
    expect(await verifyPassword('mat-khau-thu', production)).toBe(false);
    const quick = await hashPassword('mật-khẩu-thử');
    expect(quick.split('$')[1]).toBe(process.env.HAILONG_TEST_SCRYPT_LOG_N);
    expect(await verifyPassword('mật-khẩu-thử', quick)).toBe(true);
    expect(await verifyPassword('mật-khẩu-thử', UNUSABLE_HASH)).toBe(false);
  });
});
