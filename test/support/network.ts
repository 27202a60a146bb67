/** Lighthouse's slow 3G, for CDP's Network.emulateNetworkConditions: 400 ms, 400 kbit/s each way. */
export const SLOW_3G_CONDITIONS = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};
