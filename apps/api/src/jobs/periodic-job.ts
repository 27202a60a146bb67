/**
 * Runs `task` now and then every `intervalMs`, one run at a time. Stopping clears the timer and
 * resolves once a run in progress has finished, so that the database can be closed after it.
 * `task` handles its own errors (it logs them): a failed run must not stop the next.
 */
export function startPeriodicJob(task: () => Promise<void>, intervalMs: number) {
  let current = task();
  const timer = setInterval(() => {
    current = current.then(task);
  }, intervalMs);
  // A pending run must not keep a stopping process alive.
  timer.unref();
  return (): Promise<void> => {
    clearInterval(timer);
    return current;
  };
}
