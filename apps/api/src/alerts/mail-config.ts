/**
 * Mail settings for alerts, from the environment: either `SMTP_URL` (smtps://user:pass@host:465,
 * TLS from the start, or smtp://user:pass@host:587 with STARTTLS) or its parts `SMTP_HOST`,
 * `SMTP_PORT`, `SMTP_SECURE`, `SMTP_USER`, `SMTP_PASS`; and `MAIL_FROM`. On smtp:// STARTTLS is
 * required unless `SMTP_REQUIRE_TLS=0` (a relay on the same machine), so a password never crosses
 * the network in clear. Messages name the variable and say what to write, in Vietnamese first.
 */
import type { SmtpSettings } from './alert-mailer.ts';

const fail = (message: string): never => {
  throw new Error(`Invalid configuration: ${message}`);
};

const ADDRESS = /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/;

/** The SMTP settings, or undefined when no server is set (alerts then stay in the console). */
export function readMailConfig(env: NodeJS.ProcessEnv): SmtpSettings | undefined {
  const url = smtpUrl(env);
  if (!url) {
    if (env.MAIL_FROM)
      fail('MAIL_FROM đã đặt nhưng thiếu SMTP_URL hoặc SMTP_HOST (no SMTP server)');
    return undefined;
  }
  const from = env.MAIL_FROM?.trim();
  if (!from)
    fail('MAIL_FROM: cần địa chỉ gửi thư, ví dụ "Hệ thống hài lòng <canhbao@tinh.gov.vn>"');
  if (!ADDRESS.test(from!))
    fail(`MAIL_FROM: "${from}" không phải địa chỉ e-mail (e.g. canhbao@tinh.gov.vn)`);
  return {
    url,
    from: from!,
    requireTls: url.startsWith('smtp:') && flag(env, 'SMTP_REQUIRE_TLS', true),
    tlsInsecure: flag(env, 'SMTP_TLS_INSECURE', false),
  };
}

function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (env.SMTP_URL) {
    if (env.SMTP_HOST) fail('đặt SMTP_URL hoặc SMTP_HOST, không đặt cả hai (set one, not both)');
    let parsed: URL;
    try {
      parsed = new URL(env.SMTP_URL);
    } catch {
      return fail('SMTP_URL: phải có dạng smtps://tên:mật-khẩu@máy-chủ:465 (not a URL)');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
      fail('SMTP_URL: phải bắt đầu bằng smtps:// (TLS) hoặc smtp:// (STARTTLS)');
    if (!parsed.hostname) fail('SMTP_URL: thiếu tên máy chủ thư (no host)');
    return env.SMTP_URL;
  }
  if (!env.SMTP_HOST) return undefined;
  const secure = flag(env, 'SMTP_SECURE', false);
  const port = env.SMTP_PORT ? Number(env.SMTP_PORT) : secure ? 465 : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`SMTP_PORT: "${env.SMTP_PORT}" không phải cổng 1–65535 (not a port)`);
  if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASS))
    fail('SMTP_USER và SMTP_PASS: đặt cả hai hoặc không đặt (set both or neither)');
  const auth = env.SMTP_USER
    ? `${encodeURIComponent(env.SMTP_USER)}:${encodeURIComponent(env.SMTP_PASS!)}@`
    : '';
  return `${secure ? 'smtps' : 'smtp'}://${auth}${env.SMTP_HOST}:${port}`;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (value !== '0' && value !== '1') fail(`${name}: chỉ nhận 0 hoặc 1 (only 0 or 1)`);
  return value === '1';
}

/** How often the alerts job runs (HAILONG_ALERTS_INTERVAL_SECONDS, default 60). */
export function readAlertsInterval(env: NodeJS.ProcessEnv): number {
  const raw = env.HAILONG_ALERTS_INTERVAL_SECONDS;
  if (raw === undefined || raw === '') return 60_000;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
    fail('HAILONG_ALERTS_INTERVAL_SECONDS: số giây từ 1 đến 3600 (1–3600)');
  return seconds * 1000;
}
