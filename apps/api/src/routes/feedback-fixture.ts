/**
 * A world for the register's API tests: the demo catalogue, an admin, a supervisor, a viewer, two
 * staff members of Sở Tư pháp and one of Sở Xây dựng, and a tablet enrolled at Sở Tư pháp that
 * sends feedback exactly as a kiosk does (POST /api/v1/sync with its bearer token).
 */
import { expect } from 'vitest';
import type { FeedbackRecord } from '@hailong/contracts';
import { hashVerdictToken, newVerdictToken, VERDICT_TOKEN_BYTES } from '@hailong/domain';
import { freshDatabase, type TestDialect } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, feedback, sync, type TestDevice } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../services/seed.service.ts';

export const ADMIN_PASSWORD = 'quản-trị-phản-ánh-1';
const PASSWORD = 'mật-khẩu-cán-bộ-2026';

export interface FeedbackWorld {
  database: DatabaseHandle;
  clock: TestClock;
  app: ReturnType<typeof testApp>['app'];
  admin: Session;
  supervisor: Session;
  viewer: Session;
  /** Staff of Sở Tư pháp: `lan` gets items assigned, `minh` does not. */
  lan: Session & { userId: string };
  minh: Session & { userId: string };
  /** Staff of Sở Xây dựng. */
  other: Session;
  unit: UnitRow;
  otherUnit: UnitRow;
  device: TestDevice;
  /** Signs everyone in again (sessions last 12 hours; tests move the clock by days). */
  refresh(): Promise<void>;
  /**
   * Sends one feedback record from the tablet; returns its id, tracking code and the verdict token
   * the tablet showed (null when `fields` names `verdictTokenHash`: an old kiosk sends none).
   */
  send(
    fields?: Partial<FeedbackRecord>,
  ): Promise<{ id: string; trackingCode: string; token: string | null }>;
}

/** Friday 20/11/2026, 10:00 in Hà Nội. */
export const START = Date.UTC(2026, 10, 20, 3);

export async function feedbackWorld(dialect: TestDialect): Promise<FeedbackWorld> {
  const database = await freshDatabase(dialect);
  const clock = new TestClock(START);
  await seedDemoCatalogue(database.repos, clock.read);
  await ensureFirstAdmin(database.repos, clock.read, ADMIN_PASSWORD);
  const { app } = testApp(database, clock);
  const admin = new Session(app);
  expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
  const units = await database.repos.catalogue.listUnits();
  const unit = units.find((u) => u.code === 'so-tp')!;
  const otherUnit = units.find((u) => u.code === 'so-xd')!;

  async function user(username: string, role: string, unitId: string | null) {
    const res = await admin.post('/api/v1/users', {
      username,
      displayName: `Cán bộ ${username}`,
      role,
      unitId,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    const session = new Session(app);
    expect((await session.login(username, PASSWORD)).status).toBe(200);
    return Object.assign(session, { userId: (await res.json()).id as string, username });
  }

  const device = await enrollDevice(admin, unit.id);
  let seq = 0;
  const tablet = new Session(app);
  const people = {
    supervisor: await user('giam.sat', 'supervisor', null),
    viewer: await user('chi.xem', 'viewer', null),
    lan: await user('lan.tp', 'staff', unit.id),
    minh: await user('minh.tp', 'staff', unit.id),
    other: await user('hung.xd', 'staff', otherUnit.id),
  };
  return {
    database,
    clock,
    app,
    admin,
    ...people,
    async refresh() {
      expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
      for (const person of Object.values(people)) {
        expect((await person.login(person.username, PASSWORD)).status).toBe(200);
      }
    },
    unit,
    otherUnit,
    device,
    async send(fields = {}) {
      seq += 1;
      const token =
        'verdictTokenHash' in fields
          ? null
          : newVerdictToken(crypto.getRandomValues(new Uint8Array(VERDICT_TOKEN_BYTES)));
      const record = feedback(device, seq, {
        deviceTime: new Date(clock.now - 60_000).toISOString(),
        ...(token !== null && { verdictTokenHash: await hashVerdictToken(token) }),
        ...fields,
      });
      const res = await sync(tablet, device, [record]);
      expect(res.status).toBe(200);
      expect((await res.json()).results[0].status).toBe('accepted');
      return { id: record.id, trackingCode: record.trackingCode, token };
    },
  };
}

/** POSTs a workflow action and returns the response. */
export function act(session: Session, id: string, body: Record<string, unknown>) {
  return session.post(`/api/v1/feedback/${id}/transitions`, body);
}
