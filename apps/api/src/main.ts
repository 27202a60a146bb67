import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { primaryReports, replicaReports } from './db/replica.ts';
import { createLogger } from './http/logger.ts';
import { lingerOnClose } from './http/lingering-close.ts';
import { systemClock } from './jobs/clock.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from './demo/seed.service.ts';
import { seedDemoRatings } from './demo/demo-ratings.ts';
import { seedDemoSurvey } from './demo/demo-survey.ts';
import { smtpMailer } from './alerts/alert-mailer.ts';
import { createHailongRunner } from './jobs/job-list.ts';
import { createShutdown } from './shutdown.ts';

const appsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** How often the job runner looks for events and due jobs: a burst is raised within seconds. */
const RUNNER_TICK_MS = 2_000;
/** How often the read replica's lag is measured. */
const REPLICA_CHECK_MS = 5_000;

/** Migrates, seeds an empty database, serves everything on one port, and stops cleanly. */
async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.databaseUrl);
  const { repos } = database;
  let demo = false;
  let generated: string | null | undefined;
  // Under the start lock with the migrations: of processes starting together on an empty
  // database, the first makes the admin and the demo, the others find them made.
  await database.migrate(async () => {
    demo = config.demo && (await seedDemoCatalogue(repos, systemClock));
    // The first admin before the demo's staff accounts: it is created only while there is no user.
    generated = await ensureFirstAdmin(repos, systemClock, config.adminPassword);
    if (demo) {
      await seedDemoRatings(repos, systemClock);
      await seedDemoSurvey(repos, systemClock);
    }
  });
  if (demo) {
    console.log(
      'Đã tạo dữ liệu mẫu: đơn vị, lĩnh vực, 4 tháng đánh giá và phản ánh (demo data seeded).',
    );
  }
  if (typeof generated === 'string') {
    console.log(
      `Tài khoản quản trị: admin / ${generated}  (shown once; change it after signing in)`,
    );
  } else if (generated === null) {
    console.log('Tài khoản quản trị: admin (password from HAILONG_ADMIN_PASSWORD)');
  }

  const reportsDb = config.replica
    ? replicaReports(repos, config.replica.url, config.replica.maxLagSeconds, logger)
    : primaryReports(repos);
  const replicaAt = await reportsDb.check();
  if (replicaAt) {
    console.log(
      `  Báo cáo đọc từ ${replicaAt.serving === 'replica' ? 'bản sao' : 'máy chính'} ` +
        `(reports read the ${replicaAt.serving}: ${replicaAt.reason})`,
    );
  }
  reportsDb.start(REPLICA_CHECK_MS);
  const shutdown = createShutdown(logger, config.shutdownTimeoutMs);
  const app = createApp({
    repos,
    reportsDb,
    dialect: database.dialect,
    clock: systemClock,
    ping: async () => void (await sql`select 1`.execute(database.db)),
    pendingMigrations: database.pendingMigrations,
    draining: shutdown.draining,
    metricsToken: config.metricsToken,
    logger,
    trustProxy: config.trustProxy,
    trustedProxies: config.trustedProxies,
    publicUrl: config.publicUrl,
    publicStatsTtlMs: config.publicStatsTtlMs,
    tabletKeepDays: config.tabletKeepDays,
    assessmentRules: config.assessmentRules,
    backupDir: config.backup?.dir,
    staticDirs: {
      console: join(appsDir, 'console', 'dist'),
      kiosk: join(appsDir, 'kiosk', 'dist'),
      phone: join(appsDir, 'phone', 'dist'),
    },
  });
  // Tablets need HTTPS (or localhost) for the service worker, IndexedDB persistence and WebCrypto.
  const tls = config.tls && {
    createServer: createHttpsServer,
    serverOptions: {
      cert: readFileSync(config.tls.certFile),
      key: readFileSync(config.tls.keyFile),
    },
  };
  const server = serve(
    { fetch: app.fetch, port: config.port, hostname: config.host, ...tls },
    (info) => {
      const base = config.publicUrl ?? `${tls ? 'https' : 'http'}://localhost:${info.port}`;
      console.log(`hailong (${database.dialect}) đang chạy / running:`);
      console.log(`  Console:  ${base}/`);
      console.log(`  Kiosk:    ${base}/kiosk/`);
      console.log(`  API:      ${base}/api/v1/  (OpenAPI: ${base}/api/v1/openapi.json)`);
      if (!tls)
        console.log(
          '  (Tablets on the network need HTTPS: set TLS_CERT_FILE/TLS_KEY_FILE or use a TLS proxy.)',
        );
      console.log(
        config.publicUrl
          ? `  Địa chỉ công khai / public address: ${config.publicUrl}`
          : '  (Set PUBLIC_URL to the address tablets and phones reach, e.g. https://hailong.tinh.gov.vn.)',
      );
    },
  );

  // A refused body's sender still reads the refusal (see http/lingering-close.ts).
  lingerOnClose(server);

  // Every background job — alerts, mail, digests, retention, scale changes, the daily backup —
  // and the reactions to events, in one process at a time (a lease in the database).
  if (!config.mail) console.log('  (Cảnh báo chỉ hiện trong trang quản trị: chưa đặt SMTP_URL.)');
  const mailer = config.mail && smtpMailer(config.mail);
  const runner = createHailongRunner({
    repos,
    clock: systemClock,
    logger,
    alerts: {
      intervalMs: config.alertsIntervalMs,
      mailer,
      from: config.mail?.from,
      consoleUrl: config.publicUrl,
    },
    backup: config.backup && { schedule: config.backup, databaseUrl: config.databaseUrl },
  });
  runner.start(RUNNER_TICK_MS);
  shutdown.onSignal(server, async () => {
    // Released, so another process takes the jobs over at once.
    await runner.stop();
    mailer?.close();
    await reportsDb.close();
    await database.close();
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
