/**
 * The Wilson score interval of a proportion. With a few dozen answers a month the plain ± margin
 * (Wald) leaves [0, 1] and is far too narrow near 100 %, which is exactly where satisfaction sits;
 * Wilson stays inside [0, 1] and keeps its coverage there (Brown, Cai & DasGupta, 2001).
 */

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  /** Lower and upper bound, as ratios in [0, 1]. */
  low: number;
  high: number;
}

/** The Wilson interval of `successes` out of `trials`; null when there are no trials. */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (trials <= 0) return null;
  const z2 = z * z;
  // Written as (2s + z² ± z·√(z² + 4s(n−s)/n)) / 2(n + z²): no p̂(1−p̂) cancellation near 0 and 1.
  const spread = z * Math.sqrt(z2 + (4 * successes * (trials - successes)) / trials);
  const denominator = 2 * (trials + z2);
  // At the ends the bound is the observed rate itself; say so exactly rather than 0.9999999999.
  const low = successes === 0 ? 0 : (2 * successes + z2 - spread) / denominator;
  const high = successes === trials ? 1 : (2 * successes + z2 + spread) / denominator;
  return { low: Math.max(0, low), high: Math.min(1, high) };
}
