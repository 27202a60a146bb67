import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AssessmentRulesFile, rulesFromFile } from '@hailong/contracts';
import type { AssessmentRules } from '@hailong/domain';
import { DEFAULT_KEEP_SENT_DAYS } from '@hailong/domain';
import { LOG_LEVELS } from './http/logger.ts';
import { proxyTrust } from './http/forwarded.ts';
import { readAlertsInterval, readMailConfig } from './alerts/mail-config.ts';
import type { SmtpSettings } from './alerts/alert-mailer.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('file:data/hailong.db'),
  HAILONG_ADMIN_PASSWORD: z.string().min(10).max(256).optional(),
  HAILONG_DEMO: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('warn'),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  TRUSTED_PROXIES: z.string().optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine((url) => /^[^/]+\/\/[^/]+\/?$/.test(url), 'only scheme, host and port: no path')
    .optional(),
  HAILONG_PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  // Sent in an Authorization header: the characters of RFC 9110's token68, and long enough
  // that it cannot be guessed (`openssl rand -hex 32`).
  METRICS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9._~+/-]+=*$/, 'letters, digits and -._~+/ only (e.g. openssl rand -hex 32)')
    .min(32)
    .optional(),
  // Below systemd's TimeoutStopSec (30 s in deploy/hailong.service), which ends in SIGKILL.
  HAILONG_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  // Daily backups into this folder (unset: none scheduled; `npm run backup` still works).
  HAILONG_BACKUP_DIR: z.string().min(1).optional(),
  HAILONG_BACKUP_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ:phút theo giờ Việt Nam, ví dụ 02:30')
    .default('02:30'),
  HAILONG_BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  HAILONG_TABLET_KEEP_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_KEEP_SENT_DAYS),
  // The province's TT 01/2018 thresholds and classification (JSON; unset: hailong's proposal).
  HAILONG_ASSESSMENT_RULES_FILE: z.string().min(1).optional(),
  // A PostgreSQL streaming standby the read-only reports read from (db/replica.ts).
  REPLICA_DATABASE_URL: z.string().min(1).optional(),
  // Beyond this replay lag the reports read the primary again.
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Password for the first `admin` account on an empty database; random (printed once) if unset. */
  adminPassword: string | undefined;
  /** Seed the demo catalogue into an empty database. */
  demo: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  trustProxy: boolean;
  /** Addresses or CIDR ranges of the reverse proxies; unset: only the direct peer is the proxy. */
  trustedProxies: string[] | undefined;
  publicStatsTtlMs: number;
  /** Serve HTTPS with this certificate and key (PEM files); tablets need HTTPS to work offline. */
  tls: { certFile: string; keyFile: string } | undefined;
  /**
   * The origin browsers, tablets and citizens' phones reach us at (scheme, host, port), e.g.
   * `https://hailong.tinh.gov.vn`. Enrollment links, QR codes and the lookup address use it, never
   * the address a browser happened to open the console on.
   */
  publicUrl: string | undefined;
  /** The bearer token that opens /metrics; unset: /metrics is off (404). */
  metricsToken: string | undefined;
  /** How long a stop may wait for requests in flight before the process exits with 1. */
  shutdownTimeoutMs: number;
  /** SMTP for alert mails (SMTP_URL or SMTP_HOST…, MAIL_FROM); unset: alerts in the console only. */
  mail: SmtpSettings | undefined;
  /** How often the alerts job runs. */
  alertsIntervalMs: number;
  /** The daily backup: into `dir`, at `atMinute` after midnight in Việt Nam, kept `keepDays`. */
  backup: BackupSchedule | undefined;
  /** Days tablets keep acknowledged records, to resend them after a restore. */
  tabletKeepDays: number;
  /** The province's own TT 01/2018 rules; undefined: hailong's proposal (TT01_RULES). */
  assessmentRules: AssessmentRules | undefined;
  /** Reports read this standby while its lag is at most `maxLagSeconds`; unset: the primary. */
  replica: { url: string; maxLagSeconds: number } | undefined;
}

export interface BackupSchedule {
  dir: string;
  atMinute: number;
  keepDays: number;
}

/** Reads the environment; a bad value stops the start with a message naming the variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.HAILONG_ADMIN_PASSWORD,
    demo: e.HAILONG_DEMO === '1',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === '1',
    trustedProxies: proxyList(e.TRUST_PROXY === '1', e.TRUSTED_PROXIES),
    publicStatsTtlMs: e.HAILONG_PUBLIC_CACHE_SECONDS * 1000,
    publicUrl: e.PUBLIC_URL && new URL(e.PUBLIC_URL).origin,
    tls: tlsFiles(e.TLS_CERT_FILE, e.TLS_KEY_FILE),
    metricsToken: e.METRICS_TOKEN,
    shutdownTimeoutMs: e.HAILONG_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    mail: readMailConfig(env),
    alertsIntervalMs: readAlertsInterval(env),
    backup: e.HAILONG_BACKUP_DIR
      ? {
          dir: e.HAILONG_BACKUP_DIR,
          atMinute:
            Number(e.HAILONG_BACKUP_AT.slice(0, 2)) * 60 + Number(e.HAILONG_BACKUP_AT.slice(3)),
          keepDays: e.HAILONG_BACKUP_KEEP_DAYS,
        }
      : undefined,
    tabletKeepDays: e.HAILONG_TABLET_KEEP_DAYS,
    assessmentRules: e.HAILONG_ASSESSMENT_RULES_FILE
      ? readAssessmentRules(e.HAILONG_ASSESSMENT_RULES_FILE)
      : undefined,
    replica: replicaSettings(e.DATABASE_URL, e.REPLICA_DATABASE_URL, e.REPLICA_MAX_LAG_SECONDS),
  };
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** A standby only makes sense beside a PostgreSQL primary: SQLite has no streaming replica. */
function replicaSettings(primary: string, url: string | undefined, maxLagSeconds: number) {
  if (url === undefined) return undefined;
  if (!POSTGRES_URL.test(primary)) {
    throw new Error(
      'Invalid configuration: REPLICA_DATABASE_URL cần DATABASE_URL là PostgreSQL; SQLite không có ' +
        'bản sao (a read replica needs a PostgreSQL DATABASE_URL; SQLite has none)',
    );
  }
  if (!POSTGRES_URL.test(url)) {
    throw new Error(
      'Invalid configuration: REPLICA_DATABASE_URL: use postgres://… or postgresql://…',
    );
  }
  return { url, maxLagSeconds };
}

/** The province's scoring rules from its JSON file; a bad file stops the start, saying why. */
export function readAssessmentRules(path: string): AssessmentRules {
  const fail = (why: string): never => {
    throw new Error(`Invalid configuration: HAILONG_ASSESSMENT_RULES_FILE (${path}): ${why}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return fail((err as Error).message);
  }
  const parsed = AssessmentRulesFile.safeParse(json);
  if (!parsed.success) {
    fail(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; '),
    );
  }
  return rulesFromFile(parsed.data!);
}

function proxyList(trustProxy: boolean, list: string | undefined): string[] | undefined {
  if (list === undefined || list.trim() === '') return undefined;
  if (!trustProxy) throw new Error('Invalid configuration: TRUSTED_PROXIES needs TRUST_PROXY=1');
  const entries = list.split(',').map((entry) => entry.trim());
  try {
    proxyTrust(true, entries);
  } catch (err) {
    throw new Error(`Invalid configuration: TRUSTED_PROXIES: ${(err as Error).message}`);
  }
  return entries;
}

function tlsFiles(certFile: string | undefined, keyFile: string | undefined) {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (!certFile || !keyFile) {
    throw new Error('Invalid configuration: set both TLS_CERT_FILE and TLS_KEY_FILE, or neither');
  }
  return { certFile, keyFile };
}
