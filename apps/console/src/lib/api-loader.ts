/**
 * The API module's chunk (api.ts: every call and the server's zod schemas), loaded once. As on the
 * kiosk (contracts-loader.ts), zod is most of the code and the first screen's shell must not wait
 * for it: the app asks for it at once, beside the opened page's own chunk, which imports it too.
 */
let loading: Promise<typeof import('./api.ts')> | null = null;

export function loadApi(): Promise<typeof import('./api.ts')> {
  // Forgotten on failure, so that the next attempt (a retry, a reload of the data) fetches again.
  loading ??= import('./api.ts').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
