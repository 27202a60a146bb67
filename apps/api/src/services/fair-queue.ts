/**
 * Runs tasks at most `concurrency` at a time, taking turns between keys. The next task to start is
 * the oldest of the key with the fewest tasks running, and among those the key whose last turn is
 * longest ago; so a backlog under one key (a flood of logins from one address) delays another key's
 * task by at most the tasks already running when it arrived.
 */
export class QueueFull extends Error {
  constructor() {
    super('queue full');
    this.name = 'QueueFull';
  }
}

export interface FairQueue {
  /** Runs `task` in its key's turn; rejects with QueueFull at once when `maxWaiting` tasks wait. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createFairQueue(concurrency: number, maxWaiting: number): FairQueue {
  const waiting = new Map<string, (() => void)[]>();
  const running = new Map<string, number>();
  /** When each key with work waiting or running last started a task (a counter, not a time). */
  const lastTurn = new Map<string, number>();
  let turns = 0;
  let runningTotal = 0;
  let waitingTotal = 0;

  function nextKey(): string | undefined {
    let best: string | undefined;
    let fewest = Infinity;
    let oldest = Infinity;
    for (const key of waiting.keys()) {
      const n = running.get(key) ?? 0;
      const turn = lastTurn.get(key) ?? 0;
      if (n < fewest || (n === fewest && turn < oldest)) [best, fewest, oldest] = [key, n, turn];
    }
    return best;
  }

  function pump() {
    while (runningTotal < concurrency) {
      const key = nextKey();
      if (key === undefined) return;
      const queue = waiting.get(key)!;
      const start = queue.shift()!;
      if (queue.length === 0) waiting.delete(key);
      lastTurn.set(key, (turns += 1));
      waitingTotal -= 1;
      runningTotal += 1;
      running.set(key, (running.get(key) ?? 0) + 1);
      start();
    }
  }

  function finished(key: string) {
    runningTotal -= 1;
    const left = running.get(key)! - 1;
    if (left > 0) running.set(key, left);
    else {
      running.delete(key);
      if (!waiting.has(key)) lastTurn.delete(key);
    }
    pump();
  }

  return {
    run(key, task) {
      if (waitingTotal >= maxWaiting) return Promise.reject(new QueueFull());
      return new Promise((resolve, reject) => {
        const start = () =>
          void Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => finished(key));
        const queue = waiting.get(key);
        if (queue) queue.push(start);
        else waiting.set(key, [start]);
        waitingTotal += 1;
        pump();
      });
    },
  };
}
