/**
 * Who the client is when a reverse proxy sits in front. `X-Forwarded-For` is a list each proxy
 * appends to, so only its right-hand end is written by proxies we trust; anything to the left of the
 * first untrusted hop was written by the client and proves nothing. With one proxy (TRUST_PROXY=1)
 * the peer is the proxy and the right-most hop is the client; with a list (TRUSTED_PROXIES) the peer
 * must be on it, and the client is the right-most hop outside the list. A client whose own address
 * is listed is, to us, a proxy: when no hop is outside the list (or a hop is not an address at all,
 * which no proxy writes), everything left in the header may be its own invention, so the key is
 * the connecting peer, the one address nobody picks.
 */
import { BlockList, isIP } from 'node:net';

export type ProxyTrust =
  { kind: 'none' } | { kind: 'one-hop' } | { kind: 'list'; proxies: BlockList };

/** Builds the trust from TRUST_PROXY and TRUSTED_PROXIES (addresses or CIDR ranges). */
export function proxyTrust(trustProxy: boolean, trustedProxies?: readonly string[]): ProxyTrust {
  if (!trustProxy) return { kind: 'none' };
  if (!trustedProxies?.length) return { kind: 'one-hop' };
  const proxies = new BlockList();
  for (const entry of trustedProxies) addProxy(proxies, entry);
  return { kind: 'list', proxies };
}

function addProxy(list: BlockList, entry: string) {
  const [address = '', prefix, extra] = entry.trim().split('/');
  const family = isIP(address);
  const bits = family === 4 ? 32 : 128;
  const length = prefix === undefined ? bits : Number(prefix);
  if (!family || extra !== undefined || !/^\d*$/.test(prefix ?? '') || !(length <= bits)) {
    throw new Error(`not an IP address or CIDR range: "${entry}"`);
  }
  list.addSubnet(address, length, family === 4 ? 'ipv4' : 'ipv6');
}

/** An IPv4 address as a dual-stack socket reports it (`::ffff:a.b.c.d`) is that IPv4 address. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrusted(trust: ProxyTrust, address: string): boolean {
  if (trust.kind !== 'list') return false;
  const family = isIP(address);
  return family !== 0 && trust.proxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function hops(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((hop) => normalise(hop.trim()))
    .filter((hop) => hop !== '');
}

/** The address limits are keyed on: `peer` is the socket's remote address (absent in-process). */
export function clientAddress(
  trust: ProxyTrust,
  peer: string | undefined,
  forwardedFor: string | undefined,
): string {
  const direct = peer === undefined ? 'unknown' : normalise(peer);
  if (trust.kind === 'none') return direct;
  if (trust.kind === 'one-hop') return hops(forwardedFor).at(-1) ?? direct;
  if (!isTrusted(trust, direct)) return direct;
  const chain = hops(forwardedFor);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i]!;
    if (isIP(hop) === 0) break;
    if (!isTrusted(trust, hop)) return hop;
  }
  return direct;
}

/** Whether a trusted proxy says the client reached it over HTTPS (its own, right-most, word). */
export function forwardedHttps(
  trust: ProxyTrust,
  peer: string | undefined,
  forwardedProto: string | undefined,
): boolean {
  if (trust.kind === 'none') return false;
  if (trust.kind === 'list' && (peer === undefined || !isTrusted(trust, normalise(peer)))) {
    return false;
  }
  return forwardedProto?.split(',').at(-1)?.trim().toLowerCase() === 'https';
}
