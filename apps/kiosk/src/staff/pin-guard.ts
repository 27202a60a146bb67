/** Five wrong PINs in a row lock the PIN screen for a minute: guessing 4 digits takes a long time. */
const ALLOWED_FAILURES = 5;
const LOCK_MS = 60_000;

class PinGuard {
  #failures = 0;
  #lockedUntil = 0;

  failed(now: number) {
    this.#failures += 1;
    if (this.#failures >= ALLOWED_FAILURES) {
      this.#failures = 0;
      this.#lockedUntil = now + LOCK_MS;
    }
  }

  succeeded() {
    this.#failures = 0;
  }

  lockedForSeconds(now: number): number {
    return Math.max(0, Math.ceil((this.#lockedUntil - now) / 1000));
  }
}

export const pinGuard = new PinGuard();
