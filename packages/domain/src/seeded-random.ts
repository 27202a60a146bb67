/**
 * mulberry32: a small seeded generator of numbers in [0, 1). The same seed gives the same
 * sequence, so the demo shows the same figures on every install, a benchmark writes the same
 * province each run, and a failing fault run can be replayed. Not for anything secret.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
