import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('leaves the public address unset by default', () => {
    expect(readConfig({}).publicUrl).toBeUndefined();
  });

  it.each([
    ['https://hailong.tinh.gov.vn', 'https://hailong.tinh.gov.vn'],
    ['https://hailong.tinh.gov.vn/', 'https://hailong.tinh.gov.vn'],
    ['http://10.0.0.5:8787', 'http://10.0.0.5:8787'],
    ['HTTPS://Hailong.Tinh.Gov.VN:443', 'https://hailong.tinh.gov.vn'],
  ])('reads PUBLIC_URL %s as %s', (value, expected) => {
    expect(readConfig({ PUBLIC_URL: value }).publicUrl).toBe(expected);
  });

  it.each([
    'hailong.tinh.gov.vn',
    'https://portal.tinh.gov.vn/hailong',
    'ftp://hailong.tinh.gov.vn',
    'https://x.vn/?a=1',
    'https://x.vn/#a',
  ])('refuses PUBLIC_URL %s with a message naming the variable', (value) => {
    expect(() => readConfig({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL/);
  });
});
