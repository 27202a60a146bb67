/**
 * What the read benches share: the admin they read as, the median of timed runs, and the check that
 * the counters and the raw rows agree before any figure compares them.
 */
import type { UserRow } from '../../apps/api/src/repositories/types.ts';

export const BENCH_ADMIN: UserRow = {
  id: 'bench',
  username: 'bench',
  displayName: 'Bench',
  role: 'admin',
  unitId: null,
  passwordHash: '',
  disabledAt: null,
  createdAt: 0,
  updatedAt: 0,
};

/** Milliseconds to 2 decimals. */
export const roundMs = (ms: number) => Math.round(ms * 100) / 100;

/** The median duration of `times` runs of `work`, in milliseconds. */
export async function median(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** The two paths must agree to the last count, or the comparison means nothing. */
export function same(label: string, a: unknown, b: unknown) {
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${label}: counters and raw rows disagree`);
}
