/**
 * When to try again after a failed upload: exponential from 1 s, capped at 5 min, with jitter so a
 * room of tablets coming back online together does not hit the server in step (as Enketo does).
 */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * The wait before retry number `attempt` (0 for the first retry). `random` is in [0, 1): the wait
 * is drawn from the upper half of the exponential step ("equal jitter"), never below the base.
 */
export function backoffDelay(attempt: number, random: number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.floor(attempt)));
  const jittered = step / 2 + (step / 2) * Math.min(Math.max(random, 0), 1);
  return Math.round(Math.min(BACKOFF_CAP_MS, Math.max(BACKOFF_BASE_MS, jittered)));
}
