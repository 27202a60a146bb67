/**
 * The citizen's phone page as a cheap phone on a slow link meets it: headless Chromium throttled to
 * Lighthouse's slow 3G (400 ms round trip, 400 kbit/s each way) and a CPU four times slower, a
 * fresh profile each run (nothing cached), against the real server. Reports the bytes transferred
 * until the page can be used (the shell, its script and style, and the counter's configuration)
 * and the time from navigation to interactive (the rating choices shown and enabled), median of
 * five runs. Issue 13 aims well under 50 KB.
 */
import { spawnSync } from 'node:child_process';
import { launchBrowser } from '../browser/support/browser.ts';
import { SLOW_3G_CONDITIONS } from '../support/network.ts';
import { startBenchServer } from './kiosk-server.ts';
import type { BenchResult } from './run.ts';

const RUNS = Number(process.env.HAILONG_BENCH_PHONE_RUNS ?? 5);
const root = new URL('../..', import.meta.url).pathname;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchPhone(): Promise<BenchResult[]> {
  const build = spawnSync('npm', ['run', 'build', '--silent', '--workspace', '@hailong/phone'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('phone build failed');
  const server = await startBenchServer();
  const browser = await launchBrowser();
  try {
    const unitId = await firstUnitWithCounter(server.baseUrl, server.adminPassword);
    const bytes: number[] = [];
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        locale: 'vi-VN',
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G_CONDITIONS);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      let transferred = 0;
      cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
      const started = Date.now();
      await page.goto(`${server.baseUrl}/phone/?u=${unitId.unit}&c=${unitId.counter}`, {
        waitUntil: 'commit',
      });
      await page.getByRole('radio', { name: 'Hài lòng', exact: true }).waitFor({ timeout: 60_000 });
      times.push(Date.now() - started);
      // Let the last loadingFinished events arrive before counting.
      await page.waitForLoadState('load');
      bytes.push(transferred);
      await context.close();
    }
    return [
      {
        name: 'phone page: first-load transfer (slow 3G)',
        value: Math.round((median(bytes) / 1024) * 10) / 10,
        unit: 'KiB',
        target: '< 50 KB',
        note: `shell, script, style and the counter's configuration as sent (compressed); median of ${RUNS}`,
      },
      {
        name: 'phone page: time to interactive (slow 3G, 4× CPU)',
        value: median(times),
        unit: 'ms',
        note: `navigation to the rating choices shown and enabled; median of ${RUNS}, fresh profile each`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The demo's Sở Tư pháp and its first counter, read as the console reads them. */
async function firstUnitWithCounter(baseUrl: string, password: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await fetch(`${baseUrl}/api/v1/units`, { headers: { cookie } });
  const { units } = (await res.json()) as {
    units: { id: string; counters: { id: string }[] }[];
  };
  const unit = units.find((u) => u.counters.length > 0)!;
  return { unit: unit.id, counter: unit.counters[0]!.id };
}
