/**
 * The address limits are keyed on: the socket's peer, or behind a trusted proxy the right-most hop of
 * X-Forwarded-For that no trusted proxy wrote. A client cannot pick its own by sending the header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/databases.ts';
import { testApp, TestClock } from '../../../../test/support/api-client.ts';
import { exchange, listen, type LiveServer } from '../../../../test/support/live-server.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { LOOKUP_THROTTLE } from '../public/feedback-public.service.ts';
import type { AppDeps } from '../app.ts';
import { clientAddress, forwardedHttps, proxyTrust } from './forwarded.ts';

describe('client address resolution', () => {
  const none = proxyTrust(false);
  const oneHop = proxyTrust(true);
  const listed = proxyTrust(true, ['127.0.0.1', '10.0.0.0/8', '2001:db8::/32']);
  it.each([
    [
      'no proxy: the peer, whatever the header says',
      none,
      '198.51.100.1',
      '1.1.1.1',
      '198.51.100.1',
    ],
    ['one proxy: the hop it appended', oneHop, '127.0.0.1', '6.6.6.6, 203.0.113.7', '203.0.113.7'],
    ['one proxy, no header: the peer', oneHop, '127.0.0.1', undefined, '127.0.0.1'],
    ['one proxy, spaces around hops', oneHop, '127.0.0.1', '6.6.6.6,203.0.113.7 ', '203.0.113.7'],
    [
      'listed proxies are skipped',
      listed,
      '127.0.0.1',
      '6.6.6.6, 203.0.113.9, 10.1.2.3',
      '203.0.113.9',
    ],
    [
      'IPv4-mapped peer is the same proxy',
      listed,
      '::ffff:127.0.0.1',
      '203.0.113.9',
      '203.0.113.9',
    ],
    [
      'IPv6 proxy in a listed range',
      listed,
      '2001:db8::5',
      '2001:db8:1::1, 203.0.113.4',
      '203.0.113.4',
    ],
    ['an unlisted peer is the client', listed, '192.0.2.50', '203.0.113.9', '192.0.2.50'],
    [
      'a forged listed address left of the proxy’s entry is skipped',
      listed,
      '127.0.0.1',
      '10.9.9.9, 203.0.113.9',
      '203.0.113.9',
    ],
    [
      'forged hops left of the client are never reached',
      listed,
      '127.0.0.1',
      '198.51.100.7, 203.0.113.9, 10.1.2.3',
      '203.0.113.9',
    ],
    // A client inside a listed range is, to us, a proxy: whatever listed address it writes, no hop
    // is outside the set, and only the connecting peer is left that it cannot pick.
    [
      'all hops listed: the peer, not the left-most',
      listed,
      '127.0.0.1',
      '10.0.0.1, 10.0.0.2',
      '127.0.0.1',
    ],
    [
      'a listed client connecting directly cannot pick a listed address',
      listed,
      '10.0.0.7',
      '10.200.0.1',
      '10.0.0.7',
    ],
    [
      'a listed client behind the proxy cannot pick a listed address',
      listed,
      '127.0.0.1',
      '10.6.6.6, 10.0.0.7',
      '127.0.0.1',
    ],
    ['a garbled hop ends the walk: the peer', listed, '127.0.0.1', '6.6.6.6, junk', '127.0.0.1'],
    [
      'a garbled hop left of the client is never reached',
      listed,
      '127.0.0.1',
      'junk, 203.0.113.9',
      '203.0.113.9',
    ],
    ['no socket (in-process)', none, undefined, '6.6.6.6', 'unknown'],
  ] as const)('%s', (_name, trust, peer, header, expected) => {
    expect(clientAddress(trust, peer, header)).toBe(expected);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy, and only its right-most value', () => {
    expect(forwardedHttps(none, '127.0.0.1', 'https')).toBe(false);
    expect(forwardedHttps(oneHop, '127.0.0.1', 'https')).toBe(true);
    expect(forwardedHttps(oneHop, '127.0.0.1', 'https, http')).toBe(false);
    expect(forwardedHttps(listed, '10.0.0.9', 'https')).toBe(true);
    expect(forwardedHttps(listed, '192.0.2.50', 'https')).toBe(false);
  });

  it('refuses a malformed proxy list', () => {
    expect(() => proxyTrust(true, ['10.0.0.0/33'])).toThrow(/10\.0\.0\.0\/33/);
    expect(() => proxyTrust(true, ['proxy.local'])).toThrow(/proxy\.local/);
  });
});

describe('client address through a real socket', () => {
  let database: DatabaseHandle;
  const clock = new TestClock();
  const servers: LiveServer[] = [];

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await database.close();
  });

  async function serve(options: Partial<AppDeps>) {
    const server = await listen(testApp(database, clock, options).app);
    servers.push(server);
    return server;
  }

  /** Unknown codes looked up one after another; returns the statuses. */
  async function guesses(
    server: LiveServer,
    n: number,
    request: (i: number) => { headers?: Record<string, string>; localAddress?: string },
  ) {
    const result: number[] = [];
    for (let i = 0; i < n; i++) {
      const res = await exchange(server, {
        path: `/api/v1/public/feedback/ZZZZ-${String(i).padStart(4, '0')}`,
        ...request(i),
      });
      result.push(res.status);
    }
    return result;
  }
  const limited = LOOKUP_THROTTLE.misses;

  it('behind one proxy, keys on the hop the proxy appended, not on what the client sent', async () => {
    const server = await serve({ trustProxy: true });
    const result = await guesses(server, limited + 1, (i) => ({
      headers: { 'x-forwarded-for': `10.9.9.${i}, 203.0.113.7` },
    }));
    expect(result.slice(0, limited).every((s) => s === 404)).toBe(true);
    expect(result[limited]).toBe(429);
    const other = await guesses(server, 1, () => ({
      headers: { 'x-forwarded-for': '203.0.113.7, 203.0.113.8' },
    }));
    expect(other).toEqual([404]);
  });

  it('with a list of proxies, skips every listed hop and trusts only a listed peer', async () => {
    const server = await serve({ trustProxy: true, trustedProxies: ['127.0.0.1', '10.0.0.0/8'] });
    const result = await guesses(server, limited + 1, (i) => ({
      headers: { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.9, 10.1.2.3` },
    }));
    expect(result[limited]).toBe(429);
    // A peer that is not a listed proxy is the client, whatever it forwards.
    const direct = await guesses(server, limited + 1, (i) => ({
      localAddress: '127.0.0.2',
      headers: { 'x-forwarded-for': `203.0.113.${100 + i}` },
    }));
    expect(direct[limited]).toBe(429);
  });

  it('a client inside a listed range cannot pick its own address', async () => {
    const server = await serve({ trustProxy: true, trustedProxies: ['127.0.0.0/8', '10.0.0.0/8'] });
    // Every hop listed, the forged one different each time: the connecting peer is the key.
    const result = await guesses(server, limited + 1, (i) => ({
      localAddress: '127.0.0.4',
      headers: { 'x-forwarded-for': `10.7.7.${i}` },
    }));
    expect(result.slice(0, limited).every((s) => s === 404)).toBe(true);
    expect(result[limited]).toBe(429);
  });

  it('without a proxy, ignores X-Forwarded-For', async () => {
    const server = await serve({});
    const result = await guesses(server, limited + 1, (i) => ({
      localAddress: '127.0.0.3',
      headers: { 'x-forwarded-for': `203.0.113.${200 + i}` },
    }));
    expect(result[limited]).toBe(429);
  });
});
