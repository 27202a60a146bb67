/**
 * Officers at counters and survey settings (issue 12) through the API on both dialects: an officer
 * sets their own counter PIN (kept only as a verifier a tablet can check offline), supervisors set
 * the duty of their counters and clear PINs within their subtree, a tablet reports sign-ins and
 * the later `since` wins, a unit's survey settings cover its subtree, and the tablet's
 * configuration carries the settings, the roster and the duty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPinVerifier, DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';
import type { CounterRow } from '../repositories/types.ts';

const MIN = 60_000;

describe.each(dialects)('officers, duty and survey settings on %s', (dialect) => {
  let w: ScopeWorld;
  let counter: CounterRow;
  let tablet: TestDevice;
  let loose: TestDevice;
  const client = () => (w ? new Session(w.app) : undefined)!;
  const asTablet = (device: TestDevice) => ({
    headers: { authorization: `Bearer ${device.token}` },
  });
  const config = async (device = tablet) =>
    (await client().get('/api/v1/device/config', asTablet(device))).json();
  const put = (s: Session, path: string, body: unknown) => s.send('PUT', path, { body });
  const report = (officerId: string | null, since: number) =>
    client().send('POST', '/api/v1/device/duty', {
      ...asTablet(tablet),
      body: { officerId, since: new Date(since).toISOString() },
    });

  beforeAll(async () => {
    w = await scopeWorld(dialect);
    counter = (await w.database.repos.catalogue.listCounters(w.communeA.id))[0]!;
    const enroll = async (counterId: string | null) => {
      const res = await w.admin.post('/api/v1/enrollments', {
        unitId: w.communeA.id,
        label: counterId ? 'Quầy 1' : 'Máy sảnh',
        counterId,
      });
      return (
        await client().post('/api/v1/devices/enroll', { code: (await res.json()).code })
      ).json() as Promise<TestDevice>;
    };
    tablet = await enroll(counter!.id);
    loose = await enroll(null);
  });
  afterAll(() => w.database.close());

  it('an officer sets their own counter PIN; it is never stored or audited in clear', async () => {
    const bad = await put(w.staffA, '/api/v1/me/counter-pin', { pin: '12' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe('validation_failed');
    expect((await put(w.staffA, '/api/v1/me/counter-pin', { pin: '24a8' })).status).toBe(422);
    expect((await (await w.staffA.get('/api/v1/me/counter-pin')).json()).hasPin).toBe(false);
    const res = await put(w.staffA, '/api/v1/me/counter-pin', { pin: '2468' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hasPin: true });
    const audit = await w.database.repos.audit.list({ entityId: w.staffA.userId, limit: 10 });
    expect(audit.map((a) => a.action)).toContain('user.counter_pin');
    // Not inside a hex run: the entries' ids are random hex and may hold these four digits.
    expect(JSON.stringify(audit)).not.toMatch(/(?<![0-9a-f])2468(?![0-9a-f])/);
    const pins = await w.database.repos.survey.listPins([w.staffA.userId]);
    expect(pins.get(w.staffA.userId)).toMatch(/^pbkdf2\$\d+\$/);
  });

  it("the tablet's configuration has the default survey, the roster with verifiers, no duty", async () => {
    const body = await config();
    expect(body.survey).toEqual(DEFAULT_SURVEY_SETTINGS);
    expect(body.duty).toBeNull();
    // Only officers of the unit with a PIN: the supervisor has none yet.
    expect(body.roster).toHaveLength(1);
    expect(body.roster[0]).toMatchObject({ id: w.staffA.userId, name: 'Người dùng can.bo.a' });
    expect(await checkPinVerifier('2468', body.roster[0].pinVerifier)).toBe(true);
    expect(await checkPinVerifier('2469', body.roster[0].pinVerifier)).toBe(false);
  });

  it("a unit's survey settings cover its subtree; a broken pattern is refused", async () => {
    const province = {
      ...DEFAULT_SURVEY_SETTINGS,
      dossier: 'optional',
      respondentType: true,
      questions: { visits: true, agencies: false, attitude: true },
    };
    const path = (id: string) => `/api/v1/units/${id}/survey-settings`;
    expect((await put(w.supA, path(w.province.id), province)).status).toBe(404);
    expect((await put(w.viewer, path(w.communeA.id), province)).status).toBe(403);
    expect((await put(w.admin, path(w.province.id), province)).status).toBe(200);
    const inherited = await (await w.supA.get(path(w.communeA.id))).json();
    expect(inherited).toEqual({
      unitId: w.communeA.id,
      settings: province,
      own: false,
      inheritedFrom: w.province.id,
    });
    const broken = await put(w.supA, path(w.communeA.id), {
      ...province,
      dossierPattern: '^([A-Z',
    });
    expect(broken.status).toBe(422);
    expect((await broken.json()).error).toMatchObject({
      code: 'invalid_pattern',
      message: expect.stringMatching(/Mẫu mã hồ sơ/),
    });
    // A pattern that could stall a tablet checking a long code is refused; nothing changes.
    for (const dossierPattern of ['^([A-Z0-9]+-?)+$', '^(A|AA)+$', '^\\d*\\d*\\d*\\d*$']) {
      const unsafe = await put(w.supA, path(w.communeA.id), { ...province, dossierPattern });
      expect([unsafe.status, (await unsafe.json()).error.code], dossierPattern).toEqual([
        422,
        'unsafe_pattern',
      ]);
    }
    // RE2 matches on the server: a pattern it cannot read (a back-reference) is refused too.
    const backref = await put(w.supA, path(w.communeA.id), {
      ...province,
      dossierPattern: '^(HS)-\\1$',
    });
    expect((await backref.json()).error.code).toBe('invalid_pattern');
    expect((await (await w.supA.get(path(w.communeA.id))).json()).own).toBe(false);
    const own = { ...province, dossier: 'required', dossierPattern: '^HS-\\d{4}$' };
    const saved = await put(w.supA, path(w.communeA.id), own);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ own: true, inheritedFrom: null, settings: own });
    expect((await config()).survey).toEqual(own);
    // The other commune still has the province's.
    expect((await (await w.admin.get(path(w.communeB.id))).json()).settings).toEqual(province);
    const reset = await w.supA.send('DELETE', path(w.communeA.id));
    expect((await reset.json()).inheritedFrom).toBe(w.province.id);
    expect((await put(w.supA, path(w.communeA.id), own)).status).toBe(200);
  });

  it('supervisors set the duty of counters in scope, to officers of the unit', async () => {
    const path = `/api/v1/counters/${counter.id}/duty`;
    expect((await put(w.staffA, path, { officerId: w.staffA.userId })).status).toBe(403);
    expect((await put(w.supCentre, path, { officerId: w.staffA.userId })).status).toBe(404);
    const stranger = await put(w.supA, path, { officerId: w.supCentre.userId });
    expect(stranger.status).toBe(422);
    expect((await stranger.json()).error.code).toBe('not_an_officer');
    const res = await put(w.supA, path, { officerId: w.staffA.userId });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      counterId: counter.id,
      officerId: w.staffA.userId,
      officerName: 'Người dùng can.bo.a',
      source: 'console',
    });
    expect((await config()).duty).toEqual({
      officerId: w.staffA.userId,
      since: new Date(w.clock.now).toISOString(),
    });
    const list = await (await w.viewer.get(`/api/v1/units/${w.communeA.id}/counter-duty`)).json();
    expect(
      list.counters.find((c: { counterId: string }) => c.counterId === counter.id),
    ).toMatchObject({ officerId: w.staffA.userId });
    const officers = await (await w.supA.get(`/api/v1/units/${w.communeA.id}/officers`)).json();
    expect(officers.officers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: w.staffA.userId, hasPin: true }),
        expect.objectContaining({ id: w.supA.userId, hasPin: false }),
      ]),
    );
  });

  it('a tablet reports sign-ins and sign-outs; the later since wins', async () => {
    w.clock.advance(10 * MIN);
    const consoleSince = w.clock.now - 10 * MIN;
    // A sign-out made on the tablet before the supervisor's setting arrives late: the setting stays.
    const late = await report(null, consoleSince - MIN);
    expect(late.status).toBe(200);
    expect(await late.json()).toEqual({
      officerId: w.staffA.userId,
      since: new Date(consoleSince).toISOString(),
    });
    const out = await report(null, w.clock.now - MIN);
    expect(await out.json()).toEqual({
      officerId: null,
      since: new Date(w.clock.now - MIN).toISOString(),
    });
    // A tablet clock ahead of the server's is taken as now.
    const signIn = await report(w.staffA.userId, w.clock.now + 60 * MIN);
    expect((await signIn.json()).since).toBe(new Date(w.clock.now).toISOString());
    // Only officers with a PIN may sign in; a tablet without a counter has no duty to report.
    expect((await report(w.supA.userId, w.clock.now)).status).toBe(422);
    const noCounter = await client().send('POST', '/api/v1/device/duty', {
      ...asTablet(loose),
      body: { officerId: null, since: new Date(w.clock.now).toISOString() },
    });
    expect(noCounter.status).toBe(409);
    expect((await noCounter.json()).error.code).toBe('no_counter');
    expect((await config(loose)).duty).toBeNull();
    // Session routes refuse the device token, device routes refuse a session.
    expect((await w.supA.post('/api/v1/device/duty', { officerId: null })).status).toBe(401);
  });

  it('ratings (three-level scale here) with counter, officer, dossier and answers are stored beside older ones', async () => {
    const sectorId = (await w.database.repos.catalogue.listSectors(w.communeA.id))[0]!.id;
    const at = new Date(w.clock.now).toISOString();
    const older = rating(tablet, 1, { sectorId, level: 3, deviceTime: at });
    const res = await sync(client(), tablet, [
      older,
      rating(tablet, 2, {
        sectorId,
        level: 2,
        deviceTime: at,
        counterId: counter.id,
        officerId: w.staffA.userId,
        dossierCode: 'hs-0001',
        respondentType: 'organisation',
        answers: { visits: 2, agencies: 1, attitude: 'courteous' },
      }),
    ]);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
    const stored = await w.database.db
      .selectFrom('ratings')
      .select(['id', 'counterId', 'officerId', 'dossierCode', 'respondentType'])
      .select(['visits', 'agencies', 'attitude'])
      .where('deviceId', '=', tablet.deviceId)
      .execute();
    // The older kiosk's record: the tablet's counter, no officer, no answers.
    expect(stored.find((r) => r.id === older.id)).toMatchObject({
      counterId: counter.id,
      officerId: null,
      dossierCode: null,
      visits: null,
    });
    expect(stored.find((r) => r.id !== older.id)).toMatchObject({
      counterId: counter.id,
      officerId: w.staffA.userId,
      dossierCode: 'HS-0001',
      respondentType: 'organisation',
      visits: 2,
      // The commune's settings do not ask it: dropped, whatever the source (issue 22).
      agencies: null,
      attitude: 'courteous',
    });
  });

  it('with officer attribution off the tablet gets no roster and no duty', async () => {
    const path = `/api/v1/units/${w.communeA.id}/survey-settings`;
    const current = (await (await w.supA.get(path)).json()).settings;
    await put(w.supA, path, { ...current, officerAttribution: false });
    const body = await config();
    expect(body.roster).toEqual([]);
    expect(body.duty).toBeNull();
    await put(w.supA, path, current);
  });

  it('supervisors and admins clear PINs within their scope', async () => {
    const path = `/api/v1/users/${w.staffA.userId}/counter-pin`;
    expect((await w.staffA.send('DELETE', path)).status).toBe(403);
    expect((await w.supCentre.send('DELETE', path)).status).toBe(404);
    expect((await w.supA.send('DELETE', path)).status).toBe(204);
    expect((await config()).roster).toEqual([]);
    const audit = await w.database.repos.audit.list({ entityId: w.staffA.userId, limit: 10 });
    expect(audit.map((a) => a.action)).toContain('user.counter_pin_clear');
  });
});
