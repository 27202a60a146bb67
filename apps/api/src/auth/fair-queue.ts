/**
 * Runs tasks at most `concurrency` at a time and at most `perKey` at a time per key (a client's
 * address), taking turns between keys. The next task to start is the oldest of the key with the
 * fewest tasks running; among those, of the key whose last turn is longest ago (a key never served
 * first), and among those of the key with the fewest waiting. So a backlog under a few keys delays
 * another key's task by at most the tasks already running when it arrived.
 *
 * At most `capacity` tasks wait. When the queue is full, a key whose queue is shorter than the
 * longest still gets its place: the newest task of the longest queue is refused instead. So a flood
 * from a few addresses loses its own tasks, never the one task of another address.
 */
export class QueueFull extends Error {
  constructor() {
    super('queue full');
    this.name = 'QueueFull';
  }
}

/** What a task is told when it starts. */
export interface Turn {
  /** Tasks (of any key) that started after this one arrived and before it started. */
  startedAhead: number;
  /** Tasks of this key running, this one included. */
  runningForKey: number;
}

export interface QueueObserver {
  queued?(key: string): void;
  started?(key: string, turn: Turn): void;
  /** A task refused: at the door (`evicted` false) or, waiting, to make room for a shorter queue. */
  refused?(key: string, evicted: boolean): void;
}

export interface FairQueueOptions {
  concurrency: number;
  perKey: number;
  capacity: number;
  observer?: QueueObserver;
}

export interface FairQueue {
  /** Runs `task` in its key's turn; rejects with QueueFull when there is no place for it. */
  run<T>(key: string, task: (turn: Turn) => Promise<T>): Promise<T>;
}

interface Waiting {
  /** The value of `turns` when the task arrived. */
  arrived: number;
  start(turn: Turn): void;
  refuse(): void;
}

export function createFairQueue(options: FairQueueOptions): FairQueue {
  const { concurrency, perKey, capacity, observer } = options;
  const waiting = new Map<string, Waiting[]>();
  const running = new Map<string, number>();
  /** When each key with work waiting or running last started a task (a counter, not a time). */
  const lastTurn = new Map<string, number>();
  let turns = 0;
  let runningTotal = 0;
  let waitingTotal = 0;

  function nextKey(): string | undefined {
    let best: string | undefined;
    let rank = [Infinity, Infinity, Infinity];
    for (const [key, queue] of waiting) {
      const n = running.get(key) ?? 0;
      if (n >= perKey) continue;
      const mine = [n, lastTurn.get(key) ?? 0, queue.length];
      const before = mine.findIndex((x, i) => x !== rank[i]!);
      if (before >= 0 && mine[before]! < rank[before]!) [best, rank] = [key, mine];
    }
    return best;
  }

  function longestQueue(): string | undefined {
    let longest: string | undefined;
    let length = 0;
    for (const [key, queue] of waiting) {
      if (queue.length > length) [longest, length] = [key, queue.length];
    }
    return longest;
  }

  function take(key: string, from: 'oldest' | 'newest'): Waiting {
    const queue = waiting.get(key)!;
    const task = from === 'oldest' ? queue.shift()! : queue.pop()!;
    if (queue.length === 0) {
      waiting.delete(key);
      if (!running.has(key)) lastTurn.delete(key);
    }
    waitingTotal -= 1;
    return task;
  }

  function pump() {
    while (runningTotal < concurrency) {
      const key = nextKey();
      if (key === undefined) return;
      const task = take(key, 'oldest');
      turns += 1;
      lastTurn.set(key, turns);
      runningTotal += 1;
      const runningForKey = (running.get(key) ?? 0) + 1;
      running.set(key, runningForKey);
      const turn = { startedAhead: turns - 1 - task.arrived, runningForKey };
      observer?.started?.(key, turn);
      task.start(turn);
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

  /** Whether `key` may join a full queue: it may if its queue is shorter than the longest. */
  function makeRoom(key: string): boolean {
    const longest = longestQueue();
    if (longest === undefined) return false;
    if ((waiting.get(key)?.length ?? 0) >= waiting.get(longest)!.length) return false;
    observer?.refused?.(longest, true);
    take(longest, 'newest').refuse();
    return true;
  }

  return {
    run(key, task) {
      if (waitingTotal >= capacity && !makeRoom(key)) {
        observer?.refused?.(key, false);
        return Promise.reject(new QueueFull());
      }
      return new Promise((resolve, reject) => {
        const entry: Waiting = {
          arrived: turns,
          start: (turn) =>
            void Promise.resolve(turn)
              .then(task)
              .then(resolve, reject)
              .finally(() => finished(key)),
          refuse: () => reject(new QueueFull()),
        };
        const queue = waiting.get(key);
        if (queue) queue.push(entry);
        else waiting.set(key, [entry]);
        waitingTotal += 1;
        observer?.queued?.(key);
        pump();
      });
    },
  };
}
