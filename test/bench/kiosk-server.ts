/**
 * The real server as `npm start` runs it, for the kiosk benchmarks: its own process on a spare
 * port over a fresh SQLite file, serving the built kiosk (as test/browser/global-setup.ts does).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServer, stopServer } from '../support/server-process.ts';

export interface BenchServer {
  baseUrl: string;
  adminPassword: string;
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hailong-kiosk-bench-'));
  const adminPassword = 'do-kiem-kiosk-2026';
  try {
    const server = await startServer(
      await freePort(),
      {
        DATABASE_URL: `file:${join(dataDir, 'hailong.db')}`,
        HAILONG_ADMIN_PASSWORD: adminPassword,
        HAILONG_DEMO: '1',
        // Seeding the demo takes over a minute on a loaded machine.
      },
      { timeoutMs: 180_000 },
    );
    const stop = async () => {
      await stopServer(server);
      await rm(dataDir, { recursive: true, force: true });
    };
    return { baseUrl: server.baseUrl, adminPassword, stop };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}
