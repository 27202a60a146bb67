/**
 * The configured public address (PUBLIC_URL): what the console reads to build enrollment links
 * and warn when it is missing, and what tablets get in their configuration for the citizen's
 * lookup link. Two apps over one database, one configured and one not, as after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceConfig, PublicAddress } from '@hailong/contracts';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, type TestDevice } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';

const PASSWORD = 'quản-trị-địa-chỉ-1';
const PUBLIC_URL = 'https://hailong.tinh.gov.vn';

describe.each(dialects)('the public address on %s', (dialect) => {
  let database: DatabaseHandle;
  let plain: ReturnType<typeof testApp>['app'];
  let configured: ReturnType<typeof testApp>['app'];
  let device: TestDevice;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const clock = new TestClock();
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    plain = testApp(database, clock).app;
    configured = testApp(database, clock, { publicUrl: PUBLIC_URL }).app;
    const admin = new Session(plain);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    const unit = (await database.repos.catalogue.listUnits())[0]!;
    device = await enrollDevice(admin, unit.id);
  });
  afterAll(() => database.close());

  /** A console page opened on the address the app expects: its own, or PUBLIC_URL when set. */
  async function signedIn(app: typeof plain, origin?: string): Promise<Session> {
    const session = new Session(app, origin);
    expect((await session.login('admin', PASSWORD)).status).toBe(200);
    return session;
  }

  const config = (app: typeof plain, headers: Record<string, string> = {}) =>
    new Session(app).get('/api/v1/device/config', {
      headers: { authorization: `Bearer ${device.token}`, ...headers },
    });

  it('tells the console the address is not set, so it can warn', async () => {
    const res = await (await signedIn(plain)).get('/api/v1/settings/public');
    expect(res.status).toBe(200);
    expect(PublicAddress.parse(await res.json())).toEqual({ publicUrl: null });
  });

  it('gives the console the configured address', async () => {
    const res = await (await signedIn(configured, PUBLIC_URL)).get('/api/v1/settings/public');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ publicUrl: PUBLIC_URL });
  });

  it('answers only to a session', async () => {
    const res = await new Session(configured).get('/api/v1/settings/public');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
    const tablet = await new Session(configured).get('/api/v1/settings/public', {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(tablet.status).toBe(403);
  });

  it('sends the address in the tablet configuration only when it is set', async () => {
    const without = await config(plain);
    const body = await without.json();
    expect(body).not.toHaveProperty('publicUrl');
    expect(DeviceConfig.parse(body).publicUrl).toBeUndefined();

    const withUrl = await config(configured);
    expect(DeviceConfig.parse(await withUrl.json()).publicUrl).toBe(PUBLIC_URL);
    // A tablet holding the old configuration sees the change instead of a 304.
    const etag = without.headers.get('etag')!;
    expect((await config(configured, { 'if-none-match': etag })).status).toBe(200);
  });
});
