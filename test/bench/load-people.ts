/**
 * The people of the load benchmark. Console users, signed in, browse what they browse every day:
 * the month's tally (now and then a year's trend), the feedback register and an item in it, the
 * tablets, and the monthly report as CSV or Excel. Citizens look up tracking codes printed on
 * their slips (one in twenty mistyped), each from their own address.
 */
import { pause, sleep, type LoadRecorder } from './load-recorder.ts';

/** What a console user may open, with how often (weights) and the route it is counted under. */
const PAGES: { weight: number; route: string; path: (month: string, unitId: string) => string }[] =
  [
    { weight: 4, route: 'GET /api/v1/tally/node', path: (m) => `/api/v1/tally/node?period=${m}` },
    {
      weight: 1,
      route: 'GET /api/v1/tally/node/trend',
      path: (m) => `/api/v1/tally/node/trend?from=${shift(m, -11)}&to=${m}`,
    },
    { weight: 4, route: 'GET /api/v1/feedback', path: () => '/api/v1/feedback?limit=50' },
    { weight: 2, route: 'GET /api/v1/devices', path: () => '/api/v1/devices' },
    {
      weight: 1,
      route: 'GET /api/v1/exports/tally.csv',
      path: (m, u) => `/api/v1/exports/tally.csv?month=${m}&unitId=${u}`,
    },
    {
      weight: 1,
      route: 'GET /api/v1/exports/tally.xlsx',
      path: (m, u) => `/api/v1/exports/tally.xlsx?month=${m}&unitId=${u}`,
    },
  ];
const TOTAL_WEIGHT = PAGES.reduce((sum, p) => sum + p.weight, 0);

function shift(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + m - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function pick() {
  let n = Math.random() * TOTAL_WEIGHT;
  for (const page of PAGES) if ((n -= page.weight) < 0) return page;
  return PAGES[0]!;
}

/** Signs in as the console does: JSON, same-origin headers; returns the session cookie. */
export async function signIn(
  rec: LoadRecorder,
  username: string,
  password: string,
): Promise<string> {
  const res = await rec.call('POST /api/v1/auth/login', '/api/v1/auth/login', {
    method: 'POST',
    headers: {
      origin: rec.baseUrl,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res?.headers.get('set-cookie')?.split(';')[0];
  if (res?.status !== 200 || !cookie) {
    throw new Error(`sign-in of ${username}: ${res?.status} ${res?.body.slice(0, 200)}`);
  }
  return cookie;
}

export async function browse(
  rec: LoadRecorder,
  cookie: string,
  unitId: string,
  month: string,
  stopAt: number,
): Promise<void> {
  const headers = { cookie };
  while (Date.now() < stopAt) {
    const page = pick();
    const res = await rec.call(page.route, page.path(month, unitId), { headers });
    // From the register, people open an item now and then.
    if (page.route === 'GET /api/v1/feedback' && res?.status === 200 && Math.random() < 0.5) {
      const { items } = JSON.parse(res.body) as { items: { id: string }[] };
      const item = items[Math.floor(Math.random() * items.length)];
      if (item)
        await rec.call('GET /api/v1/feedback/{id}', `/api/v1/feedback/${item.id}`, { headers });
    }
    await pause(500, 2000);
  }
}

/**
 * One citizen at `address` (sent as the proxy would append it, the right-most X-Forwarded-For
 * entry; the server runs with TRUST_PROXY=1), looking up codes from `codes` every few seconds.
 */
export async function lookUp(
  rec: LoadRecorder,
  address: string,
  codes: readonly string[],
  stopAt: number,
): Promise<void> {
  while (codes.length === 0 && Date.now() < stopAt) await sleep(200);
  await pause(0, 3000);
  while (Date.now() < stopAt) {
    let code = codes[Math.floor(Math.random() * codes.length)]!;
    if (Math.random() < 0.05) code = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    await rec.call('GET /api/v1/public/feedback/{code}', `/api/v1/public/feedback/${code}`, {
      headers: { 'x-forwarded-for': address },
    });
    await pause(2000, 4000);
  }
}
