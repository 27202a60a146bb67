import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFairQueue, QueueFull } from './fair-queue.ts';

/** Tasks that finish when the test says so, recording the order they started in. */
function harness(concurrency: number, maxWaiting = 100) {
  const queue = createFairQueue(concurrency, maxWaiting);
  const started: string[] = [];
  const finishers: (() => void)[] = [];
  let running = 0;
  let peak = 0;
  const submit = (key: string, name = key) =>
    queue.run(key, () => {
      started.push(name);
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
  return { queue, submit, started, finishOldest, settle, peak: () => peak };
}

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

  it('refuses at once when too many tasks wait, and frees a slot when a task fails', async () => {
    const queue = createFairQueue(1, 1);
    const failing = queue.run('a', () => Promise.reject(new Error('boom')));
    const next = queue.run('a', async () => 'ran');
    await expect(queue.run('b', async () => 'never')).rejects.toBeInstanceOf(QueueFull);
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('runs every task once, never more than `concurrency` at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }),
        async (concurrency, keys) => {
          const h = harness(concurrency);
          const all = keys.map((k, i) => h.submit(k, `${k}${i}`));
          await h.settle();
          for (let i = 0; i < keys.length; i++) await h.finishOldest();
          await Promise.all(all);
          expect([...h.started].sort()).toEqual(keys.map((k, i) => `${k}${i}`).sort());
          expect(h.peak()).toBeLessThanOrEqual(concurrency);
        },
      ),
    );
  });
});
