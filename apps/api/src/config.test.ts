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

  it('reads the public origin: scheme, host and port, nothing else', () => {
    expect(readConfig({}).publicUrl).toBeUndefined();
    expect(readConfig({ PUBLIC_URL: 'https://hailong.example.gov.vn/' }).publicUrl).toBe(
      'https://hailong.example.gov.vn',
    );
    expect(readConfig({ PUBLIC_URL: 'https://hailong.example:443' }).publicUrl).toBe(
      'https://hailong.example',
    );
    expect(readConfig({ PUBLIC_URL: 'http://10.0.0.5:8787' }).publicUrl).toBe(
      'http://10.0.0.5:8787',
    );
    for (const bad of ['hailong.example', 'ftp://hailong.example', 'https://hailong.example/app']) {
      expect(() => readConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
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

  it('reads the metrics token, and refuses one that is short or not a header-safe token', () => {
    expect(readConfig({}).metricsToken).toBeUndefined();
    const token = 'a1b2c3d4'.repeat(8);
    expect(readConfig({ METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(readConfig({ METRICS_TOKEN: `${'Zm9v'.repeat(11)}==` }).metricsToken).toMatch(/==$/);
    for (const bad of ['short-token', `${token} x`, `${token}\n`, `${token}"`]) {
      expect(() => readConfig({ METRICS_TOKEN: bad }), bad).toThrow(/METRICS_TOKEN/);
    }
  });

  it('reads the shutdown timeout in seconds, 20 by default', () => {
    expect(readConfig({}).shutdownTimeoutMs).toBe(20_000);
    expect(readConfig({ HAILONG_SHUTDOWN_TIMEOUT_SECONDS: '5' }).shutdownTimeoutMs).toBe(5_000);
    expect(() => readConfig({ HAILONG_SHUTDOWN_TIMEOUT_SECONDS: '0' })).toThrow(
      /HAILONG_SHUTDOWN_TIMEOUT_SECONDS/,
    );
  });

  it('reads the daily backup and how long tablets keep what they sent', () => {
    expect(readConfig({}).backup).toBeUndefined();
    expect(readConfig({}).tabletKeepDays).toBe(30);
    expect(readConfig({ HAILONG_BACKUP_DIR: '/var/backups/hailong' }).backup).toEqual({
      dir: '/var/backups/hailong',
      atMinute: 150,
      keepDays: 14,
    });
    const set = readConfig({
      HAILONG_BACKUP_DIR: '/srv/sao-luu',
      HAILONG_BACKUP_AT: '23:05',
      HAILONG_BACKUP_KEEP_DAYS: '30',
      HAILONG_TABLET_KEEP_DAYS: '45',
    });
    expect(set.backup).toEqual({ dir: '/srv/sao-luu', atMinute: 23 * 60 + 5, keepDays: 30 });
    expect(set.tabletKeepDays).toBe(45);
    for (const bad of ['2:30', '24:00', '02:60', 'sáng']) {
      expect(() => readConfig({ HAILONG_BACKUP_AT: bad }), bad).toThrow(/HAILONG_BACKUP_AT.*02:30/);
    }
    expect(() => readConfig({ HAILONG_TABLET_KEEP_DAYS: '0' })).toThrow(/HAILONG_TABLET_KEEP_DAYS/);
  });
});
