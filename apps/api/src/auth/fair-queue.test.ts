import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFairQueue, QueueFull, type Turn } from './fair-queue.ts';

/** Tasks that finish when the test says so, recording the order they started in and their turn. */
function harness(concurrency: number, { perKey = concurrency, capacity = 100 } = {}) {
  const queue = createFairQueue({ concurrency, perKey, capacity });
  const started: string[] = [];
  const turns = new Map<string, Turn>();
  const finishers: (() => void)[] = [];
  let running = 0;
  let peak = 0;
  const submit = (key: string, name = key) =>
    queue.run(key, (turn) => {
      started.push(name);
      turns.set(name, turn);
      running += 1;
      peak = Math.max(peak, running);
      return new Promise<void>((resolve) =>
        finishers.push(() => {
          running -= 1;
          resolve();
        }),
      );
    });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const finishOldest = async () => {
    finishers.shift()!();
    await settle();
  };
  return { queue, submit, started, turns, finishOldest, settle, peak: () => peak };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ran',
    (err: unknown) => (err instanceof QueueFull ? 'refused' : 'failed'),
  );

describe('fair queue', () => {
  it('starts another key’s task before the rest of a backlog (one at a time)', async () => {
    const h = harness(1);
    for (let i = 1; i <= 4; i++) void h.submit('flood', `flood-${i}`);
    await h.settle();
    void h.submit('real');
    await h.settle();
    expect(h.started).toEqual(['flood-1']);
    await h.finishOldest();
    expect(h.started).toEqual(['flood-1', 'real']);
    expect(h.turns.get('real')!.startedAhead).toBe(0);
    await h.finishOldest();
    expect(h.started).toEqual(['flood-1', 'real', 'flood-2']);
  });

  it('gives a free slot to the key with the fewest tasks running', async () => {
    const h = harness(2);
    for (let i = 1; i <= 4; i++) void h.submit('flood', `flood-${i}`);
    await h.settle();
    void h.submit('real');
    await h.finishOldest();
    expect(h.started).toEqual(['flood-1', 'flood-2', 'real']);
  });

  it('runs at most `perKey` tasks of one key, leaving the other slots to other keys', async () => {
    const h = harness(4, { perKey: 2 });
    for (let i = 1; i <= 6; i++) void h.submit('flood', `flood-${i}`);
    await h.settle();
    expect(h.started).toEqual(['flood-1', 'flood-2']);
    expect(h.turns.get('flood-2')!.runningForKey).toBe(2);
    void h.submit('real');
    await h.settle();
    expect(h.started).toEqual(['flood-1', 'flood-2', 'real']);
    expect(h.turns.get('real')!.startedAhead).toBe(0);
    await h.finishOldest();
    expect(h.started).toEqual(['flood-1', 'flood-2', 'real', 'flood-3']);
  });

  it('when full, refuses the longest queue’s newest task, never a key with nothing waiting', async () => {
    const h = harness(1, { capacity: 4 });
    const a = [1, 2, 3].map((i) => outcome(h.submit('a', `a-${i}`)));
    const b = [1, 2].map((i) => outcome(h.submit('b', `b-${i}`)));
    await h.settle();
    // a-1 runs; a-2, a-3, b-1, b-2 wait: full. Another of a's is refused at the door.
    expect(await outcome(h.submit('a', 'a-4'))).toBe('refused');
    // c has nothing waiting: it takes the place of a-3, the newest of the longest queue.
    const c = outcome(h.submit('c', 'c-1'));
    expect(await a[2]).toBe('refused');
    // b's queue is now the longest: a newcomer from b is refused rather than evicting another's.
    expect(await outcome(h.submit('b', 'b-3'))).toBe('refused');
    // d, arriving with nothing waiting, still gets a place: b's newest gives it up.
    const d = outcome(h.submit('d', 'd-1'));
    for (let i = 0; i < 5; i++) await h.finishOldest();
    expect(await Promise.all([...a, ...b, c, d])).toEqual([
      'ran',
      'ran',
      'refused',
      'ran',
      'refused',
      'ran',
      'ran',
    ]);
    // Keys never served go first; a, served already, waits for them.
    expect(h.started).toEqual(['a-1', 'b-1', 'c-1', 'd-1', 'a-2']);
  });

  it('serves a newcomer before keys with a backlog that were never served either', async () => {
    const h = harness(1);
    void h.submit('first');
    for (let i = 1; i <= 3; i++) void h.submit('flood-a', `a-${i}`);
    for (let i = 1; i <= 3; i++) void h.submit('flood-b', `b-${i}`);
    await h.settle();
    void h.submit('real');
    await h.finishOldest();
    expect(h.started).toEqual(['first', 'real']);
  });

  it('counts the tasks started between a task’s arrival and its own start', async () => {
    const h = harness(2, { perKey: 2 });
    for (let i = 1; i <= 4; i++) void h.submit('flood', `flood-${i}`);
    await h.settle();
    void h.submit('x', 'x-1');
    void h.submit('x', 'x-2');
    await h.finishOldest();
    await h.finishOldest();
    await h.finishOldest();
    expect(h.started).toEqual(['flood-1', 'flood-2', 'x-1', 'flood-3', 'x-2']);
    expect(h.turns.get('x-1')!.startedAhead).toBe(0);
    // x-1 and flood-3 started between x-2's arrival and its start.
    expect(h.turns.get('x-2')!.startedAhead).toBe(2);
  });

  it('frees a slot when a task fails', async () => {
    const queue = createFairQueue({ concurrency: 1, perKey: 1, capacity: 1 });
    const failing = queue.run('a', () => Promise.reject(new Error('boom')));
    const next = queue.run('a', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('runs or refuses every task once, within every bound; only a longest queue loses a task', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 30 }),
        async (concurrency, perKey, capacity, keys) => {
          const waiting = new Map<string, number>();
          const longest = () => Math.max(0, ...waiting.values());
          const refusals: string[] = [];
          const queue = createFairQueue({
            concurrency,
            perKey,
            capacity,
            observer: {
              queued: (key) => waiting.set(key, (waiting.get(key) ?? 0) + 1),
              started: (key) => waiting.set(key, waiting.get(key)! - 1),
              refused: (key, evicted) => {
                const mine = waiting.get(key) ?? 0;
                // At the door the newcomer is not counted yet: its own queue is at least as long as
                // any other; an evicted task is counted in its queue, the longest one.
                if (mine === 0 || mine < longest()) refusals.push(`${key} ${mine}/${longest()}`);
                if (evicted) waiting.set(key, mine - 1);
              },
            },
          });
          const finishers: (() => void)[] = [];
          const runningOf = new Map<string, number>();
          let running = 0;
          let peak = 0;
          let peakPerKey = 0;
          const results = keys.map((key, i) =>
            queue
              .run(key, () => {
                running += 1;
                runningOf.set(key, (runningOf.get(key) ?? 0) + 1);
                peak = Math.max(peak, running);
                peakPerKey = Math.max(peakPerKey, runningOf.get(key)!);
                return new Promise<void>((resolve) =>
                  finishers.push(() => {
                    running -= 1;
                    runningOf.set(key, runningOf.get(key)! - 1);
                    resolve();
                  }),
                );
              })
              .then(
                () => `${key}${i}`,
                (err: unknown) => (err instanceof QueueFull ? 'refused' : 'failed'),
              ),
          );
          await new Promise((r) => setTimeout(r, 0));
          while (finishers.length > 0) {
            finishers.shift()!();
            await new Promise((r) => setTimeout(r, 0));
          }
          const outcomes = await Promise.all(results);
          expect(outcomes.filter((o) => o === 'failed')).toEqual([]);
          expect(new Set(outcomes.filter((o) => o !== 'refused')).size).toBe(
            outcomes.filter((o) => o !== 'refused').length,
          );
          expect(refusals).toEqual([]);
          expect(peak).toBeLessThanOrEqual(concurrency);
          expect(peakPerKey).toBeLessThanOrEqual(perKey);
          expect([...waiting.values()].every((n) => n === 0)).toBe(true);
        },
      ),
    );
  });
});
