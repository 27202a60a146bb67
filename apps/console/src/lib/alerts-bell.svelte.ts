/**
 * The bell's unread count, shared by the shell and the alerts page. Asked when the shell appears,
 * then every minute while someone is signed in, and again whenever the alerts page changes it.
 */

const POLL_MS = 60_000;

class AlertsBell {
  unread = $state(0);
  /** False until the count was first read: the bell shows no number it does not know. */
  known = $state(false);

  async refresh() {
    try {
      // Its own chunk with the schemas (api-loader.ts): the shell does not wait for it.
      const { alertsApi } = await import('./alerts-api.ts');
      this.unread = (await alertsApi.unread()).unread;
      this.known = true;
    } catch {
      // The bell stays as it was; the next poll tries again (a 401 ends the session elsewhere).
    }
  }

  /** Polls until the returned function is called. */
  start(): () => void {
    void this.refresh();
    const timer = setInterval(() => void this.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }
}

export const alertsBell = new AlertsBell();
