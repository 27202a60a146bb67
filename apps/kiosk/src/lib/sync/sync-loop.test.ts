import { beforeEach, describe, expect, it } from 'vitest';
import { SYNC_MAX_BYTES, SYNC_MAX_ITEMS, SyncRequest, SyncResponse } from '@hailong/contracts';
import { mergeSeqRanges, missingSeqRanges } from '@hailong/domain';
import type { SendOutcome } from '../api.ts';
import { MemoryOutbox } from '../outbox/memory-outbox.ts';
import { ratingDraft } from '../outbox/outbox.contract.ts';
import { BUSY, SyncLoop, type SyncLoopDeps, type SyncStatus } from './sync-loop.ts';

type Server = (items: { id: string; seq: number }[]) => SendOutcome;

const accept: Server = (items) => ({
  kind: 'answered',
  body: { results: items.map((i) => ({ id: i.id, status: 'accepted' })) },
});

let outbox: MemoryOutbox;
let now: number;
let timers: { ms: number; task: () => void; cancelled: boolean }[];
let requests: { id: string; seq: number }[][];
let server: Server;
let lockHeld: boolean;
let statuses: SyncStatus[];

function newLoop(overrides: Partial<SyncLoopDeps> = {}) {
  return new SyncLoop({
    outbox,
    token: () => 'token',
    deviceId: () => 'device-a',
    keepSentMs: () => 30 * 86_400_000,
    send: async (token, body) => {
      expect(token).toBe('token');
      const envelope = SyncRequest.parse(JSON.parse(body));
      expect(envelope.protocol).toBe(1);
      expect(new TextEncoder().encode(body).length).toBeLessThan(SYNC_MAX_BYTES);
      const items = envelope.items as { id: string; seq: number }[];
      requests.push(items);
      return server(items);
    },
    protocol: async () => ({
      version: 1,
      maxItems: SYNC_MAX_ITEMS,
      maxBytes: SYNC_MAX_BYTES,
      parseReply: (body) => {
        const parsed = SyncResponse.safeParse(body);
        return parsed.success ? parsed.data : null;
      },
    }),
    now: () => now,
    random: () => 0.5,
    schedule: (task, ms) => {
      const timer = { ms, task, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    withLock: async (work) => (lockHeld ? BUSY : work()),
    onStatus: (status) => statuses.push(status),
    intervalMs: 60_000,
    lastSuccessAt: null,
    ...overrides,
  });
}

const live = () => timers.filter((t) => !t.cancelled);

/** Lets the next live timer go off, as time passing would. */
function fire() {
  const timer = live()[0]!;
  timer.cancelled = true;
  timer.task();
}

async function fill(n: number) {
  for (let i = 0; i < n; i++) await outbox.put(ratingDraft(i));
}

beforeEach(() => {
  outbox = new MemoryOutbox();
  now = Date.parse('2026-11-23T09:00:00Z');
  timers = [];
  requests = [];
  server = accept;
  lockHeld = false;
  statuses = [];
});

describe('SyncLoop', () => {
  it('drains the outbox oldest first in batches of at most 500, then waits for its timer', async () => {
    await fill(1_200);
    const loop = newLoop();
    await loop.start();
    expect(requests.map((r) => r.length)).toEqual([500, 500, 200]);
    expect(requests.flat().map((r) => r.seq)).toEqual(
      Array.from({ length: 1200 }, (_, i) => i + 1),
    );
    expect(await outbox.count()).toBe(0);
    expect(loop.status).toMatchObject({ state: 'idle', lastSuccessAt: now, failures: 0 });
    expect(live().map((t) => t.ms)).toEqual([60_000]);
  });

  it('uploads no held record until it is released, and releases a hold that has ended', async () => {
    const held = await outbox.put(ratingDraft(0), { until: now + 90_000 });
    await fill(1);
    const loop = newLoop();
    await loop.start();
    expect(requests.map((r) => r.map((i) => i.seq))).toEqual([[2]]);
    expect(await outbox.count()).toBe(1);
    // The citizen still answering: the next run (60 s later) leaves it alone.
    now += 60_000;
    fire();
    await loop.kick();
    expect(requests).toHaveLength(1);
    // Nothing released it (a bug, a lost tab): once its hold has ended, the loop sends it anyway.
    now += 60_000;
    fire();
    await loop.kick();
    expect(requests.map((r) => r.map((i) => i.id))).toEqual([[expect.any(String)], [held.id]]);
    expect(await outbox.count()).toBe(0);
  });

  it('deletes what the server accepted or already had and sets rejected records aside', async () => {
    await fill(3);
    server = (items) => ({
      kind: 'answered',
      body: {
        results: [
          { id: items[0]!.id, status: 'accepted' },
          {
            id: items[1]!.id,
            status: 'rejected',
            error: { code: 'unknown_sector', message: 'Lĩnh vực không tồn tại.' },
          },
          { id: items[2]!.id, status: 'duplicate' },
        ],
      },
    });
    await newLoop().start();
    expect(await outbox.count()).toBe(0);
    const dead = await outbox.listDeadLetters();
    expect(dead.map((d) => [d.record.seq, d.error.code])).toEqual([[2, 'unknown_sector']]);
  });

  it('sets aside records refused for their id, their content or their tracking code, and goes on', async () => {
    await fill(700);
    const refuse: Record<number, string> = {
      2: 'id_taken',
      3: 'conflict',
      501: 'tracking_code_taken',
    };
    server = (items) => ({
      kind: 'answered',
      body: {
        results: items.map((i) =>
          refuse[i.seq]
            ? { id: i.id, status: 'rejected', error: { code: refuse[i.seq], message: 'Từ chối.' } }
            : { id: i.id, status: 'accepted' },
        ),
      },
    });
    await newLoop().start();
    expect(await outbox.count()).toBe(0);
    expect(requests.map((r) => r.length)).toEqual([500, 200]);
    const dead = await outbox.listDeadLetters();
    expect(dead.map((d) => [d.record.seq, d.error.code])).toEqual([
      [2, 'id_taken'],
      [3, 'conflict'],
      [501, 'tracking_code_taken'],
    ]);
  });

  it.each([
    [
      'names other ids',
      (items: { id: string; seq: number }[]) => items.map(() => crypto.randomUUID()),
    ],
    ['misses one item', (items: { id: string; seq: number }[]) => items.slice(1).map((i) => i.id)],
  ])('deletes nothing when the answer %s, and backs off', async (_what, ids) => {
    await fill(4);
    server = (items) => ({
      kind: 'answered',
      body: { results: ids(items).map((id) => ({ id, status: 'accepted' })) },
    });
    const loop = newLoop();
    await loop.start();
    expect(await outbox.count()).toBe(4);
    expect(loop.status).toMatchObject({ state: 'waiting', failures: 1, problem: 'bad_reply' });
  });

  it('deletes nothing when the answer is not a SyncResponse', async () => {
    await fill(2);
    server = () => ({ kind: 'answered', body: { ok: true } });
    await newLoop().start();
    expect(await outbox.count()).toBe(2);
  });

  it('backs off on network errors and 5xx, retries at once when staff ask', async () => {
    await fill(2);
    server = () => ({ kind: 'retry', status: 0 });
    const loop = newLoop();
    await loop.start();
    expect(loop.status).toMatchObject({ state: 'waiting', failures: 1, problem: 'network' });
    expect(live().map((t) => t.ms)).toEqual([1_000]);

    // New records during the backoff do not break it.
    await loop.kick();
    expect(requests).toHaveLength(1);

    server = () => ({ kind: 'retry', status: 503 });
    fire();
    await loop.kick();
    expect(loop.status).toMatchObject({ failures: 2, problem: 'http_503' });
    expect(live().map((t) => t.ms)).toEqual([1_500]);
    expect(loop.status.nextAttemptAt).toBe(now + 1_500);

    server = accept;
    await loop.syncNow();
    expect(requests).toHaveLength(3);
    expect(await outbox.count()).toBe(0);
    expect(loop.status).toMatchObject({ state: 'idle', failures: 0, problem: null });
  });

  it('stops on 401 and stays stopped until staff act', async () => {
    await fill(1);
    server = () => ({ kind: 'unauthorized' });
    const loop = newLoop();
    await loop.start();
    expect(loop.status.state).toBe('unauthorized');
    expect(live()).toEqual([]);
    await loop.kick();
    expect(requests).toHaveLength(1);
    expect(await outbox.count()).toBe(1);
  });

  it('does not retry a refused envelope by itself', async () => {
    await fill(1);
    server = () => ({ kind: 'refused', status: 426 });
    const loop = newLoop();
    await loop.start();
    expect(loop.status).toMatchObject({ state: 'refused', problem: 'http_426' });
    expect(live()).toEqual([]);
    server = accept;
    await loop.syncNow();
    expect(await outbox.count()).toBe(0);
  });

  it('halves a batch the server finds too large and sets aside a single record it refuses', async () => {
    await fill(8);
    // Any batch over two items is too large, and record 3 is too large even alone.
    server = (items) =>
      items.length > 2 || items.some((i) => i.seq === 3) ? { kind: 'too_large' } : accept(items);
    await newLoop().start();
    expect(requests.map((r) => r.length)).toEqual([8, 4, 2, 2, 1, 1, 1, 1, 1, 1]);
    expect(await outbox.count()).toBe(0);
    expect((await outbox.listDeadLetters()).map((d) => d.error.code)).toEqual([
      'payload_too_large',
    ]);
  });

  it('leaves the upload to the tab that holds the lock', async () => {
    await fill(1);
    lockHeld = true;
    const loop = newLoop();
    await loop.start();
    expect(requests).toEqual([]);
    expect(loop.status.state).toBe('idle');
    expect(live().map((t) => t.ms)).toEqual([60_000]);
  });

  it('picks up records put while an upload was in flight', async () => {
    await fill(1);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const loop = newLoop({
      send: async (_token, body) => {
        await gate;
        const items = JSON.parse(body).items as { id: string; seq: number }[];
        requests.push(items);
        return accept(items);
      },
    });
    const first = loop.start();
    await Promise.resolve();
    await outbox.put(ratingDraft(5));
    void loop.kick();
    release();
    await first;
    expect(requests.flat().map((r) => r.seq)).toEqual([1, 2]);
    expect(await outbox.count()).toBe(0);
  });

  it('does nothing without a token', async () => {
    await fill(1);
    const loop = newLoop({ token: () => null });
    await loop.start();
    expect(requests).toEqual([]);
    expect(loop.status.state).toBe('unauthorized');
  });

  it('keeps the records when the outbox fails and tries again later', async () => {
    class BrokenOutbox extends MemoryOutbox {
      override takeOldest(): Promise<never> {
        return Promise.reject(new DOMException('closing', 'InvalidStateError'));
      }
    }
    outbox = new BrokenOutbox();
    await fill(1);
    const loop = newLoop();
    await loop.start();
    expect(loop.status).toMatchObject({ state: 'waiting', problem: 'storage' });
    expect(await outbox.count()).toBe(1);
  });
});

describe('SyncLoop on protocol 3: resending what a restored server lacks', () => {
  /** A server that keeps what it stored, by number, and answers as the real one does. */
  let storedSeqs: Set<number>;
  let bodies: { items: { id: string; seq: number }[]; highestSeq?: number }[];
  /** Numbers the server claims to lack whatever it stores: a broken server must not loop us. */
  let alwaysMissing: { from: number; to: number }[];

  function v3Loop() {
    return newLoop({
      protocol: async () => ({
        version: 3,
        maxItems: 100,
        maxBytes: SYNC_MAX_BYTES,
        parseReply: (body) => {
          const parsed = SyncResponse.safeParse(body);
          return parsed.success ? parsed.data : null;
        },
      }),
      send: async (_token, body) => {
        const envelope = SyncRequest.parse(JSON.parse(body));
        expect(envelope.protocol).toBe(3);
        const items = envelope.items as { id: string; seq: number }[];
        bodies.push({ items, highestSeq: envelope.highestSeq });
        for (const item of items) storedSeqs.add(item.seq);
        const ranges = mergeSeqRanges([], storedSeqs);
        const missing = [...alwaysMissing, ...missingSeqRanges(ranges, envelope.highestSeq ?? 0)];
        return {
          kind: 'answered',
          body: { results: items.map((i) => ({ id: i.id, status: 'accepted' })), missing },
        };
      },
    });
  }

  beforeEach(() => {
    storedSeqs = new Set();
    bodies = [];
    alwaysMissing = [];
  });

  it('says its highest number with every batch and checks in once when it has nothing to send', async () => {
    await fill(250);
    const loop = v3Loop();
    await loop.start();
    expect(bodies.map((b) => [b.items.length, b.highestSeq])).toEqual([
      [100, 250],
      [100, 250],
      [50, 250],
    ]);
    expect(await outbox.sentCount()).toBe(250);
    bodies = [];
    await loop.syncNow();
    expect(bodies).toEqual([{ items: [], highestSeq: 250 }]);
    expect(loop.status).toMatchObject({ state: 'idle', lastSuccessAt: now, failures: 0 });
  });

  it('resends the kept records a restored server lacks, and only those', async () => {
    await fill(300);
    const loop = v3Loop();
    await loop.start();
    const firstIds = new Set(bodies.flatMap((b) => b.items.map((i) => i.id)));
    // Restored from a backup taken after number 120: the rest is gone from the server.
    storedSeqs = new Set(Array.from({ length: 120 }, (_, i) => i + 1));
    bodies = [];
    await loop.syncNow();
    expect(bodies[0]).toEqual({ items: [], highestSeq: 300 });
    expect(bodies.slice(1).flatMap((b) => b.items.map((i) => i.seq))).toEqual(
      Array.from({ length: 180 }, (_, i) => 121 + i),
    );
    expect(storedSeqs.size).toBe(300);
    expect(await outbox.count()).toBe(0);
    expect(await outbox.sentCount()).toBe(300);
    // The records went out unchanged: the same ids as the first time.
    expect(bodies.flatMap((b) => b.items).every((i) => firstIds.has(i.id))).toBe(true);
  });

  it('does not resend the same number twice in one run, whatever the server keeps asking', async () => {
    await fill(10);
    alwaysMissing = [{ from: 3, to: 4 }];
    const loop = v3Loop();
    await loop.start();
    expect(bodies.map((b) => b.items.map((i) => i.seq))).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [3, 4],
    ]);
    expect(loop.status.state).toBe('idle');
  });

  it('forgets kept records once they are older than the server says to keep them', async () => {
    await fill(5);
    const loop = v3Loop();
    await loop.start();
    expect(await outbox.sentCount()).toBe(5);
    now += 30 * 86_400_000 - 1;
    await loop.syncNow();
    expect(await outbox.sentCount()).toBe(5);
    now += 2;
    await loop.syncNow();
    expect(await outbox.sentCount()).toBe(0);
  });
});
