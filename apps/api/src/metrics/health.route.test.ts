/**
 * Liveness and readiness, on both dialects: /readyz says ready only over a database that answers
 * and has every migration of this build applied, and says why not with 503 and Retry-After;
 * /healthz keeps answering whatever the database does, so a supervisor never restarts a process
 * that a database outage would not be cured by restarting.
 */
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase, freshDatabaseUrl } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrationProvider, migrations } from '../db/migrations/index.ts';

const latest = Object.keys(migrations).at(-1)!;
const previous = Object.keys(migrations).at(-2)!;

describe.each(dialects)('/healthz and /readyz on %s', (dialect) => {
  describe('over a migrated database', () => {
    let database: DatabaseHandle;
    beforeAll(async () => {
      database = await freshDatabase(dialect);
    });
    afterAll(() => database?.close());

    it('is ready', async () => {
      const client = new Session(testApp(database).app);
      const res = await client.get('/readyz');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready' });
      expect((await client.get('/healthz')).status).toBe(200);
    });
  });

  describe('over a database an earlier release left behind', () => {
    let url: Awaited<ReturnType<typeof freshDatabaseUrl>>;
    let handle: DatabaseHandle;
    let client: Session;

    beforeAll(async () => {
      url = await freshDatabaseUrl(dialect);
      handle = await openDatabase(url.url);
      const { error } = await new Migrator({
        db: handle.db,
        provider: migrationProvider,
      }).migrateTo(previous);
      if (error) throw error;
      client = new Session(testApp(handle).app);
    });
    afterAll(async () => {
      await handle?.close();
      await url?.dispose();
    });

    it('is not ready while a migration is pending, and ready once it is applied', async () => {
      const res = await client.get('/readyz');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      const body = await res.json();
      expect(body).toEqual({ error: { code: 'not_ready', message: expect.any(String) } });
      expect(body.error.message).toContain(latest);
      expect((await client.get('/healthz')).status).toBe(200);

      await handle.migrate();
      expect((await client.get('/readyz')).status).toBe(200);
    });

    it('is not ready when the database does not answer, and stays alive', async () => {
      await handle.close();
      const res = await client.get('/readyz');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect((await res.json()).error.code).toBe('not_ready');
      const alive = await client.get('/healthz');
      expect(alive.status).toBe(200);
      expect((await alive.json()).status).toBe('ok');
    });
  });
});
