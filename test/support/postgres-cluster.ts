/**
 * A throwaway PostgreSQL 15 cluster on a spare port, owned by whoever starts it: the test global
 * setup (one per `api`/`fault` run) and the load benchmark. `stop()` shuts it down and removes its
 * files. Missing binaries are an error, never a silent skip.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

export interface PostgresCluster {
  /** Superuser URL of the cluster's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/** Starts a cluster; `options` are extra server settings (`-c name=value`). */
export async function startPostgresCluster(options: string[] = []): Promise<PostgresCluster> {
  const missing = ['initdb', 'pg_ctl', 'pg_isready'].filter((b) => !existsSync(join(BIN, b)));
  if (missing.length > 0) {
    throw new Error(
      `PostgreSQL 15 binaries not found in ${BIN} (missing ${missing.join(', ')}): install ` +
        'postgresql-15, or set HAILONG_TEST_PG_URL to a server the tests may create databases on',
    );
  }

  const server = await serverFolder('hailong-pg-');
  const { dir, data } = server;
  const port = await freePort();
  const settings = [`-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`, ...options].join(' ');
  // Explicit UTF8: under a C locale initdb would pick SQL_ASCII, which validates no text at all.
  const encoding = ['--encoding=UTF8', '--locale=C.UTF-8'];
  await server.start(port, settings, 'the test PostgreSQL cluster', () =>
    server.pgBin('initdb', ['-D', data, '--auth=trust', '--username=postgres', ...encoding]),
  );
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop: server.stop };
}

/**
 * A fresh folder for one server's data and log, owned by `postgres` when we run as root (initdb
 * and postgres refuse to run as root); `start` fills the data folder with `prepare` and starts it,
 * removing everything if that fails.
 */
export async function serverFolder(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chown(dir, await idOf('-u'), await idOf('-g'));
  const pgBin = (bin: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(BIN, bin), ...args], { timeout: 120_000 })
      : run(join(BIN, bin), args, { timeout: 120_000 });
  return {
    dir,
    data,
    pgBin,
    async start(port: number, settings: string, what: string, prepare: () => Promise<unknown>) {
      try {
        await prepare();
        await pgBin('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-o', settings]);
        await waitReady(port);
      } catch (err) {
        const output = await readFile(log, 'utf8').catch(() => '(no server log)');
        await pgBin('pg_ctl', ['stop', '-D', data, '-m', 'immediate']).catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
        throw new Error(`could not start ${what}:\n${output}`, { cause: err });
      }
    },
    async stop() {
      await pgBin('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates an empty database on the cluster and returns its URL. */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await run('id', [flag, 'postgres']);
  return Number(stdout.trim());
}

/** A port the kernel just handed out; there is a small race until postgres binds it. */
export function freePort(): Promise<number> {
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
