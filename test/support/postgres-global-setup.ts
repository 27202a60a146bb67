/**
 * Vitest global setup for the `api` project: a throwaway PostgreSQL 15 cluster on a spare port,
 * provided to tests as `inject('pgUrl')`. Set HAILONG_TEST_PG_URL to use an existing server instead.
 * Missing binaries fail the run: a skipped dialect would let PostgreSQL bugs through unnoticed.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test cluster's `postgres` database. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.HAILONG_TEST_PG_URL;
  if (external) {
    project.provide('pgUrl', external);
    return;
  }
  const cluster = await startPostgresCluster();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
