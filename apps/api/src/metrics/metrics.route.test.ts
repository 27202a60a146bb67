/**
 * /metrics as Prometheus reads it: closed without METRICS_TOKEN, refused without the right bearer
 * token, and with it a strict exposition whose counters moved by exactly what the requests did.
 * Sync counters follow the per-item results of committed batches; HTTP series are labelled by
 * route pattern, so no item id, device id or tracking code becomes a label; device and feedback
 * gauges are read from the database at scrape time.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import { feedback, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import {
  parsePrometheusText,
  sampleValue,
  type Family,
} from '../../../../test/support/prometheus-text.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

const TOKEN = 'b3f1c2d4e5a6978812345678abcdef0011223344556677889900aabbccddeeff';
const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(dialects)('/metrics on %s', (dialect) => {
  let w: SyncWorld;
  let app: ReturnType<typeof testApp>['app'];

  beforeAll(async () => {
    w = await syncWorld(dialect);
    app = testApp(w.database, w.clock, { metricsToken: TOKEN }).app;
  });
  afterAll(() => w?.database.close());

  const scrapeWith = (authorization?: string) =>
    new Session(app).get('/metrics', {
      headers: authorization === undefined ? {} : { authorization },
    });

  async function scrape(): Promise<Map<string, Family>> {
    const res = await scrapeWith(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return parsePrometheusText(await res.text());
  }

  const records = (families: Map<string, Family>, result: string) =>
    sampleValue(families, 'hailong_sync_records_total', { result });
  const requests = (families: Map<string, Family>, labels: Record<string, string>) =>
    sampleValue(families, 'hailong_http_requests_total', labels);

  it('is off (404) when the server has no METRICS_TOKEN', async () => {
    const res = await new Session(w.app).get('/metrics', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it.each([
    ['no header', undefined],
    ['a wrong token of the same length', `Bearer ${TOKEN.slice(0, -1)}0`],
    ['the token as a prefix', `Bearer ${TOKEN}x`],
    ['another scheme', `Basic ${TOKEN}`],
    ['two spaces', `Bearer  ${TOKEN}`],
  ])('refuses %s with 401 and the error shape', async (_name, authorization) => {
    const res = await scrapeWith(authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toEqual({
      error: { code: 'unauthenticated', message: expect.any(String) },
    });
  });

  describe('with the token', () => {
    let device: TestDevice;
    let silent: TestDevice;
    let revoked: TestDevice;
    let trackingCode: string;
    let feedbackId: string;

    beforeAll(async () => {
      device = await w.enroll('Quầy 1');
      silent = await w.enroll('Quầy 2');
      revoked = await w.enroll('Quầy 3');
      const revoke = await w.admin.post(`/api/v1/devices/${revoked.deviceId}/revoke`);
      expect(revoke.status).toBe(204);
    });

    it('counts records by result once their batch committed, and times each batch', async () => {
      const before = await scrape();
      expect([records(before, 'accepted'), records(before, 'duplicate')]).toEqual([0, 0]);
      const sectorId = w.sectors[0]!.id;
      const first = rating(device, 1, { sectorId, level: 5 });
      const complaint = feedback(device, 2);
      trackingCode = complaint.trackingCode;
      const invalid = { id: randomUUID(), deviceId: device.deviceId, seq: 3, kind: 'rating' };

      const one = await sync(new Session(app), device, [first, complaint, invalid]);
      expect((await one.json()).results.map((r: { status: string }) => r.status)).toEqual([
        'accepted',
        'accepted',
        'rejected',
      ]);
      // Seq 5 after 1–2: a hole at 3–4 (the invalid record was not stored).
      const two = await sync(new Session(app), device, [
        first,
        rating(device, 5, { sectorId, level: 4 }),
      ]);
      expect((await two.json()).results.map((r: { status: string }) => r.status)).toEqual([
        'duplicate',
        'accepted',
      ]);
      // Refused before the service: not a batch, no record counted.
      const stranger = { ...device, token: 'A'.repeat(43) };
      expect((await sync(new Session(app), stranger, [first])).status).toBe(401);

      const after = await scrape();
      expect(records(after, 'accepted')).toBe(3);
      expect(records(after, 'duplicate')).toBe(1);
      expect(records(after, 'rejected')).toBe(1);
      const batches = (m: Map<string, Family>) =>
        sampleValue(m, 'hailong_sync_batch_duration_seconds_count') ?? 0;
      expect(batches(after) - batches(before)).toBe(2);
      expect(requests(after, { method: 'POST', route: '/api/v1/sync', status: '200' })).toBe(2);
      expect(requests(after, { method: 'POST', route: '/api/v1/sync', status: '401' })).toBe(1);
    });

    it('labels requests with the route pattern, never the path', async () => {
      const admin = new Session(app);
      admin.cookie = w.admin.cookie;
      const list = await admin.get('/api/v1/feedback');
      feedbackId = (await list.json()).items[0].id;
      expect((await admin.get(`/api/v1/feedback/${feedbackId}`)).status).toBe(200);
      expect((await admin.get(`/api/v1/feedback/${randomUUID()}`)).status).toBe(404);
      const lookup = await new Session(app).get(`/api/v1/public/feedback/${trackingCode}`);
      expect(lookup.status).toBe(200);
      expect((await new Session(app).get('/api/v1/no-such/4242')).status).toBe(404);
      // A middleware refuses before the route runs: still counted under that route.
      const garbled = { authorization: 'Bearer not-a-token' };
      expect((await new Session(app).get('/api/v1/users', { headers: garbled })).status).toBe(401);

      const m = await scrape();
      const item = { method: 'GET', route: '/api/v1/feedback/:id' };
      expect(requests(m, { ...item, status: '200' })).toBe(1);
      expect(requests(m, { ...item, status: '404' })).toBe(1);
      expect(
        requests(m, { method: 'GET', route: '/api/v1/public/feedback/:code', status: '200' }),
      ).toBe(1);
      expect(requests(m, { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
      expect(requests(m, { method: 'GET', route: '/api/v1/users', status: '401' })).toBe(1);
      expect(
        sampleValue(m, 'hailong_http_request_duration_seconds_count', item),
      ).toBeGreaterThanOrEqual(2);

      const routes = new Set(
        ['hailong_http_requests_total', 'hailong_http_request_duration_seconds'].flatMap((name) =>
          m.get(name)!.samples.map((s) => s.labels.route!),
        ),
      );
      for (const route of routes) expect(route).toMatch(/^(unmatched|\/[\w/:.-]*|\*)$/);
      const labels = [...routes].join(' ');
      for (const secret of [feedbackId, trackingCode, revoked.deviceId, '4242', 'no-such']) {
        expect(labels).not.toContain(secret);
      }
    });

    it('reads device and feedback gauges from the database when scraped', async () => {
      const synced = await scrape();
      const age = (m: Map<string, Family>, d: TestDevice) =>
        sampleValue(m, 'hailong_device_last_sync_age_seconds', { device: d.deviceId });
      const gaps = (m: Map<string, Family>, d: TestDevice) =>
        sampleValue(m, 'hailong_device_sequence_gaps', { device: d.deviceId });
      expect(age(synced, device)).toBe(0);
      expect(gaps(synced, device)).toBe(1);
      expect(gaps(synced, silent)).toBe(0);
      // Revoked tablets are not watched; labels are ids, never the human label.
      expect(age(synced, revoked)).toBeUndefined();
      expect(gaps(synced, revoked)).toBeUndefined();
      const devices = synced.get('hailong_device_last_sync_age_seconds')!.samples;
      expect(devices.map((s) => s.labels.device).sort()).toEqual(
        [device.deviceId, silent.deviceId].sort(),
      );
      expect(sampleValue(synced, 'hailong_feedback_overdue')).toBe(0);

      // Two months on, nobody has classified the phản ánh: it is past its deadline.
      w.clock.advance(60 * DAY_MS);
      const later = await scrape();
      expect(age(later, device)).toBe((60 * DAY_MS) / 1000);
      // Never synced: counted from its enrollment, a little before.
      expect(age(later, silent)).toBeGreaterThanOrEqual((60 * DAY_MS) / 1000);
      expect(sampleValue(later, 'hailong_feedback_overdue')).toBe(1);
    });
  });

  it('reports the age of the newest backup in the backup folder, +Inf before the first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hailong-metrics-backups-'));
    const withBackups = testApp(w.database, w.clock, { metricsToken: TOKEN, backupDir: dir }).app;
    const age = async () => {
      const res = await new Session(withBackups).get('/metrics', {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      return sampleValue(parsePrometheusText(await res.text()), 'hailong_backup_age_seconds', {});
    };
    expect(await age()).toBe(Infinity);
    // Files that are not backups do not count: a half-written one, notes.
    await writeFile(join(dir, 'hailong-2026-11-20-0230.sqlite.partial'), '');
    await writeFile(join(dir, 'ghi-chu.txt'), '');
    expect(await age()).toBe(Infinity);
    const older = join(dir, 'hailong-2026-11-18-0230.sqlite');
    const newer = join(dir, 'hailong-2026-11-19-0230.sqlite');
    for (const [file, hoursAgo] of [
      [older, 50],
      [newer, 26],
    ] as const) {
      await writeFile(file, 'x');
      const at = new Date(w.clock.now - hoursAgo * 3_600_000);
      await utimes(file, at, at);
    }
    expect(await age()).toBe(26 * 3600);
    // Without a backup folder there is no such series.
    const res = await scrapeWith(`Bearer ${TOKEN}`);
    expect(parsePrometheusText(await res.text()).has('hailong_backup_age_seconds')).toBe(false);
  });
});
