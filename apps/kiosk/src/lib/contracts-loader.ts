/**
 * The schemas' chunk, loaded once. The app starts loading it right after the first screen, so by the
 * first tap it is there; the service worker precaches it for offline starts.
 */
let loading: Promise<typeof import('./contracts.ts')> | null = null;

export function loadContracts(): Promise<typeof import('./contracts.ts')> {
  loading ??= import('./contracts.ts').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
