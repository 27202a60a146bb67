/**
 * Builds the apps once and starts the real server on a spare port over a fresh SQLite file, as
 * `npm start` would in production. Tests get its address and the first admin's password through
 * `inject('baseUrl')` and `inject('adminPassword')`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, ROOT, startServer, stopServer } from '../support/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's origin, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
    /** The password of the `admin` account the server creates on its empty database. */
    adminPassword: string;
  }
}

const ADMIN_PASSWORD = 'thu-nghiem-quan-tri-2026';

export default async function setup(project: TestProject) {
  build();
  const dataDir = await mkdtemp(join(tmpdir(), 'hailong-browser-'));
  try {
    const server = await startServer(
      await freePort(),
      {
        DATABASE_URL: `file:${join(dataDir, 'hailong.db')}`,
        HAILONG_ADMIN_PASSWORD: ADMIN_PASSWORD,
        HAILONG_DEMO: '1',
        // Pages are compared with the API right after data changes: no reuse of public statistics.
        HAILONG_PUBLIC_CACHE_SECONDS: '0',
        // The demo's four months are seeded before the server listens: on a busy machine, minutes.
      },
      { timeoutMs: 240_000 },
    );
    project.provide('baseUrl', server.baseUrl);
    project.provide('adminPassword', ADMIN_PASSWORD);
    return async () => {
      await stopServer(server);
      await rm(dataDir, { recursive: true, force: true });
    };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** The same build the server serves in production: console and kiosk into their dist folders. */
function build() {
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}
