import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TT01_RULES } from '@hailong/domain';
import { readConfig } from './config.ts';

describe('configuration', () => {
  it('reads a read replica beside a PostgreSQL primary, and refuses one beside SQLite', () => {
    const primary = 'postgres://hailong@db1/hailong';
    expect(readConfig({ DATABASE_URL: primary }).replica).toBeUndefined();
    expect(
      readConfig({ DATABASE_URL: primary, REPLICA_DATABASE_URL: 'postgres://hailong@db2/hailong' })
        .replica,
    ).toEqual({ url: 'postgres://hailong@db2/hailong', maxLagSeconds: 30 });
    expect(
      readConfig({
        DATABASE_URL: primary,
        REPLICA_DATABASE_URL: 'postgresql://db2/hailong',
        REPLICA_MAX_LAG_SECONDS: '10',
      }).replica?.maxLagSeconds,
    ).toBe(10);
    expect(() => readConfig({ REPLICA_DATABASE_URL: 'postgres://db2/hailong' })).toThrow(
      /REPLICA_DATABASE_URL cần DATABASE_URL là PostgreSQL.*SQLite has none/,
    );
    expect(() =>
      readConfig({ DATABASE_URL: primary, REPLICA_DATABASE_URL: 'file:replica.db' }),
    ).toThrow(/REPLICA_DATABASE_URL: use postgres/);
    expect(() =>
      readConfig({
        DATABASE_URL: primary,
        REPLICA_DATABASE_URL: 'postgres://db2/hailong',
        REPLICA_MAX_LAG_SECONDS: '0',
      }),
    ).toThrow(/REPLICA_MAX_LAG_SECONDS/);
  });

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

  describe('the province’s TT 01/2018 rules (HAILONG_ASSESSMENT_RULES_FILE)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hailong-rules-'));
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const read = (path: string) => readConfig({ HAILONG_ASSESSMENT_RULES_FILE: path });

    it('keeps hailong’s proposal when unset, and says nobody set them', () => {
      expect(readConfig({}).assessmentRules).toBeUndefined();
    });

    it('takes what the file sets and keeps the rest', () => {
      const bands = [
        { min: 0.8, vi: 'Đạt', en: 'Pass' },
        { min: 0, vi: 'Chưa đạt', en: 'Not yet' },
      ];
      const rules = read(file('ok.json', JSON.stringify({ bands, minAnswersToRank: 50 })));
      expect(rules.assessmentRules).toEqual({ ...TT01_RULES, bands, minAnswersToRank: 50 });
    });

    it.each([
      ['not JSON', '{ bands: ', /HAILONG_ASSESSMENT_RULES_FILE .*JSON/],
      ['an unknown key', '{"band": []}', /Unrecognized key.*band/],
      ['points above 2', '{"visits": [3, 1, 0]}', /visits\.0/],
      [
        'bands not from the highest down',
        '{"bands": [{"min": 0, "vi": "Kém", "en": "Poor"}, {"min": 0.9, "vi": "Tốt", "en": "Good"}]}',
        /highest min down/,
      ],
      [
        'no band for the lowest totals',
        '{"bands": [{"min": 0.5, "vi": "Đạt", "en": "Pass"}]}',
        /last band has min 0/,
      ],
    ])('stops the start on %s, naming the variable', (_, text, why) => {
      const path = file('bad.json', text);
      expect(() => read(path)).toThrow(/^Invalid configuration: HAILONG_ASSESSMENT_RULES_FILE/);
      expect(() => read(path)).toThrow(why);
    });

    it('stops the start on a file that is not there', () => {
      expect(() => read(join(dir, 'missing.json'))).toThrow(
        /HAILONG_ASSESSMENT_RULES_FILE.*ENOENT/,
      );
    });
  });
});
