import { describe, expect, it } from 'vitest';
import { addressGroup } from './throttle.ts';

describe('addressGroup', () => {
  it('counts an IPv6 address as its /64, however it is written', () => {
    const group = '2001:db8:a:1::/64';
    for (const address of [
      '2001:db8:a:1::1',
      '2001:0db8:000a:0001:ffff:ffff:ffff:ffff',
      '2001:DB8:A:1:1234:5678:9abc:def0',
      '2001:db8:a:1:0:0:0:9',
      '2001:db8:a:1::ffff:192.0.2.1',
    ]) {
      expect(addressGroup(address)).toBe(group);
    }
    expect(addressGroup('2001:db8:a:2::1')).toBe('2001:db8:a:2::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressGroup('2001:db8::')).toBe('2001:db8:0:0::/64');
  });

  it('counts an IPv4 address, or an unknown one, as itself', () => {
    expect(addressGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('unknown')).toBe('unknown');
  });
});
