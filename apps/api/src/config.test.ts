import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('configuration', () => {
  it('reads a list of trusted proxies, only with TRUST_PROXY=1', () => {
    expect(readConfig({}).trustedProxies).toBeUndefined();
    expect(
      readConfig({ TRUST_PROXY: '1', TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1' }).trustedProxies,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(() => readConfig({ TRUSTED_PROXIES: '127.0.0.1' })).toThrow(/TRUST_PROXY=1/);
    expect(() => readConfig({ TRUST_PROXY: '1', TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(
      /TRUSTED_PROXIES.*10\.0\.0\.0\/40/,
    );
  });
});
