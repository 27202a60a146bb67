/**
 * The widget as a reader of a unit's website meets it on a slow link: headless Chromium throttled
 * to slow 3G (400 ms round trip, 400 kbit/s each way), nothing cached, against the real server with
 * its demo data and an agency emblem. Reports the widget page's first contentful paint (what an
 * `<iframe>` shows first; issue 24 aims ≤ 1 s), the bytes it transferred, and for the script
 * variant the time from the embedding page's own first paint to the widget drawn in it. Median of
 * five runs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Resvg } from '@resvg/resvg-js';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../browser/support/browser.ts';
import { SLOW_3G_CONDITIONS } from '../support/network.ts';
import { startBenchServer } from './kiosk-server.ts';
import type { BenchResult } from './run.ts';

const RUNS = Number(process.env.HAILONG_BENCH_WIDGET_RUNS ?? 5);

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Signs in, names the agency, uploads an emblem; the demo's first unit with a counter. */
async function prepare(baseUrl: string, password: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const headers = { origin: baseUrl, cookie: login.headers.get('set-cookie')!.split(';')[0]! };
  await fetch(`${baseUrl}/api/v1/settings/agency`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Ủy ban nhân dân tỉnh Hải Long',
      shortName: 'UBND tỉnh Hải Long',
    }),
  });
  const emblem = new Resvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 100 100"><circle cx="50" cy="50" r="48" fill="#c00"/><polygon points="50,15 58,40 85,40 63,55 71,80 50,65 29,80 37,55 15,40 42,40" fill="#ff0"/></svg>',
  )
    .render()
    .asPng();
  const logo = await fetch(`${baseUrl}/api/v1/settings/agency/logo`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'image/png' },
    body: new Uint8Array(emblem),
  });
  if (!logo.ok) throw new Error(`emblem: ${logo.status}`);
  const res = await fetch(`${baseUrl}/api/v1/units`, { headers });
  const { units } = (await res.json()) as { units: { id: string; counters: unknown[] }[] };
  return units.find((u) => u.counters.length > 0)!.id;
}

/** A fresh context with the link throttled and the cache off, as a first visit. */
async function throttled(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G_CONDITIONS);
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
  return { page, transferred: () => transferred };
}

export async function benchWidget(): Promise<BenchResult[]> {
  const server = await startBenchServer();
  const browser = await launchBrowser();
  let unitId = '';
  // The unit's website, on another origin: the script variant in its page.
  const site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang thông tin điện tử</title></head><body><h1>Trang thông tin điện tử</h1><script src="${server.baseUrl}/public/widget.js" data-unit="${unitId}"></script></body></html>`,
    );
  });
  try {
    unitId = await prepare(server.baseUrl, server.adminPassword);
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
    const paints: number[] = [];
    const received: number[] = [];
    const bytes: number[] = [];
    const scripted: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const framed = await throttled(context);
      await framed.page.goto(`${server.baseUrl}/public/widget/${unitId}`, { waitUntil: 'load' });
      paints.push(
        await framed.page.evaluate<number>(
          `performance.getEntriesByName('first-contentful-paint')[0].startTime`,
        ),
      );
      received.push(
        await framed.page.evaluate<number>(
          `performance.getEntriesByType('navigation')[0].responseEnd`,
        ),
      );
      bytes.push(framed.transferred());

      const host = await throttled(context);
      await host.page.goto(siteUrl, { waitUntil: 'commit' });
      await host.page.locator('.hl-w').waitFor({ timeout: 60_000 });
      // The widget is in the page; the next frame paints it.
      scripted.push(
        await host.page.evaluate<number>(
          `new Promise((done) => requestAnimationFrame(() => done(performance.now() - performance.getEntriesByName('first-contentful-paint')[0].startTime)))`,
        ),
      );
      await context.close();
    }
    return [
      {
        name: 'widget: first paint in a frame (slow 3G)',
        value: Math.round(median(paints)),
        unit: 'ms',
        target: '≤ 1000',
        note:
          `first contentful paint of /public/widget/{unit}, cache off; median of ${RUNS}: ` +
          `${paints.map(Math.round).join(', ')}; the page was received at ${Math.round(median(received))} ms`,
      },
      {
        name: 'widget: transferred in a frame (slow 3G)',
        value: Math.round((median(bytes) / 1024) * 10) / 10,
        unit: 'KiB',
        target: '≤ 10 KB',
        note: 'the page and the emblem as sent (compressed), headers included',
      },
      {
        name: 'widget: script variant drawn after the host page’s first paint (slow 3G)',
        value: Math.round(median(scripted)),
        unit: 'ms',
        note: `widget.js, then the widget page fetched and drawn; median of ${RUNS}`,
      },
    ];
  } finally {
    site.close();
    await browser.close();
    await server.stop();
  }
}
