/**
 * The restore drill of the operations manual, on both databases, with the real server process and
 * the real `npm run backup` / `npm run restore`: a tablet (the kiosk's own SyncLoop over its
 * outbox) uploads while a backup is taken mid-stream; more records flow after it; the database is
 * restored from the backup, which lacks them; the server, restarted, answers the tablet's check-in
 * with the numbers it is missing, and the tablet resends them from the records it kept after
 * acknowledgement. In the end the server holds exactly what the tablet captured, once each.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process.ts';
import { dialects, freshDatabaseUrl } from '../support/databases.ts';
import { seededRandom } from '@hailong/domain';
import {
  freePort,
  startServer,
  stopServer,
  type ServerProcess,
} from '../support/server-process.ts';
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import { drafts, enrollTablet, signIn, startLoop, type Tablet } from './kiosk-tablet.ts';
import { expectLedgerExact } from './ledger-check.ts';

const PASSWORD = 'kiem-thu-khoi-phuc-2026';
const WAVE = 400;
const SEED = 20261126;

const until = async (done: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.each(dialects)('restore drill on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let server: ServerProcess;
  let port: number;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await freshDatabaseUrl(dialect);
    port = await freePort();
    // A fresh production install: no demo data, the first unit made through the set-up page's API.
    env = { DATABASE_URL: database.url, HAILONG_DEMO: '0', HAILONG_ADMIN_PASSWORD: PASSWORD };
    server = await startServer(port, env);
  });
  afterAll(async () => {
    await stopServer(server);
    await database.dispose();
  });

  it('loses nothing and duplicates nothing when tablets resend after a restore', async () => {
    const random = seededRandom(SEED);
    const cookie = await signIn(server.baseUrl, PASSWORD);
    const setUp = await fetch(`${server.baseUrl}/api/v1/setup/first-unit`, {
      method: 'POST',
      headers: { origin: server.baseUrl, 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        unit: { code: 'ubnd-phuong-ba-dinh', name: 'UBND phường Ba Đình', kind: 'commune' },
        sector: { code: 'ho-tich', name: 'Hộ tịch' },
        counter: { code: 'quay-1', name: 'Quầy 1' },
      }),
    });
    expect(setUp.status).toBe(201);
    const { unitId, sectorId } = await setUp.json();
    const tablet: Tablet = await enrollTablet(server.baseUrl, cookie, unitId, 'Quầy 1');
    const sectorIds = [sectorId];
    const capture = async (n: number) => {
      for (const draft of drafts(tablet.deviceId, sectorIds, n, random)) {
        tablet.captured.push(await tablet.outbox.put(draft));
      }
    };
    const drained = () => tablet.outbox.count().then((n) => n === 0);
    const loop = startLoop(tablet, server.baseUrl, random);
    const folder = await mkdtemp(join(tmpdir(), 'hailong-backups-'));
    try {
      await capture(WAVE);
      await until(drained, 'the first wave');

      // Citizens keep rating while the backup runs: records are captured and uploaded before,
      // during and after its snapshot.
      let trickling = true;
      const trickle = (async () => {
        while (trickling) {
          await capture(1);
          void loop.kick();
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      await until(async () => (await stored(database.url, tablet.deviceId)) > WAVE, 'the trickle');
      const backup = await runCli('backup', [`${folder}/`, '--keep-days', '14'], env);
      trickling = false;
      await trickle;
      const capturedDuringBackup = tablet.captured.length;
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(
        /^Đã sao lưu vào .*hailong-\d{4}-\d{2}-\d{2}-\d{4}\.(sqlite|pgdump): /,
      );
      const files = await readdir(folder);
      expect(files).toHaveLength(1);
      const file = join(folder, files[0]!);
      await until(drained, 'the trickle to arrive');
      await capture(WAVE);
      void loop.syncNow();
      await until(drained, 'the last wave');
      const total = tablet.captured.length;
      expect(await tablet.outbox.sentCount()).toBe(total);

      // A restore refuses to run under a live server, and over data without --overwrite.
      const live = await runCli('restore', [file, '--overwrite'], env);
      expect(live.code).toBe(3);
      expect(live.stderr).toMatch(/dừng (dịch vụ|mọi tiến trình) hailong/);
      loop.stop();
      await stopServer(server);
      const refused = await runCli('restore', [file], env);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/--overwrite/);
      const restored = await runCli('restore', [file, '--overwrite'], env);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/^Đã khôi phục từ /);

      // The restored database has the first wave and part of the trickle: the rest is lost to
      // the server until the tablet resends it.
      const kept = await stored(database.url, tablet.deviceId);
      expect(kept).toBeGreaterThan(WAVE);
      expect(kept).toBeLessThan(capturedDuringBackup);

      // Restarted, the server's answer to the tablet's check-in drives the resend.
      server = await startServer(port, env);
      startLoop(tablet, server.baseUrl, random);
      await until(
        async () =>
          (await tablet.outbox.count()) === 0 &&
          (await tablet.outbox.sentCount()) === total &&
          (await stored(database.url, tablet.deviceId)) === total,
        'the resend',
      );
      tablet.loop?.stop();
      expect(await tablet.outbox.listDeadLetters()).toEqual([]);
      await expectLedgerExact(database.url, [tablet]);
      const { devices } = await (
        await fetch(`${server.baseUrl}/api/v1/devices`, {
          headers: { cookie: await signIn(server.baseUrl, PASSWORD) },
        })
      ).json();
      expect(devices.find((d: { id: string }) => d.id === tablet.deviceId)).toMatchObject({
        gaps: [],
        highestSeq: total,
        receivedCount: total,
      });
    } finally {
      tablet.loop?.stop();
      loop.stop();
    }
  });
});

async function stored(url: string, deviceId: string): Promise<number> {
  const check = await openDatabase(url);
  try {
    const { n } = await check.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('deviceId', '=', deviceId)
      .executeTakeFirstOrThrow();
    return Number(n);
  } finally {
    await check.close();
  }
}
