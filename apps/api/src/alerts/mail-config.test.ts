import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';

describe('mail settings for alerts', () => {
  const FROM = 'Hệ thống hài lòng <canhbao@tinh.gov.vn>';

  it('are off without a server, and take SMTP_URL or its parts', () => {
    expect(readConfig({}).mail).toBeUndefined();
    expect(readConfig({}).alertsIntervalMs).toBe(60_000);
    expect(
      readConfig({ SMTP_URL: 'smtps://u:p@mail.tinh.gov.vn:465', MAIL_FROM: FROM }).mail,
    ).toEqual({
      url: 'smtps://u:p@mail.tinh.gov.vn:465',
      from: FROM,
      requireTls: false,
      tlsInsecure: false,
    });
    const parts = readConfig({
      SMTP_HOST: 'mail.tinh.gov.vn',
      SMTP_USER: 'canh.bao',
      SMTP_PASS: 'p@ss:word',
      MAIL_FROM: 'canhbao@tinh.gov.vn',
    }).mail!;
    expect(parts.url).toBe('smtp://canh.bao:p%40ss%3Aword@mail.tinh.gov.vn:587');
    // On smtp:// STARTTLS is required unless turned off for a local relay.
    expect(parts.requireTls).toBe(true);
    expect(
      readConfig({ SMTP_HOST: 'localhost', SMTP_REQUIRE_TLS: '0', MAIL_FROM: FROM }).mail!
        .requireTls,
    ).toBe(false);
    expect(readConfig({ SMTP_HOST: 'h.vn', SMTP_SECURE: '1', MAIL_FROM: FROM }).mail!.url).toBe(
      'smtps://h.vn:465',
    );
  });

  it('refuse what a clerk could get wrong, naming the variable', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ SMTP_URL: 'https://mail.tinh.gov.vn', MAIL_FROM: FROM }, /SMTP_URL: phải bắt đầu/],
      [{ SMTP_URL: 'not a url', MAIL_FROM: FROM }, /SMTP_URL/],
      [{ SMTP_URL: 'smtps://h.vn' }, /MAIL_FROM: cần địa chỉ/],
      [{ SMTP_URL: 'smtps://h.vn', MAIL_FROM: 'canh bao' }, /MAIL_FROM: "canh bao"/],
      [{ MAIL_FROM: FROM }, /thiếu SMTP_URL hoặc SMTP_HOST/],
      [{ SMTP_URL: 'smtps://h.vn', SMTP_HOST: 'h.vn', MAIL_FROM: FROM }, /không đặt cả hai/],
      [{ SMTP_HOST: 'h.vn', SMTP_PORT: '99999', MAIL_FROM: FROM }, /SMTP_PORT/],
      [{ SMTP_HOST: 'h.vn', SMTP_USER: 'u', MAIL_FROM: FROM }, /SMTP_USER và SMTP_PASS/],
      [
        { SMTP_HOST: 'h.vn', SMTP_SECURE: 'yes', MAIL_FROM: FROM },
        /SMTP_SECURE: chỉ nhận 0 hoặc 1/,
      ],
      [{ HAILONG_ALERTS_INTERVAL_SECONDS: '0' }, /HAILONG_ALERTS_INTERVAL_SECONDS/],
    ];
    for (const [env, message] of bad)
      expect(() => readConfig(env), JSON.stringify(env)).toThrow(message);
  });
});
