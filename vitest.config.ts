import { defineConfig } from 'vitest/config';

/**
 * Four tiers, one command (`npm test`):
 * - unit: pure functions in packages/;
 * - api: the API in-process over real SQLite files and a real PostgreSQL cluster (started by the
 *   global setup as the `postgres` user on a spare port);
 * - fault: the real server process behind a fault-injecting proxy, killed and restarted mid-run;
 * - browser: Playwright driving Debian's Chromium against the real built apps served by the real server.
 */
const ownProcess = 'apps/api/src/auth/hash-turns.route.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/kiosk/src/**/*.test.ts',
            // The console's pure helpers (formatting, query building); its pages are tested in browser/.
            'apps/console/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts'],
          exclude: [ownProcess],
          // Hundreds of sign-ins: scrypt at a test cost (passwords.ts; ignored outside tests).
          env: { HAILONG_TEST_SCRYPT_LOG_N: '12' },
          // Mostly waiting on SQLite fsyncs and the PostgreSQL server: four files at a time keep
          // two cores busy (vitest's default on two cores is one file at a time).
          maxWorkers: 4,
          // Each worker imports the API once for all its files (every file builds its own app and
          // databases): importing it afresh per file cost more than a minute of CI.
          isolate: false,
          sequence: { groupOrder: 1 },
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // A file that changes what a module reads when it is imported (the real scrypt cost).
          name: 'api-own-process',
          include: [ownProcess],
          // Beside the api project's files (vitest wants one worker count per group).
          maxWorkers: 4,
          sequence: { groupOrder: 1 },
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'fault',
          sequence: { groupOrder: 2 },
          include: ['test/fault/**/*.test.ts'],
          // Each file runs its own server processes on its own databases and ports, and waits on
          // them: two at a time.
          maxWorkers: 2,
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          // Alone, after the others: real Chromium and real servers want the whole machine.
          sequence: { groupOrder: 3 },
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
