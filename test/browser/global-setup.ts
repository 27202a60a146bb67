/**
 * Builds the apps once and starts the real server on a spare port over a fresh SQLite file, as
 * `npm start` would in production. Tests get its address and the first admin's password through
 * `inject('baseUrl')` and `inject('adminPassword')`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's origin, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
    /** The password of the `admin` account the server creates on its empty database. */
    adminPassword: string;
  }
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const ADMIN_PASSWORD = 'thu-nghiem-quan-tri-2026';
const START_TIMEOUT_MS = 60_000;

export default async function setup(project: TestProject) {
  build();
  const dataDir = await mkdtemp(join(tmpdir(), 'hailong-browser-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startServer(port, dataDir);
  try {
    await waitForHealth(baseUrl, server);
  } catch (err) {
    await stop(server.child);
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', ADMIN_PASSWORD);

  return async () => {
    await stop(server.child);
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** The same build the server serves in production: console and kiosk into their dist folders. */
function build() {
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

interface Server {
  child: ChildProcess;
  /** Everything the server printed, for the error message when it does not come up. */
  output: string[];
}

function startServer(port: number, dataDir: string): Server {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dataDir, 'hailong.db')}`,
      HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      HAILONG_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops the node process tsx starts underneath.
    detached: true,
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

async function waitForHealth(baseUrl: string, server: Server): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const why = server.child.exitCode !== null ? `exited with ${server.child.exitCode}` : 'timed out';
  throw new Error(
    `The server did not become healthy (${why}). Its output:\n${server.output.join('')}`,
  );
}

async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (child.exitCode !== null || child.signalCode !== null || pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
