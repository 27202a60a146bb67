/**
 * The real server as a child process, exactly as `npm start` and the systemd unit run it
 * (`node --import tsx apps/api/src/main.ts`, one process): for browser tests, the fault test and
 * benchmarks. Not through the tsx command, which relays signals to a second process and, when that
 * one is slow to say it got them (a loaded machine), exits 143 in its place.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 60_000;

export function freePort(): Promise<number> {
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

export interface ServerProcess {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Everything the server printed, for the error message when it does not come up. */
  output: string[];
}

/**
 * Starts the server and waits until /healthz answers 200 (for at most `timeoutMs`: more for
 * several servers seeding one database, which take turns).
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  { timeoutMs = START_TIMEOUT_MS } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it stops anything it started.
    detached: true,
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const server = { port, baseUrl: `http://127.0.0.1:${port}`, child, output };
  try {
    await waitForHealth(server, timeoutMs);
  } catch (err) {
    await stopServer(server);
    throw err;
  }
  return server;
}

async function waitForHealth(server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) break;
    try {
      if ((await fetch(`${server.baseUrl}/healthz`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const why = server.child.exitCode !== null ? `exited with ${server.child.exitCode}` : 'timed out';
  throw new Error(
    `The server did not become healthy (${why}). Its output:\n${server.output.join('')}`,
  );
}

/** Stops the server: SIGTERM (clean shutdown), or SIGKILL at once to simulate a crash. */
export async function stopServer(
  server: ServerProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  const { child } = server;
  const pid = child.pid;
  if (child.exitCode !== null || child.signalCode !== null || pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const send = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // Already gone.
    }
  };
  send(signal);
  const timer = setTimeout(() => send('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
