/**
 * The promise "every record lands exactly once" under the faults that break it elsewhere: three
 * tablets — each the kiosk's real SyncLoop over its in-memory outbox and its real HTTP client —
 * upload 5,100 records through a proxy that drops connections before and after the server commits,
 * delays, duplicates requests and answers 503, while the API process is killed (SIGKILL) and
 * restarted twice mid-run, and one batch is sent from two connections at once. Then, counted
 * against what the tablets captured: every record is stored once, none is dead-lettered, the
 * rollups equal a recount of raw rows, and no device has a gap. On PostgreSQL it runs once more
 * with two API processes behind the proxy, which deals requests round-robin (and a duplicated
 * request to both at once), each process killed and restarted once: several processes on one
 * database behave as one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL } from '@hailong/contracts';
import { dialects, freshDatabaseUrl } from '../support/databases.ts';
import { seededRandom } from '@hailong/domain';
import { FaultProxy } from '../support/fault-proxy.ts';
import {
  freePort,
  startServer,
  stopServer,
  type ServerProcess,
} from '../support/server-process.ts';
import type { TestResponse } from '../support/api-client.ts';
import {
  BATCH_ITEMS,
  desks,
  drafts,
  enrollTablet,
  signIn,
  startLoop,
  type Tablet,
} from './kiosk-tablet.ts';
import { expectLedgerExact } from './ledger-check.ts';

const PASSWORD = 'kiem-thu-su-co-2026';
const DEVICES = 3;
const RECORDS_PER_DEVICE = 1700;
const SEED = 20261123;

async function api(
  server: ServerProcess,
  path: string,
  init: RequestInit & { cookie?: string } = {},
): Promise<TestResponse> {
  const headers = new Headers(init.headers);
  headers.set('origin', server.baseUrl);
  headers.set('content-type', 'application/json');
  if (init.cookie) headers.set('cookie', init.cookie);
  return fetch(`${server.baseUrl}${path}`, { ...init, headers }) as Promise<TestResponse>;
}

const SETUPS = [
  ...dialects.map((dialect) => ({ dialect, processes: 1 })),
  { dialect: 'postgres' as const, processes: 2 },
];

describe.each(SETUPS)('sync under faults on $dialect, $processes API process(es)', (setup) => {
  const servers: ServerProcess[] = [];
  const ports: number[] = [];
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;

  beforeAll(async () => {
    database = await freshDatabaseUrl(setup.dialect);
    // One after the other: the first migrates and seeds, the others find both done.
    for (let i = 0; i < setup.processes; i++) {
      ports.push(await freePort());
      servers.push(
        await startServer(ports[i]!, {
          DATABASE_URL: database.url,
          HAILONG_ADMIN_PASSWORD: PASSWORD,
          HAILONG_DEMO: '1',
        }),
      );
    }
  });
  afterAll(async () => {
    for (const server of servers) await stopServer(server);
    await database.dispose();
  });

  /** Kills process `i` (SIGKILL: no drain) and starts it again on its port. */
  const restart = async (i: number) => {
    await stopServer(servers[i]!, 'SIGKILL');
    servers[i] = await startServer(ports[i]!, { DATABASE_URL: database.url, HAILONG_DEMO: '1' });
  };

  it('stores every record exactly once, keeps rollups exact and leaves no gap', async () => {
    const server = servers[0]!;
    const random = seededRandom(SEED);
    const cookie = await signIn(server.baseUrl, PASSWORD);
    const units = await desks(server.baseUrl, cookie);
    const tablets: Tablet[] = [];
    for (let d = 0; d < DEVICES; d++) {
      const unit = units[d]!;
      const tablet = await enrollTablet(server.baseUrl, cookie, unit.id, `Quầy ${d + 1}`);
      const sectorIds = unit.sectors.map((s) => s.id);
      for (const draft of drafts(tablet.deviceId, sectorIds, RECORDS_PER_DEVICE, random)) {
        tablet.captured.push(await tablet.outbox.put(draft));
      }
      tablets.push(tablet);
    }
    const all = tablets.flatMap((t) => t.captured);

    // The same batch from two connections at once, straight to the API.
    const first = tablets[0]!;
    const batch = JSON.stringify({
      protocol: SYNC_PROTOCOL,
      items: await first.outbox.takeOldest(BATCH_ITEMS),
    });
    const twice = await Promise.all(
      [0, 1].map(() =>
        fetch(`${server.baseUrl}/api/v1/sync`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${first.token}`,
          },
          body: batch,
        }),
      ),
    );
    const statuses = (await Promise.all(twice.map((r) => (r as TestResponse).json()))).flatMap(
      (b) => b.results.map((r: { status: string }) => r.status),
    );
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(BATCH_ITEMS);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(BATCH_ITEMS);

    // A session opened on one process is good on every other: sessions live in the database.
    for (const other of servers) {
      expect((await api(other, '/api/v1/devices', { cookie })).status).toBe(200);
    }

    let dealt = 0;
    const proxy = new FaultProxy(() => ports[dealt++ % ports.length]!, SEED);
    const proxyBase = `http://127.0.0.1:${await proxy.start()}`;
    const deadline = Date.now() + 240_000;
    const remaining = async () => {
      let n = 0;
      for (const t of tablets) n += await t.outbox.count();
      return n;
    };
    for (const tablet of tablets) startLoop(tablet, proxyBase, random);
    let restarts = 0;
    try {
      for (const threshold of [0.7, 0.35]) {
        while ((await remaining()) > all.length * threshold && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 20));
        await restart(restarts % servers.length);
        restarts++;
      }
      while ((await remaining()) > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      for (const tablet of tablets) tablet.loop?.stop();
      await proxy.stop();
    }
    expect(await remaining()).toBe(0);
    expect(restarts).toBe(2);
    for (const tablet of tablets) {
      expect(await tablet.outbox.listDeadLetters()).toEqual([]);
      // Only retries and waits: never refused, never asked to re-enroll.
      expect([...tablet.states].sort()).toEqual(['idle', 'syncing', 'waiting']);
    }
    for (const fault of [
      'reset-before',
      'reset-after',
      'duplicate',
      'unavailable',
      'delay',
    ] as const) {
      expect(proxy.counts[fault], fault).toBeGreaterThan(0);
    }

    // The demo data the server seeded came from its own tablets; count only ours.
    await expectLedgerExact(database.url, tablets);
    const ours = tablets.map((t) => t.deviceId);
    const { devices: listed } = await (
      await api(servers.at(-1)!, '/api/v1/devices', { cookie })
    ).json();
    const mine = listed.filter((d: { id: string }) => ours.includes(d.id));
    expect(mine).toHaveLength(DEVICES);
    for (const device of mine) {
      expect(device).toMatchObject({
        gaps: [],
        highestSeq: RECORDS_PER_DEVICE,
        receivedCount: RECORDS_PER_DEVICE,
        refusedCount: 0,
      });
    }
  });
});
