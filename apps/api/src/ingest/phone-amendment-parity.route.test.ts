/**
 * Issue 21's promise on the phone page, on both dialects: a level stored alone and then amended
 * ends in exactly the rows and counters one whole submission of the same content makes — the
 * dossier rule included, where the amended rating beats an earlier rating of its dossier or is
 * beaten by a later one that arrived between its level and its amendment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { dialects } from '../../../../test/support/databases.ts';
import {
  ALL_ASKED,
  amend,
  newKey,
  rate,
  stored,
  survey,
  world,
  type World,
} from '../../test/fixtures/phone-amendment-fixture.ts';

describe.each(dialects)('an amended level against one whole submission on %s', (dialect) => {
  let whole: World;
  let amended: World;

  beforeAll(async () => {
    [whole, amended] = await Promise.all([world(dialect), world(dialect)]);
    for (const x of [whole, amended]) {
      await survey(x, ALL_ASKED);
      // Dossiers of the unit (the one-stop import): phone ratings of them count (issue 22).
      await x.database.repos.assessment.upsertDossiers(
        ['H12.22-261120-0001', 'H12.22-261120-0002'].map((code) => ({
          code,
          unitId: x.unit.id,
          sectorId: null,
          officerId: null,
          procedure: null,
          receivedDate: '2026-11-16',
          dueDate: '2026-11-30',
          returnedDate: null,
          online: false,
        })),
        x.clock.now,
      );
    }
  });
  afterAll(async () => {
    await Promise.all([whole.database.close(), amended.database.close()]);
  });

  it('ends in the same rows and counters, the dossier rule included', async () => {
    const base = (w: World) => ({ counterId: w.counter.id, sectorId: w.sector.id });
    const ids = { earlier: randomUUID(), x: randomUUID(), x2: randomUUID(), y: randomUUID() };
    const happyId = randomUUID();
    const keys = { x: newKey(), x2: newKey(), happy: newKey() };
    // X beats an earlier rating of its dossier; X2 is beaten by a later rating of its own.
    const x = {
      level: 2,
      reasons: ['waiting_time', 'staff_attitude'],
      comment: 'Chờ hơn hai tiếng',
      dossierCode: 'H12.22-261120-0001',
      respondentType: 'individual',
      answers: { visits: 3, agencies: 2, attitude: 'not_courteous' },
    };
    const x2 = {
      level: 1,
      reasons: ['came_back'],
      dossierCode: 'H12.22-261120-0002',
      answers: { visits: 2 },
    };
    const happy = { level: 5, respondentType: 'organisation', answers: { attitude: 'courteous' } };

    for (const w of [whole, amended]) {
      const one = (id: string, body: Record<string, unknown>) =>
        rate(w, { id, ...base(w), ...body }).then((r) => expect(r.status).toBe(201));
      await one(ids.earlier, { level: 4, dossierCode: x.dossierCode });
      w.clock.advance(60_000);
      if (w === whole) {
        await one(ids.x, x);
        await one(ids.x2, x2);
        await one(happyId, happy);
      } else {
        await one(ids.x, { level: x.level, amendKey: keys.x });
        await one(ids.x2, { level: x2.level, amendKey: keys.x2 });
        await one(happyId, { level: happy.level, amendKey: keys.happy });
      }
      w.clock.advance(60_000);
      await one(ids.y, { level: 5, dossierCode: x2.dossierCode });
      w.clock.advance(5 * 60_000);
      if (w === amended) {
        for (const [id, key, content] of [
          [ids.x, keys.x, x],
          [ids.x2, keys.x2, x2],
          [happyId, keys.happy, happy],
        ] as const) {
          const follow: Record<string, unknown> = { ...content, amendKey: key };
          delete follow['level'];
          const res = await amend(w, id, follow);
          expect(res.status).toBe(200);
        }
      }
    }
    const [a, b] = [await stored(whole), await stored(amended)];
    expect(b).toEqual(a);
    // And the rule did decide something: the earlier rating and X2 left the rate.
    const categories = await whole.database.db
      .selectFrom('ratings')
      .select(['id', 'category'])
      .where('id', 'in', [ids.earlier, ids.x, ids.x2, ids.y])
      .execute();
    expect(Object.fromEntries(categories.map((r) => [r.id, r.category]))).toEqual({
      [ids.earlier]: 'superseded',
      [ids.x]: 'counted',
      [ids.x2]: 'superseded',
      [ids.y]: 'counted',
    });
  });
});
