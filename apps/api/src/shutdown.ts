/**
 * Stopping without cutting a batch in half. On SIGTERM or SIGINT the listening socket closes (new
 * connections are refused) and idle keep-alive connections with it; requests already running
 * finish, because a tablet deletes what we acknowledged, so an answer that leaves must stand on a
 * commit; a request that arrives meanwhile on a connection still open gets 503 with Retry-After
 * (http/drain.ts). Once the last connection is gone, the background jobs stop, the database
 * closes and the process exits 0. A drain that outlasts `timeoutMs` exits 1, before systemd's
 * SIGKILL would, and says so in the log.
 */
import type { Logger } from './http/logger.ts';

interface Closable {
  close(callback: (err?: Error) => void): unknown;
}

export function createShutdown(logger: Logger, timeoutMs: number) {
  let signal: NodeJS.Signals | undefined;
  return {
    /** True from the first signal on: what refuseWhileDraining asks. */
    draining: () => signal !== undefined,

    /** On the first SIGTERM or SIGINT: stop `server`, then `cleanup`, then exit. */
    onSignal(server: Closable, cleanup: () => Promise<void>) {
      const stop = (received: NodeJS.Signals) => {
        // Only the first counts: `npm start` and tsx pass on the signal the terminal also sent
        // us, and that second copy must not cut the drain short.
        if (signal) return;
        signal = received;
        const started = performance.now();
        logger.info('shutdown: draining', { signal, timeoutMs });
        setTimeout(() => {
          logger.error('shutdown: timed out with requests still open', { timeoutMs });
          process.exit(1);
        }, timeoutMs);
        server.close(() =>
          cleanup().then(
            () => {
              logger.info('shutdown: done', { ms: Math.round(performance.now() - started) });
              process.exit(0);
            },
            (err: unknown) => {
              logger.error('shutdown: cleanup failed', { error: String(err) });
              process.exit(1);
            },
          ),
        );
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    },
  };
}
