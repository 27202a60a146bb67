/**
 * One form's request: `busy` while it runs, to disable its button, and the error it ended with, for
 * ErrorAlert. A new attempt clears the previous error.
 */
export class Submission {
  busy = $state(false);
  error = $state<unknown>(null);

  /** Runs `action`; true when it succeeded, false when it threw (the error is then in `error`). */
  async run(action: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await action();
      return true;
    } catch (err) {
      this.error = err;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
