/**
 * Every alert mail is sent exactly once by two real API processes on one PostgreSQL database, both
 * running the job runner (alerts every second) against a real SMTP server in this process
 * (STARTTLS, password): a burst of unhappy ratings sent to one process is mailed once; then one process is
 * killed (SIGKILL) and the other stopped, both start again, and a second burst is mailed once while
 * the first is not mailed again. Every Message-ID the server received is unique, and the received
 * set is exactly the outbox's sent rows.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../support/databases.ts';
import { startSmtp, type TestSmtp } from '../support/smtp-server.ts';
import {
  freePort,
  startServer,
  stopServer,
  type ServerProcess,
} from '../support/server-process.ts';
import { openDatabase } from '../../apps/api/src/db/connect.ts';

const PASSWORD = 'kiem-thu-canh-bao-2026';
const LEADER = 'lanh.dao@xa-thu.gov.vn';

describe('alert mails from two API processes on one PostgreSQL database', () => {
  let smtp: TestSmtp;
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  const servers: ServerProcess[] = [];
  const ports: number[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    smtp = await startSmtp();
    database = await freshDatabaseUrl('postgres');
    env = {
      DATABASE_URL: database.url,
      HAILONG_ADMIN_PASSWORD: PASSWORD,
      HAILONG_DEMO: '0',
      SMTP_URL: smtp.url,
      SMTP_TLS_INSECURE: '1',
      MAIL_FROM: 'Hệ thống hài lòng <canhbao@tinh.gov.vn>',
      HAILONG_ALERTS_INTERVAL_SECONDS: '1',
    };
    for (let i = 0; i < 2; i++) {
      ports.push(await freePort());
      servers.push(await startServer(ports[i]!, env));
    }
  });
  afterAll(async () => {
    for (const server of servers) await stopServer(server);
    await smtp?.close();
    await database?.dispose();
  });

  async function api(server: ServerProcess, path: string, body?: unknown, cookie?: string) {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        origin: server.baseUrl,
        'content-type': 'application/json',
        ...(cookie && { cookie }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res;
  }

  /** Three unhappy ratings a minute apart, uploaded by `token` to `server`. */
  async function burst(server: ServerProcess, device: { deviceId: string; token: string }) {
    const now = Date.now();
    const items = [1, 2, 1].map((level, i) => ({
      id: randomUUID(),
      deviceId: device.deviceId,
      seq: i + 1,
      deviceTime: new Date(now - (3 - i) * 60_000).toISOString(),
      schemaVersion: 1,
      kind: 'rating',
      sectorId,
      level,
      reasons: [],
      possibleRepeat: false,
    }));
    const res = await fetch(`${server.baseUrl}/api/v1/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ protocol: 1, items }),
    });
    const { results } = await res.json();
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
  }

  let sectorId = '';

  it('sends each alert exactly once, across processes and a restart', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const login = await api(a, '/api/v1/auth/login', { username: 'admin', password: PASSWORD });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const unit = await (
      await api(
        a,
        '/api/v1/setup/first-unit',
        {
          unit: { code: 'xa-thu', name: 'UBND xã Thử', kind: 'commune' },
          sector: { code: 'ho-tich', name: 'Hộ tịch' },
          counter: { code: 'quay-1', name: 'Quầy số 1' },
        },
        cookie,
      )
    ).json();
    sectorId = unit.sectorId;
    await api(
      b,
      '/api/v1/users',
      {
        username: 'lanh.dao',
        displayName: 'Trần Văn Lãnh',
        role: 'supervisor',
        unitId: unit.unitId,
        password: PASSWORD,
        email: LEADER,
        alertDelivery: 'immediate',
      },
      cookie,
    );
    const enroll = async (counterId?: string) => {
      const { code } = await (
        await api(
          a,
          '/api/v1/enrollments',
          { unitId: unit.unitId, label: counterId ? 'Quầy 1' : 'Máy lưu động', counterId },
          cookie,
        )
      ).json();
      return (await api(b, '/api/v1/devices/enroll', { code })).json();
    };
    const first = await enroll(unit.counterId);
    const second = await enroll();

    await burst(b, first);
    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({
      envelopeTo: [LEADER],
      subject: '[Cảnh báo] Nhiều đánh giá chưa hài lòng – UBND xã Thử',
    });
    expect(mail!.text).toContain('Kính gửi Trần Văn Lãnh,');
    expect(mail!.text).toMatch(/UBND xã Thử – Quầy số 1: 3 đánh giá chưa hài lòng trong khoảng/);

    // One process dies without warning, the other stops cleanly; both start again.
    await stopServer(a, 'SIGKILL');
    await stopServer(b);
    servers[0] = await startServer(ports[0]!, env);
    servers[1] = await startServer(ports[1]!, env);
    await burst(servers[0], second);
    const mails = await smtp.waitFor(2);
    expect(mails[1]).toMatchObject({ envelopeTo: [LEADER] });
    expect(mails[1]!.text).toMatch(/máy Máy lưu động: 3 đánh giá chưa hài lòng/);

    // Let both processes run the job a few more times, then compare with the outbox.
    const db = await openDatabase(database.url);
    try {
      const leaseTurns = async () =>
        (await db.db.selectFrom('jobLeases').select('expiresAt').executeTakeFirstOrThrow())
          .expiresAt;
      const seen = await leaseTurns();
      const deadline = Date.now() + 20_000;
      while ((await leaseTurns()) < seen + 3_000 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
      }
      const sent = await db.repos.outbox.list();
      expect(sent.map((d) => d.status)).toEqual(['sent', 'sent']);
      const ids = smtp.received.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(sent.map((d) => `<${d.id}@tinh.gov.vn>`).sort());
    } finally {
      await db.close();
    }
  });
});
