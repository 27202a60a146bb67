/**
 * Vitest global setup for the `api` project: a throwaway PostgreSQL 15 cluster on a spare port,
 * provided to tests as `inject('pgUrl')`. Set HAILONG_TEST_PG_URL to use an existing server instead.
 * Missing binaries fail the run: a skipped dialect would let PostgreSQL bugs through unnoticed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test cluster's `postgres` database. */
    pgUrl: string;
  }
}

const BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.HAILONG_TEST_PG_URL;
  if (external) {
    project.provide('pgUrl', external);
    return;
  }
  const missing = ['initdb', 'pg_ctl', 'pg_isready'].filter((b) => !existsSync(join(BIN, b)));
  if (missing.length > 0) {
    throw new Error(
      `PostgreSQL 15 binaries not found in ${BIN} (missing ${missing.join(', ')}): install ` +
        'postgresql-15, or set HAILONG_TEST_PG_URL to a server the tests may create databases on',
    );
  }

  const dir = await mkdtemp(join(tmpdir(), 'hailong-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  // initdb and postgres refuse to run as root.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chown(dir, await idOf('-u'), await idOf('-g'));
  const pg = (bin: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(BIN, bin), ...args], { timeout: 60_000 })
      : run(join(BIN, bin), args, { timeout: 60_000 });

  const port = await freePort();
  try {
    // Explicit UTF8: under a C locale initdb would pick SQL_ASCII, which validates no text at all.
    const encoding = ['--encoding=UTF8', '--locale=C.UTF-8'];
    await pg('initdb', ['-D', data, '--auth=trust', '--username=postgres', ...encoding]);
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`;
    await pg('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-o', options]);
    await waitReady(port);
  } catch (err) {
    const output = await readFile(log, 'utf8').catch(() => '(no server log)');
    await pg('pg_ctl', ['stop', '-D', data, '-m', 'immediate']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw new Error(`could not start the test PostgreSQL cluster:\n${output}`, { cause: err });
  }

  project.provide('pgUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  return async () => {
    await pg('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
    await rm(dir, { recursive: true, force: true });
  };
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await run('id', [flag, 'postgres']);
  return Number(stdout.trim());
}

/** A port the kernel just handed out; there is a small race until postgres binds it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await run(join(BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgreSQL on port ${port} was not ready after 10 s`);
}
