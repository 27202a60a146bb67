/**
 * Ratings tied to a dossier, a counter and an officer (issue 12), and records of other channels
 * (issue 13's phone and staff sources, through the one ingest), on both dialects: of several
 * ratings of one dossier only the latest counts, whatever the order and however many arrive at the
 * same moment; rollups stay a recount of raw rows; a phone submission is stored exactly once under
 * retries, with no device made for it; an older kiosk's record without the new fields is stored.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRecordId } from '@hailong/contracts';
import { DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { ingest, type RatingSubmission } from './ingest.ts';
import { syncWorld, unitRollups, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(dialects)('dossiers, officers and sources on %s', (dialect) => {
  let w: SyncWorld;
  let sectorId: string;
  let counters: { id: string }[];

  beforeAll(async () => {
    w = await syncWorld(dialect);
    sectorId = w.sectors[0]!.id;
    counters = await w.database.repos.catalogue.listCounters(w.unit.id);
    // The unit asks the dossier code and the survey's questions: its policy keeps them.
    await w.database.repos.survey.putSurveySettings({
      unitId: w.unit.id,
      settings: {
        ...DEFAULT_SURVEY_SETTINGS,
        dossier: 'optional',
        respondentType: true,
        questions: { visits: true, agencies: true, attitude: true },
      },
      updatedAt: w.clock.now,
      updatedBy: null,
    });
  });
  afterAll(() => w.database.close());

  const send = async (device: TestDevice, items: unknown[]) => {
    const res = await sync(w.tablet(), device, items, 3);
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.map((r: { status: string }) => r.status)).not.toContain('rejected');
  };
  const byDossier = (code: string) =>
    w.database.db
      .selectFrom('ratings')
      .select(['id', 'category', 'channel'])
      .where('dossierCode', '=', code)
      .execute();

  it('counts only the latest rating of a dossier, whichever tablet sent it and in whatever order', async () => {
    const [one, two] = [await w.enroll('Quầy 1'), await w.enroll('Quầy 2')];
    const t = w.clock.now - 3_600_000;
    const first = rating(one, 1, {
      sectorId,
      level: 1,
      deviceTime: iso(t),
      dossierCode: 'h56-0001',
    });
    const second = rating(two, 1, {
      sectorId,
      level: 5,
      deviceTime: iso(t + 60_000),
      dossierCode: ' H56-0001 ',
    });
    const before = await unitRollups(w);
    await send(two, [second]); // the later rating arrives first
    await send(one, [first]);
    const rows = new Map((await byDossier('H56-0001')).map((r) => [r.id, r.category]));
    expect(rows).toEqual(
      new Map([
        [first.id, 'superseded'],
        [second.id, 'counted'],
      ]),
    );
    const after = await unitRollups(w);
    const key = (level: number, category: string) => `${sectorId}|2026-11|${level}|${category}`;
    expect(after.figures.get(key(5, 'counted'))).toBe(
      (before.figures.get(key(5, 'counted')) ?? 0) + 1,
    );
    expect(after.figures.get(key(1, 'superseded'))).toBe(1);
    expect(after.figures.get(key(1, 'counted'))).toBe(before.figures.get(key(1, 'counted')));

    // The tally shows it beside the rate, out of it.
    const res = await w.admin.get(`/api/v1/tally/node?node=${w.unit.id}&period=2026-11`);
    expect(res.status).toBe(200);
    expect((await res.json()).totals).toMatchObject({ superseded: 1 });
  });

  it('lets exactly one of many ratings of a dossier count when they arrive at the same moment', async () => {
    const devices = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => w.enroll(`Máy ${i}`)));
    const t = w.clock.now - 1_800_000;
    // Rated once before: the dossier's row exists, so the racers meet on its lock, not its insert.
    const early = await w.enroll('Máy 0');
    await send(early, [
      rating(early, 1, { sectorId, level: 4, deviceTime: iso(t - 1000), dossierCode: 'H56-RACE' }),
    ]);
    const records = devices.map((d, i) =>
      rating(d, 1, { sectorId, level: 4, deviceTime: iso(t + i * 1000), dossierCode: 'H56-RACE' }),
    );
    await Promise.all(devices.map((d, i) => send(d, [records[i]])));
    const rows = await byDossier('H56-RACE');
    expect(rows).toHaveLength(7);
    expect(rows.filter((r) => r.category === 'counted').map((r) => r.id)).toEqual([records[5]!.id]);
    await unitRollups(w); // rollups = recount, after the race
  });

  it('stores the counter and officer the tablet recorded, and falls back when it names unknown ones', async () => {
    const device = await w.enroll();
    const officer = { id: randomUUID() };
    await w.database.repos.users.create({
      id: officer.id,
      username: 'can.bo.quay',
      displayName: 'Cán bộ quầy',
      role: 'staff',
      unitId: w.unit.id,
      passwordHash: '-',
      disabledAt: null,
      createdAt: w.clock.now,
      updatedAt: w.clock.now,
    });
    const t = w.clock.now - 600_000;
    const named = rating(device, 1, {
      sectorId,
      level: 4,
      deviceTime: iso(t),
      counterId: counters[1]!.id,
      officerId: officer.id,
      respondentType: 'organisation',
      answers: { visits: 2, agencies: 1, attitude: 'courteous' },
    });
    const unknown = rating(device, 2, {
      sectorId,
      level: 4,
      deviceTime: iso(t + 60_000),
      counterId: 'no-such-counter',
      officerId: 'no-such-officer',
    });
    const old = rating(device, 3, { sectorId, level: 4, deviceTime: iso(t + 120_000) });
    await send(device, [named, unknown, old]);
    const rows = await w.database.db
      .selectFrom('ratings')
      .selectAll()
      .where('id', 'in', [named.id, unknown.id, old.id])
      .orderBy('deviceTime')
      .execute();
    expect(rows.map((r) => [r.counterId, r.officerId])).toEqual([
      [counters[1]!.id, officer.id],
      [null, null],
      [null, null],
    ]);
    expect(rows[0]).toMatchObject({
      respondentType: 'organisation',
      visits: 2,
      agencies: 1,
      attitude: 'courteous',
      channel: 'tablet',
    });
  });

  it('stores a phone submission once under retries, also at the same moment, and never lets it outrank the tablet’s rating (issue 22)', async () => {
    const device = await w.enroll();
    const t = w.clock.now - 300_000;
    await send(device, [
      rating(device, 1, { sectorId, level: 2, deviceTime: iso(t), dossierCode: 'H56-PHONE' }),
    ]);
    const submission: RatingSubmission = {
      kind: 'rating',
      id: canonicalRecordId(randomUUID().toUpperCase()),
      hash: 'phone-submission',
      seq: null,
      at: w.clock.now,
      sectorId,
      level: 5,
      reasons: [],
      comment: null,
      possibleRepeat: false,
      counterId: null,
      dossierCode: 'H56-PHONE',
    };
    const store = (hash = submission.hash) =>
      w.database.repos.transaction(async (tx) => {
        const source = { kind: 'phone' as const, unitId: w.unit.id, counterId: null };
        const { outcomes } = await ingest(tx, source, [{ ...submission, hash }], {
          now: w.clock.now,
        });
        return outcomes;
      });
    const outcomes = await Promise.all([store(), store(), store()]);
    expect(
      outcomes
        .flat()
        .map((o) => o.status)
        .sort(),
    ).toEqual(['accepted', 'duplicate', 'duplicate']);
    expect((await store())[0]).toEqual({ status: 'duplicate' });
    expect((await store('other'))[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
    const rows = await byDossier('H56-PHONE');
    // The citizen at the counter is the voice that counts; the phone rating is not tied to a
    // dossier the one-stop import gave the unit, so it is kept apart.
    expect(rows.map((r) => [r.channel, r.category]).sort()).toEqual([
      ['phone', 'unverified'],
      ['tablet', 'counted'],
    ]);
    // The phone is no device: nothing was made for it.
    const devices = await w.database.db.selectFrom('devices').select('unitId').execute();
    expect(devices.length).toBe((await w.database.repos.devices.list()).length);
    const { devices: listed } = await (await w.admin.get('/api/v1/devices')).json();
    expect(listed).toHaveLength(devices.length);
    await unitRollups(w);
  });
});
