/**
 * The citizen's own phone, on both dialects: the page's configuration for a counter's QR code;
 * ratings and phản ánh stored exactly once under retries (sequential and concurrent, as sync);
 * photos kept without EXIF; the channel split of the tally adds up to the node's total; the unit's
 * survey (issue 12): its settings in the config, the answers and the officer on duty on the rating,
 * a malformed dossier code refused where the unit asks for one, what it does not ask dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { cameraPhoto, GPS_TEXT, pngDeclaring } from '../../../../test/support/photos.ts';
import { rating, sync } from '../../../../test/support/devices.ts';
import { feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';
import type { CounterRow, SectorRow } from '../repositories/types.ts';
import { DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import { createHailongRunner } from '../jobs/job-list.ts';
import { createLogger } from '../http/logger.ts';
import type { UnitSurveySettings } from '@hailong/contracts';

describe.each(dialects)('the phone page’s submissions on %s', (dialect) => {
  let w: FeedbackWorld;
  let citizen: Session;
  let counter: CounterRow;
  let sector: SectorRow;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    citizen = new Session(w.app);
    counter = (await w.database.repos.catalogue.listCounters(w.unit.id))[0]!;
    sector = (await w.database.repos.catalogue.listSectors(w.unit.id))[0]!;
  });
  afterAll(() => w.database.close());

  const rate = (body: Record<string, unknown>) =>
    citizen.post(`/api/v1/phone/units/${w.unit.id}/ratings`, body);
  const write = (body: Record<string, unknown>) =>
    citizen.post(`/api/v1/phone/units/${w.unit.id}/feedback`, body);

  it('gives the page the unit, the counter and its sectors, cacheable, without signing in', async () => {
    const res = await citizen.get(`/api/v1/phone/config?unit=${w.unit.id}&counter=${counter.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.json()).toMatchObject({
      unit: { id: w.unit.id, name: 'Sở Tư pháp', scale: 'five' },
      counter: { id: counter.id, name: counter.name },
      sectors: expect.arrayContaining([{ id: sector.id, name: sector.name }]),
      survey: DEFAULT_SURVEY_SETTINGS,
    });
    expect((await citizen.get(`/api/v1/phone/config?unit=khong-co`)).status).toBe(404);
    const foreign = (await w.database.repos.catalogue.listCounters(w.otherUnit.id))[0];
    if (foreign) {
      expect(
        (await citizen.get(`/api/v1/phone/config?unit=${w.unit.id}&counter=${foreign.id}`)).status,
      ).toBe(404);
    }
  });

  it('stores a rating once whatever the retries, on the phone channel', async () => {
    const body = {
      id: randomUUID(),
      counterId: counter.id,
      sectorId: sector.id,
      level: 2,
      reasons: ['waiting_time'],
      comment: 'Chờ lâu quá',
      dossierCode: 'h12.22-261120-0001',
    };
    const first = await rate(body);
    expect(first.status).toBe(201);
    const again = await Promise.all([rate(body), rate(body), rate(body)]);
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await again[0]!.json()).status).toBe('duplicate');
    const changed = await rate({ ...body, level: 1 });
    expect(changed.status).toBe(409);
    const rows = await w.database.db
      .selectFrom('ratings')
      .select(['channel', 'counterId', 'level', 'dossierCode'])
      .where('id', '=', body.id)
      .execute();
    // The unit asks no dossier code (the defaults): the code from the link is dropped, the
    // rating kept, as for a tablet's (unit-policy.ts).
    expect(rows).toEqual([
      { channel: 'phone', counterId: counter.id, level: 2, dossierCode: null },
    ]);
  });

  it('stores a new rating once when its first sends race each other', async () => {
    const body = { id: randomUUID(), counterId: counter.id, sectorId: sector.id, level: 4 };
    const answers = await Promise.all([rate(body), rate(body), rate(body), rate(body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const rows = await w.database.db
      .selectFrom('ratings')
      .select('id')
      .where('id', '=', body.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('raises the counter’s unhappy-burst alert from phone ratings that count, as from a tablet’s', async () => {
    const other = (await w.database.repos.catalogue.listCounters(w.unit.id))[1]!;
    // Issue 22: a phone rating counts (and so can raise an alert) when it is tied to a dossier of
    // the unit: here the unit requires a code and each matches its pattern.
    const surveyWith = (dossier: 'off' | 'required') =>
      w.database.repos.survey.putSurveySettings({
        unitId: w.unit.id,
        settings: { ...DEFAULT_SURVEY_SETTINGS, dossier, dossierPattern: '^HS-\\d{4}$' },
        updatedAt: w.clock.now,
        updatedBy: null,
      });
    await surveyWith('required');
    for (let i = 1; i <= 3; i++) {
      const res = await rate({
        id: randomUUID(),
        counterId: other.id,
        sectorId: sector.id,
        level: 1,
        dossierCode: `HS-000${i}`,
      });
      expect(res.status).toBe(201);
    }
    await surveyWith('off');
    const runner = createHailongRunner({
      repos: w.database.repos,
      clock: w.clock.read,
      logger: createLogger('silent'),
      holder: 'test-process',
      alerts: { intervalMs: 0 },
    });
    await runner.runOnce();
    const open = await w.database.repos.alerts.listOpen();
    expect(open.filter((a) => a.kind === 'unsatisfied_burst')).toEqual([
      expect.objectContaining({
        unitId: w.unit.id,
        conditionKey: expect.stringContaining(other.id),
      }),
    ]);
  });

  it('refuses bad ratings with 4xx and a code', async () => {
    const base = { id: randomUUID(), sectorId: sector.id, level: 4 };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, level: 9 }, 422, 'validation_failed'],
      [{ ...base, sectorId: 'khong-co' }, 422, 'unknown_sector'],
      [{ ...base, id: 'khong-phai-uuid' }, 422, 'validation_failed'],
      [{ ...base, counterId: 'khong-co' }, 404, 'not_found'],
    ];
    for (const [body, status, code] of cases) {
      const res = await rate(body);
      expect([res.status, (await res.json()).error.code]).toEqual([status, code]);
    }
  });

  it('stores a phản ánh with photos once, without EXIF, and gives its tracking code again', async () => {
    const body = {
      id: randomUUID(),
      counterId: counter.id,
      sectorId: sector.id,
      feedbackKind: 'phan_anh',
      content: 'Quầy số 1 không có ghế chờ cho người cao tuổi.',
      contact: { name: 'Ngô Văn Tâm', phone: '0988111222', consentVersion: 'dong-y-2026-01' },
      photos: [Buffer.from(cameraPhoto()).toString('base64')],
    };
    const first = await write(body);
    expect(first.status).toBe(201);
    const receipt = await first.json();
    expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const resent = await Promise.all([write(body), write(body)]);
    for (const res of resent) {
      expect(res.status).toBe(200);
      expect((await res.json()).trackingCode).toBe(receipt.trackingCode);
    }
    const stored = await w.database.db
      .selectFrom('feedbackAttachments')
      .select('bytes')
      .where('feedbackId', '=', body.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]!.bytes!).toString('latin1')).not.toContain(GPS_TEXT);
    const detail = await (await w.admin.get(`/api/v1/feedback/${body.id}`)).json();
    expect(detail).toMatchObject({
      channel: 'phone',
      trackingCode: receipt.trackingCode,
      contact: { name: 'Ngô Văn Tâm', consentVersion: 'dong-y-2026-01' },
      classifyDue: expect.any(String),
    });
    const svg = await write({
      ...body,
      id: randomUUID(),
      photos: [Buffer.from('<svg/>').toString('base64')],
    });
    expect([svg.status, (await svg.json()).error.code]).toEqual([422, 'unsupported_media']);
  });

  it('refuses photos whose header declares too many pixels, and stores nothing', async () => {
    const body = (photo: Uint8Array) => ({
      id: randomUUID(),
      counterId: counter.id,
      sectorId: sector.id,
      feedbackKind: 'phan_anh',
      content: 'Ảnh chụp quầy tiếp nhận.',
      photos: [
        Buffer.from(cameraPhoto()).toString('base64'),
        Buffer.from(photo).toString('base64'),
      ],
    });
    // A few dozen bytes that would decode to 40 GB (PNG), 100 MP (JPEG), or a 1-pixel-high strip
    // wider than any screen: each refused by its header, in parallel, with nothing stored.
    const bombs = [
      pngDeclaring(100_000, 100_000),
      cameraPhoto(10_000, 10_000),
      pngDeclaring(60_000, 1),
    ];
    const sent = bombs.map(body);
    const answers = await Promise.all(sent.map(write));
    for (const res of answers) {
      expect(res.status).toBe(422);
      expect((await res.json()).error).toMatchObject({
        code: 'image_too_large',
        message: expect.stringMatching(/ảnh/i),
        details: [{ path: 'attachments.1' }],
      });
    }
    const stored = await w.database.db
      .selectFrom('feedbackItems')
      .select('id')
      .where(
        'id',
        'in',
        sent.map((b) => b.id),
      )
      .execute();
    expect(stored).toEqual([]);
    // The largest a photo may be still passes: 40 MP.
    expect((await write(body(pngDeclaring(8000, 5000)))).status).toBe(201);
  });

  it('splits the tally by channel, adding up to the node’s total', async () => {
    // Two tablet ratings and one more phone rating besides those above.
    const deviceTime = new Date(w.clock.now - 60_000).toISOString();
    const tablet = await sync(new Session(w.app), w.device, [
      rating(w.device, 900, { sectorId: sector.id, level: 4, deviceTime }),
      rating(w.device, 901, {
        sectorId: sector.id,
        level: 1,
        deviceTime: new Date(w.clock.now - 30_000).toISOString(),
      }),
    ]);
    expect((await tablet.json()).results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
    ]);
    await rate({ id: randomUUID(), sectorId: sector.id, level: 5 });
    const month = new Date(w.clock.now + 7 * 3600_000).toISOString().slice(0, 7);
    const split = await (
      await w.supervisor.get(`/api/v1/tally/channels?node=${w.unit.id}&period=${month}`)
    ).json();
    const node = await (
      await w.supervisor.get(`/api/v1/tally/node?node=${w.unit.id}&period=${month}`)
    ).json();
    const byChannel = Object.fromEntries(
      split.channels.map((c: { channel: string; total: number }) => [c.channel, c.total]),
    );
    // The three unhappy phone ratings tied to dossiers count; the others above (one, one that
    // raced) and this one are tied to none: kept apart, with their own count (issue 22).
    expect(byChannel).toEqual({ tablet: 2, phone: 3, staff: 0 });
    const phone = split.channels.find((c: { channel: string }) => c.channel === 'phone');
    expect(phone.unverified).toBe(3);
    expect(split.total).toBe(node.totals.total);
    expect(split.satisfied).toBe(node.totals.satisfied);
    expect(split.channels.reduce((n: number, c: { total: number }) => n + c.total, 0)).toBe(
      split.total,
    );
    expect((await w.other.get(`/api/v1/tally/channels?node=${w.unit.id}`)).status).toBe(404);
  });
  describe('with the unit’s survey turned on', () => {
    const surveyOn = (changes: Partial<UnitSurveySettings>) =>
      w.database.repos.survey.putSurveySettings({
        unitId: w.unit.id,
        settings: {
          ...DEFAULT_SURVEY_SETTINGS,
          respondentType: true,
          questions: { visits: true, agencies: true, attitude: true },
          ...changes,
        },
        updatedAt: w.clock.now,
        updatedBy: null,
      });
    const stored = (id: string) =>
      w.database.db
        .selectFrom('ratings')
        .select(['officerId', 'dossierCode', 'respondentType', 'visits', 'agencies', 'attitude'])
        .where('id', '=', id)
        .execute();

    beforeAll(async () => {
      // Past the per-address burst of the submissions above: these come a minute later.
      w.clock.advance(61_000);
      await w.database.repos.survey.putDutyIfNewer({
        counterId: counter.id,
        officerId: w.lan.userId,
        since: w.clock.now - 3600_000,
        source: 'console',
        setBy: null,
        updatedAt: w.clock.now,
      });
    });
    afterAll(() => w.database.repos.survey.deleteSurveySettings(w.unit.id));

    it('gives the page the unit’s settings in force', async () => {
      await surveyOn({ dossier: 'required' });
      const res = await citizen.get(`/api/v1/phone/config?unit=${w.unit.id}&counter=${counter.id}`);
      expect((await res.json()).survey).toEqual({
        ...DEFAULT_SURVEY_SETTINGS,
        dossier: 'required',
        respondentType: true,
        questions: { visits: true, agencies: true, attitude: true },
      });
    });

    it('stores the answers, the respondent type and the officer on duty on the rating', async () => {
      await surveyOn({ dossier: 'optional' });
      const body = {
        id: randomUUID(),
        counterId: counter.id,
        sectorId: sector.id,
        level: 4,
        dossierCode: 'H12.22-261120-0002',
        respondentType: 'organisation',
        answers: { visits: 2, agencies: 3, attitude: 'not_courteous' },
      };
      expect((await rate(body)).status).toBe(201);
      expect(await stored(body.id)).toEqual([
        {
          officerId: w.lan.userId,
          dossierCode: 'H12.22-261120-0002',
          respondentType: 'organisation',
          visits: 2,
          agencies: 3,
          attitude: 'not_courteous',
        },
      ]);
      const partial = { id: randomUUID(), counterId: counter.id, sectorId: sector.id, level: 5 };
      expect((await rate({ ...partial, answers: { visits: 1 } })).status).toBe(201);
      expect(await stored(partial.id)).toEqual([
        {
          officerId: w.lan.userId,
          dossierCode: null,
          respondentType: null,
          visits: 1,
          agencies: null,
          attitude: null,
        },
      ]);
    });

    it('names no officer when the unit does not record them', async () => {
      await surveyOn({ officerAttribution: false });
      const body = { id: randomUUID(), counterId: counter.id, sectorId: sector.id, level: 4 };
      expect((await rate({ ...body, answers: { attitude: 'courteous' } })).status).toBe(201);
      expect(await stored(body.id)).toEqual([
        expect.objectContaining({ officerId: null, attitude: 'courteous' }),
      ]);
    });

    it('refuses a malformed dossier code where the unit asks for one, storing nothing; keeps a level without one', async () => {
      await surveyOn({ dossier: 'required', dossierPattern: '^H12\\.22-\\d{6}-\\d{4}$' });
      const base = { counterId: counter.id, sectorId: sector.id, level: 4 };
      const malformed = { ...base, id: randomUUID(), dossierCode: 'X-1' };
      const res = await rate(malformed);
      const answer = await res.json();
      expect([res.status, answer.error.code]).toEqual([422, 'validation_failed']);
      expect(answer.error.message).toContain('không đúng định dạng');
      expect(await stored(malformed.id)).toEqual([]);
      const good = { ...base, id: randomUUID(), dossierCode: 'h12.22-261120-0003' };
      expect((await rate(good)).status).toBe(201);
      // The same for every source: a level counts from the press, even without the code the unit
      // requires (the citizen may leave before typing it); what counts decides its weight.
      const without = { ...base, id: randomUUID() };
      expect((await rate(without)).status).toBe(201);
      expect(await stored(without.id)).toEqual([expect.objectContaining({ dossierCode: null })]);
    });

    it('checks a crafted code against a catastrophic pattern in linear time (RE2), not for ever', async () => {
      // Saved before the console refused such patterns: a backtracking engine takes about 2^63
      // steps on this code (the test would never end), RE2 a few microseconds.
      await surveyOn({ dossier: 'optional', dossierPattern: '^([A-Z0-9]+-?)+$' });
      const crafted = { counterId: counter.id, sectorId: sector.id, level: 4, id: randomUUID() };
      const res = await rate({ ...crafted, dossierCode: `${'A'.repeat(63)}!` });
      expect([res.status, (await res.json()).error.code]).toEqual([422, 'validation_failed']);
      expect(await stored(crafted.id)).toEqual([]);
      const fine = { ...crafted, id: randomUUID(), dossierCode: 'AB12-3456' };
      expect((await rate(fine)).status).toBe(201);
    });
  });
});
