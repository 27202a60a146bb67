/**
 * One policy per unit, whatever the source (issue 22 item 2), through the real routes on both
 * dialects: a rating is never credited to an officer who is not of its unit, and what a unit does
 * not ask (a dossier code, the respondent type, the survey's answers) is dropped — the rating is
 * stored and counts, the field is not — from a tablet and from the phone page alike; what it does
 * not take is refused for that record alone, and a tablet's refusal is kept for staff with its
 * reason. (The staff source, which has no route for ratings, is in ingest.contract.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { rating, sync } from '../../../../test/support/devices.ts';
import { feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';
import type { CounterRow } from '../repositories/types.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(dialects)('one policy for every source on %s', (dialect) => {
  let w: FeedbackWorld;
  let citizen: Session;
  let counter: CounterRow;
  let sectorId: string;
  let foreignOfficer: string;
  let seq = 100;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    citizen = new Session(w.app);
    counter = (await w.database.repos.catalogue.listCounters(w.unit.id))[0]!;
    sectorId = (await w.database.repos.catalogue.listSectors(w.unit.id))[0]!.id;
    // A staff member of Sở Xây dựng.
    foreignOfficer = (await w.database.repos.users.findByUsername('hung.xd'))!.id;
  });
  afterAll(() => w.database.close());

  const stored = async (id: string) =>
    w.database.db
      .selectFrom('ratings')
      .select(['officerId', 'dossierCode', 'respondentType', 'visits', 'agencies', 'attitude'])
      .where('id', '=', id)
      .executeTakeFirst();
  const fromTablet = async (fields: Parameters<typeof rating>[2]) => {
    const record = rating(w.device, ++seq, { deviceTime: iso(w.clock.now - 60_000), ...fields });
    const res = await sync(new Session(w.app), w.device, [record], 3);
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].status).toBe('accepted');
    return record.id;
  };
  const fromPhone = async (fields: Record<string, unknown>) => {
    const id = randomUUID();
    const res = await citizen.post(`/api/v1/phone/units/${w.unit.id}/ratings`, {
      id,
      counterId: counter.id,
      sectorId,
      level: 4,
      ...fields,
    });
    expect(res.status).toBe(201);
    return id;
  };
  const onDuty = (officerId: string) =>
    w.database.repos.survey.putDutyIfNewer({
      counterId: counter.id,
      officerId,
      since: w.clock.now - 3_600_000 + seq,
      source: 'console',
      setBy: null,
      updatedAt: w.clock.now,
    });

  it('never credits a tablet’s rating to an officer of another unit', async () => {
    const foreign = await fromTablet({ sectorId, level: 4, officerId: foreignOfficer });
    expect(await stored(foreign)).toMatchObject({ officerId: null });
    const own = await fromTablet({ sectorId, level: 4, officerId: w.lan.userId });
    expect(await stored(own)).toMatchObject({ officerId: w.lan.userId });
  });

  it('never credits a phone rating to an officer of another unit on duty at the counter', async () => {
    await onDuty(foreignOfficer);
    expect(await stored(await fromPhone({}))).toMatchObject({ officerId: null });
    await onDuty(w.lan.userId);
    expect(await stored(await fromPhone({}))).toMatchObject({ officerId: w.lan.userId });
  });

  const unasked = {
    dossierCode: 'H12.22-261120-0009',
    respondentType: 'organisation',
    answers: { visits: 2, agencies: 1, attitude: 'courteous' },
  } as const;
  const nothing = {
    dossierCode: null,
    respondentType: null,
    visits: null,
    agencies: null,
    attitude: null,
  };

  it('drops the dossier code and answers a unit does not ask from a tablet, keeping the rating', async () => {
    const id = await fromTablet({ sectorId, level: 2, ...unasked });
    expect(await stored(id)).toMatchObject(nothing);
  });

  it('refuses a tablet’s record the unit does not take, alone, with words staff read on the tablet’s page', async () => {
    const foreignSector = (await w.database.repos.catalogue.listSectors(w.otherUnit.id))[0]!.id;
    const refused = rating(w.device, ++seq, { sectorId: foreignSector, level: 4 });
    const fine = rating(w.device, ++seq, { sectorId, level: 4, deviceTime: iso(w.clock.now) });
    const res = await sync(new Session(w.app), w.device, [refused, fine], 3);
    const { results } = await res.json();
    expect(results).toEqual([
      {
        id: refused.id,
        status: 'rejected',
        error: { code: 'unknown_sector', message: 'Lĩnh vực không thuộc đơn vị này.' },
      },
      { id: fine.id, status: 'accepted' },
    ]);
    const list = await w.admin.get(`/api/v1/devices/${w.device.deviceId}/refusals`);
    expect((await list.json()).refusals).toEqual([
      expect.objectContaining({
        recordId: refused.id,
        seq: refused.seq,
        code: 'unknown_sector',
        reason: 'Lĩnh vực không thuộc đơn vị này.',
      }),
    ]);
    expect(await stored(refused.id)).toBeUndefined();
    expect(await stored(fine.id)).toBeDefined();
  });

  it('drops the dossier code and answers a unit does not ask from the phone, keeping the rating', async () => {
    w.clock.advance(61_000);
    const id = await fromPhone(unasked);
    expect(await stored(id)).toMatchObject(nothing);
  });
});
