import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import type { User } from '@hailong/contracts';

const ADMIN_PASSWORD = 'quản-trị-viên-123';
const STAFF_PASSWORD = 'cán-bộ-một-cửa-456';

describe.each(dialects)('user administration on %s', (dialect) => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  let admin: Session;
  let unitId: string;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const { clock } = testApp(database);
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, ADMIN_PASSWORD);
    app = testApp(database).app;
    admin = new Session(app);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    unitId = (await database.repos.catalogue.listUnits()).find((u) => u.code === 'so-tc')!.id;
  });
  afterAll(() => database.close());

  async function createStaff(username: string): Promise<User> {
    const res = await admin.post('/api/v1/users', {
      username,
      displayName: '  Nguyễn Thị Hoà  ',
      role: 'staff',
      unitId,
      password: STAFF_PASSWORD,
    });
    expect(res.status).toBe(201);
    return res.json();
  }

  it('creates a staff user bound to a unit, with the name normalised', async () => {
    const user = await createStaff('hoa.nt');
    expect(user).toMatchObject({ username: 'hoa.nt', role: 'staff', unitId, disabled: false });
    expect(user.displayName).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
    const list = await (await admin.get('/api/v1/users')).json();
    expect(list.users.map((u: User) => u.username)).toEqual(['admin', 'hoa.nt']);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    const audit = await database.repos.audit.list({
      entityType: 'user',
      entityId: user.id,
      limit: 5,
    });
    expect(audit.map((e) => e.action)).toEqual(['user.create']);
  });

  it('refuses a taken username with 409 and a staff user without a unit with 422', async () => {
    await createStaff('trung.lv');
    const taken = await admin.post('/api/v1/users', {
      username: 'TRUNG.LV',
      displayName: 'Khác',
      role: 'viewer',
      password: STAFF_PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.code).toBe('conflict');
    const noUnit = await admin.post('/api/v1/users', {
      username: 'no.unit',
      displayName: 'Không đơn vị',
      role: 'staff',
      password: STAFF_PASSWORD,
    });
    expect(noUnit.status).toBe(422);
    expect((await noUnit.json()).error.details).toEqual([
      expect.objectContaining({ path: 'unitId' }),
    ]);
    const shortPassword = await admin.post('/api/v1/users', {
      username: 'short.pw',
      displayName: 'X',
      role: 'viewer',
      password: 'short',
    });
    expect(shortPassword.status).toBe(422);
    expect((await admin.get('/api/v1/users')).ok).toBe(true);
    expect(await database.repos.users.findByUsername('no.unit')).toBeUndefined();
  });

  it('lets only admins manage users', async () => {
    await createStaff('staff.only');
    const staff = new Session(app);
    expect((await staff.login('staff.only', STAFF_PASSWORD)).status).toBe(200);
    expect((await staff.get('/api/v1/users')).status).toBe(403);
    const res = await staff.post('/api/v1/users', {
      username: 'sneaky',
      displayName: 'X',
      role: 'admin',
      password: STAFF_PASSWORD,
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
    expect((await staff.get('/api/v1/units')).status).toBe(200);
  });

  it('changes a role, and ends all sessions of a disabled user at once', async () => {
    const user = await createStaff('lan.pt');
    const staff = new Session(app);
    expect((await staff.login('lan.pt', STAFF_PASSWORD)).status).toBe(200);
    const promoted = await admin.patch(`/api/v1/users/${user.id}`, { role: 'supervisor' });
    expect(await promoted.json()).toMatchObject({ role: 'supervisor' });
    expect((await staff.get('/api/v1/auth/me')).status).toBe(200);

    const disabled = await admin.patch(`/api/v1/users/${user.id}`, { disabled: true });
    expect(await disabled.json()).toMatchObject({ disabled: true });
    expect((await staff.get('/api/v1/auth/me')).status).toBe(401);
    expect((await new Session(app).login('lan.pt', STAFF_PASSWORD)).status).toBe(401);

    await admin.patch(`/api/v1/users/${user.id}`, { disabled: false });
    expect((await new Session(app).login('lan.pt', STAFF_PASSWORD)).status).toBe(200);
  });

  it('resets a password: the old one and the old sessions stop working', async () => {
    const user = await createStaff('minh.dv');
    const staff = new Session(app);
    await staff.login('minh.dv', STAFF_PASSWORD);
    const fresh = 'mật-khẩu-mới-789';
    expect(
      (await admin.post(`/api/v1/users/${user.id}/password`, { password: fresh })).status,
    ).toBe(204);
    expect((await staff.get('/api/v1/auth/me')).status).toBe(401);
    expect((await new Session(app).login('minh.dv', STAFF_PASSWORD)).status).toBe(401);
    expect((await new Session(app).login('minh.dv', fresh)).status).toBe(200);
  });

  it('never leaves the system without an active admin', async () => {
    const me = await (await admin.get('/api/v1/auth/me')).json();
    const self = await admin.patch(`/api/v1/users/${me.user.id}`, { disabled: true });
    expect(self.status).toBe(409);
    const demote = await admin.patch(`/api/v1/users/${me.user.id}`, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('answers an unknown user id with 404 and an empty change with 422', async () => {
    const missing = await admin.patch('/api/v1/users/00000000-0000-0000-0000-000000000000', {
      role: 'viewer',
    });
    expect(missing.status).toBe(404);
    const empty = await admin.patch('/api/v1/users/whatever', {});
    expect(empty.status).toBe(422);
  });
});
