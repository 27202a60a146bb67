/**
 * No tablet can suppress another's record: a record id is a duplicate only of a record from the
 * same device; the same id from another device is refused (`id_taken`) and counted, never answered
 * "duplicate". Ids are compared as lower-case UUIDs, content after NFC. A resend with other content
 * is a conflict, recorded for staff; an identical resend stays a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dialects } from '../../../../test/support/databases.ts';
import { feedback, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

type Result = { id: string; status: string; error?: { code: string; message: string } };

/** The reply schema of the kiosk build in the field before protocol 2, frozen: it must still parse. */
const FirstReleaseReply = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['accepted', 'duplicate', 'rejected']),
      error: z
        .object({
          code: z.enum([
            'malformed_json',
            'validation_failed',
            'payload_too_large',
            'not_found',
            'unauthenticated',
            'invalid_credentials',
            'forbidden',
            'csrf_rejected',
            'too_many_requests',
            'conflict',
            'invalid_transition',
            'unsupported_protocol',
            'unknown_sector',
            'invalid_code',
            'internal_error',
          ]),
          message: z.string(),
        })
        .optional(),
    }),
  ),
});

describe.each(dialects)('record identity per device on %s', (dialect) => {
  let w: SyncWorld;
  let sectorId: string;

  beforeAll(async () => {
    w = await syncWorld(dialect);
    sectorId = w.sectors[0]!.id;
  });
  afterAll(() => w.database.close());

  const upload = async (device: TestDevice, items: unknown[], protocol = 2) => {
    const res = await sync(w.tablet(), device, items, protocol);
    expect(res.status).toBe(200);
    return (await res.json()).results as Result[];
  };
  const deviceRow = async (id: string) =>
    ((await (await w.admin.get('/api/v1/devices')).json()).devices as { id: string }[]).find(
      (d) => d.id === id,
    );
  const storedLevel = async (id: string) =>
    await w.database.db
      .selectFrom('ratings')
      .select(['level', 'deviceId'])
      .where('id', '=', id)
      .executeTakeFirst();

  it('refuses an id another tablet already used, in any letter case, and counts it', async () => {
    const a = await w.enroll('Quầy A');
    const b = await w.enroll('Quầy B');
    const first = rating(a, 1, { sectorId, level: 5 });
    expect((await upload(a, [first]))[0]!.status).toBe('accepted');

    const stolen = { ...rating(b, 1, { sectorId, level: 1 }), id: first.id };
    const shouted = { ...rating(b, 2, { sectorId, level: 1 }), id: first.id.toUpperCase() };
    const results = await upload(b, [stolen, shouted]);
    expect(results.map((r) => [r.id, r.status, r.error?.code])).toEqual([
      [first.id, 'rejected', 'id_taken'],
      [first.id.toUpperCase(), 'rejected', 'id_taken'],
    ]);
    expect(await storedLevel(first.id)).toEqual({ level: 5, deviceId: a.deviceId });
    expect(await deviceRow(b.deviceId)).toMatchObject({ receivedCount: 0, refusedCount: 2 });
    expect(await deviceRow(a.deviceId)).toMatchObject({ receivedCount: 1, refusedCount: 0 });

    // The same refusal again (the tablet never heard the answer) is not counted twice.
    await upload(b, [stolen]);
    expect(await deviceRow(b.deviceId)).toMatchObject({ refusedCount: 2 });
    const refusals = await w.admin.get(`/api/v1/devices/${b.deviceId}/refusals`);
    expect(refusals.status).toBe(200);
    expect((await refusals.json()).refusals).toEqual([
      expect.objectContaining({ recordId: first.id, seq: 1, kind: 'rating', code: 'id_taken' }),
      expect.objectContaining({ recordId: first.id, seq: 2, kind: 'rating', code: 'id_taken' }),
    ]);
  });

  it('answers a tablet on protocol 1 with codes its build knows', async () => {
    const a = await w.enroll();
    const b = await w.enroll();
    const first = feedback(a, 1);
    await upload(a, [first]);
    const res = await sync(w.tablet(), b, [{ ...feedback(b, 1), id: first.id }], 1);
    const reply = FirstReleaseReply.parse(await res.json());
    expect(reply.results[0]).toMatchObject({ status: 'rejected', error: { code: 'conflict' } });
    expect(reply.results[0]!.error!.message).toMatch(/thiết bị khác/);
  });

  it('flags a resend with other content as a conflict, and keeps identical resends duplicate', async () => {
    const a = await w.enroll();
    const first = rating(a, 1, { sectorId, level: 5, comment: 'Rất tốt'.normalize('NFC') });
    await upload(a, [first]);
    const same = { ...first, id: first.id.toUpperCase(), comment: 'Rất tốt'.normalize('NFD') };
    const changed = { ...first, level: 1 };
    const results = await upload(a, [same, changed, first]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['duplicate', undefined],
      ['rejected', 'conflict'],
      ['duplicate', undefined],
    ]);
    expect(await storedLevel(first.id)).toMatchObject({ level: 5 });
    expect(await deviceRow(a.deviceId)).toMatchObject({ receivedCount: 1, refusedCount: 1 });
    const { refusals } = await (await w.admin.get(`/api/v1/devices/${a.deviceId}/refusals`)).json();
    expect(refusals).toEqual([
      expect.objectContaining({ recordId: first.id, code: 'conflict', otherDeviceId: null }),
    ]);
  });

  it('decides within one batch as across batches', async () => {
    const a = await w.enroll();
    const one = rating(a, 1, { sectorId, level: 4 });
    const results = await upload(a, [one, { ...one }, { ...one, level: 2 }]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['accepted', undefined],
      ['duplicate', undefined],
      ['rejected', 'conflict'],
    ]);
  });

  it('lets exactly one of two tablets racing with one id store it', async () => {
    const a = await w.enroll();
    const b = await w.enroll();
    for (let round = 0; round < 5; round++) {
      const mine = rating(a, round + 1, { sectorId, level: 5 });
      const theirs = { ...rating(b, round + 1, { sectorId, level: 1 }), id: mine.id };
      const [ra, rb] = await Promise.all([upload(a, [mine]), upload(b, [theirs])]);
      const statuses = [ra[0]!, rb[0]!].map((r) => r.error?.code ?? r.status).sort();
      expect(statuses).toEqual(['accepted', 'id_taken']);
      const stored = await w.database.db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', '=', mine.id)
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(1);
    }
  });
});
