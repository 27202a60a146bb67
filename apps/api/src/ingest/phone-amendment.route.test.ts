/**
 * The phone page's level counts from the press (issue 21), on both dialects: the level alone is
 * stored and counted at once; the follow-up answers arrive as one amendment of that rating, applied
 * once whatever the resends, through the unit's policy (what it does not ask is dropped, a
 * dossier code not in its form refused); a wrong or expired key, a second amendment or a field the
 * rating already carries is refused and changes nothing; a whole submission meets the same policy.
 * (phone-amendment-parity.route.test.ts compares the result with one whole submission.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { dialects } from '../../../../test/support/databases.ts';
import {
  ALL_ASKED,
  amend,
  level,
  newKey,
  rate,
  stored,
  survey,
  total,
  world,
  type World,
} from '../../test/fixtures/phone-amendment-fixture.ts';

describe.each(dialects)('the phone page’s level and its amendment on %s', (dialect) => {
  let w: World;

  beforeAll(async () => {
    w = await world(dialect);
    await survey(w, ALL_ASKED);
  });
  afterAll(() => w.database.close());

  it('counts a level alone the moment it arrives, before any follow-up answer', async () => {
    const before = await total(w);
    const lowest = level(w, 1);
    const res = await rate(w, lowest);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: lowest.id, status: 'accepted' });
    expect(await total(w)).toBe(before + 1);
    const [row] = await w.database.db
      .selectFrom('ratings')
      .select(['level', 'reasons', 'channel', 'category'])
      .where('id', '=', lowest.id)
      .execute();
    // No dossier ties it to the unit: stored at once, and shown apart from the official rate.
    expect(row).toEqual({ level: 1, reasons: '', channel: 'phone', category: 'unverified' });
  });

  it('takes the level before the dossier code where the unit requires one, the code following or not', async () => {
    await survey(w, {
      ...ALL_ASKED,
      dossier: 'required',
      dossierPattern: '^H12\\.22-\\d{6}-\\d{4}$',
    });
    try {
      const before = await total(w);
      const [coded, bare] = [level(w, 2), level(w, 2)];
      for (const pressed of [coded, bare]) expect((await rate(w, pressed)).status).toBe(201);
      expect(await total(w)).toBe(before + 2);
      const malformed = await amend(w, coded.id, {
        amendKey: coded.amendKey,
        reasons: ['other'],
        dossierCode: 'X-1',
      });
      const refusal = await malformed.json();
      expect([malformed.status, refusal.error.code]).toEqual([422, 'validation_failed']);
      expect(refusal.error.message).toContain('không đúng định dạng');
      const fixed = await amend(w, coded.id, {
        amendKey: coded.amendKey,
        reasons: ['other'],
        dossierCode: 'h12.22-261120-0100',
      });
      expect(fixed.status).toBe(200);
      expect(await fixed.json()).toEqual({ id: coded.id, status: 'amended' });
      // The citizen who leaves the code out still gives the reasons: the same policy as a whole
      // rating, which a missing code never refuses.
      const without = await amend(w, bare.id, { amendKey: bare.amendKey, reasons: ['other'] });
      expect(without.status).toBe(200);
      const rows = await w.database.db
        .selectFrom('ratings')
        .select(['id', 'dossierCode', 'reasons'])
        .where('id', 'in', [coded.id, bare.id])
        .execute();
      expect(new Map(rows.map((r) => [r.id, [r.dossierCode, r.reasons]]))).toEqual(
        new Map([
          [coded.id, ['H12.22-261120-0100', 'other']],
          [bare.id, [null, 'other']],
        ]),
      );
    } finally {
      await survey(w, ALL_ASKED);
    }
  });

  it('counts parallel resends of one level once', async () => {
    w.clock.advance(61_000);
    const before = await total(w);
    const pressed = level(w, 5);
    const answers = await Promise.all([1, 2, 3, 4].map(() => rate(w, pressed)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(await total(w)).toBe(before + 1);
    const keys = await w.database.db
      .selectFrom('ratingAmendments')
      .select('ratingId')
      .where('ratingId', '=', pressed.id)
      .execute();
    expect(keys).toHaveLength(1);
  });

  it('applies one amendment once when its copies race, and refuses a second, other one', async () => {
    w.clock.advance(61_000);
    const pressed = level(w, 2);
    expect((await rate(w, pressed)).status).toBe(201);
    const follow = { amendKey: pressed.amendKey, reasons: ['came_back'], comment: 'Phải đi lại' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => amend(w, pressed.id, follow)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const statuses = await Promise.all(answers.map(async (r) => (await r.json()).status));
    expect(statuses.sort()).toEqual(['amended', 'duplicate', 'duplicate', 'duplicate']);
    const other = await Promise.all(
      [['waiting_time'], ['other']].map((reasons) =>
        amend(w, pressed.id, { amendKey: pressed.amendKey, reasons }),
      ),
    );
    for (const res of other) {
      expect([res.status, (await res.json()).error.code]).toEqual([409, 'already_amended']);
    }
    const [row] = await w.database.db
      .selectFrom('ratings')
      .select(['reasons', 'comment'])
      .where('id', '=', pressed.id)
      .execute();
    expect(row).toEqual({ reasons: 'came_back', comment: 'Phải đi lại' });
  });

  it('refuses a wrong key, an unknown rating and an expired key, changing nothing', async () => {
    w.clock.advance(61_000);
    const pressed = level(w, 1);
    expect((await rate(w, pressed)).status).toBe(201);
    const before = await stored(w);
    const follow = { reasons: ['staff_attitude'] };
    const wrong = await amend(w, pressed.id, { ...follow, amendKey: newKey() });
    expect([wrong.status, (await wrong.json()).error.code]).toEqual([403, 'amendment_key_invalid']);
    const unknown = await amend(w, randomUUID(), { ...follow, amendKey: pressed.amendKey });
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, 'not_found']);
    // A rating sent whole by an older page has no key: nothing may amend it.
    const whole = { ...level(w, 2), amendKey: undefined, reasons: ['other'] };
    expect((await rate(w, whole)).status).toBe(201);
    const keyless = await amend(w, whole.id, { ...follow, amendKey: pressed.amendKey });
    expect([keyless.status, (await keyless.json()).error.code]).toEqual([404, 'not_found']);
    const afterWhole = await stored(w);
    w.clock.advance(31 * 60_000);
    const late = await amend(w, pressed.id, { ...follow, amendKey: pressed.amendKey });
    const answer = await late.json();
    expect([late.status, answer.error.code]).toEqual([410, 'amendment_expired']);
    expect(answer.error.message).toMatch(/đã được ghi nhận/);
    expect(await stored(w)).toEqual(afterWhole);
    expect(before.ratings.length + 1).toBe(afterWhole.ratings.length);
  });

  it('drops what the unit does not ask, refuses what the rating already has', async () => {
    w.clock.advance(61_000);
    await survey(w, { dossier: 'off' });
    try {
      const happy = level(w, 5);
      const commented = level(w, 2, { comment: 'Chờ lâu', dossierCode: 'H12.22-261120-0200' });
      for (const body of [happy, commented]) expect((await rate(w, body)).status).toBe(201);
      const before = await stored(w);
      const again = await amend(w, commented.id, { amendKey: commented.amendKey, comment: 'Lại' });
      const body = await again.json();
      expect([again.status, body.error.code]).toEqual([422, 'not_asked']);
      expect(body.error.message).toMatch(
        /[ạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳđ]/,
      );
      const level2 = await amend(w, commented.id, { amendKey: commented.amendKey, level: 5 });
      expect([level2.status, (await level2.json()).error.code]).toEqual([422, 'validation_failed']);
      expect(await stored(w)).toEqual(before);
      // Reasons after a satisfied level and the steps the unit does not ask are dropped; the
      // amendment applies with what is left (a comment), as a whole rating would be stored.
      const unasked = await amend(w, happy.id, {
        amendKey: happy.amendKey,
        reasons: ['waiting_time'],
        comment: 'Nhanh',
        respondentType: 'individual',
        answers: { visits: 2, attitude: 'courteous' },
        dossierCode: 'H12.22-261120-0201',
      });
      expect(unasked.status).toBe(200);
      const rows = await w.database.db
        .selectFrom('ratings')
        .select(['id', 'reasons', 'comment', 'dossierCode', 'respondentType', 'visits', 'attitude'])
        .where('id', 'in', [happy.id, commented.id])
        .execute();
      expect(new Map(rows.map(({ id, ...r }) => [id, r]))).toEqual(
        new Map([
          [
            happy.id,
            {
              reasons: '',
              comment: 'Nhanh',
              dossierCode: null,
              respondentType: null,
              visits: null,
              attitude: null,
            },
          ],
          [
            commented.id,
            {
              reasons: '',
              comment: 'Chờ lâu',
              dossierCode: null,
              respondentType: null,
              visits: null,
              attitude: null,
            },
          ],
        ]),
      );
      // Refusals used nothing up: the answers the unit asks for go through afterwards.
      const fine = await amend(w, commented.id, {
        amendKey: commented.amendKey,
        reasons: ['waiting_time'],
      });
      expect(fine.status).toBe(200);
    } finally {
      await survey(w, ALL_ASKED);
    }
  });

  it('holds a whole submission to the same policy: what the unit does not ask is dropped', async () => {
    w.clock.advance(61_000);
    await survey(w, { dossier: 'optional' });
    try {
      const base = { counterId: w.counter.id, sectorId: w.sector.id };
      const cases: Record<string, unknown>[] = [
        { ...base, id: randomUUID(), level: 5, reasons: ['waiting_time'] },
        { ...base, id: randomUUID(), level: 2, respondentType: 'individual' },
        { ...base, id: randomUUID(), level: 2, answers: { agencies: 1 } },
      ];
      for (const body of cases) expect((await rate(w, body)).status).toBe(201);
      const rows = await w.database.db
        .selectFrom('ratings')
        .select(['reasons', 'respondentType', 'agencies'])
        .where(
          'id',
          'in',
          cases.map((c) => c.id as string),
        )
        .execute();
      expect(rows).toEqual(Array(3).fill({ reasons: '', respondentType: null, agencies: null }));
    } finally {
      await survey(w, ALL_ASKED);
    }
  });
});
