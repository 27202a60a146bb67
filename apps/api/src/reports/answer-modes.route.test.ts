/**
 * How citizens answered, counted (issue 27) on both dialects: a kiosk's records and a phone
 * rating carry their language, spoken prompts and large text; the server stores them with the
 * rating and counts them in the same transaction, once however often a batch is resent; a
 * supervisor reads the counts of their own subtree only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { enrollDevice, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { testPack } from '../../../../test/support/language-pack-fixture.ts';
import type { RatingRecord } from '@hailong/contracts';
import { SCOPE_START, scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';
import type { AnswerModesReport } from './answer-modes.service.ts';

describe.each(dialects)('answer modes on %s', (dialect) => {
  let w: ScopeWorld;
  let device: TestDevice;
  let sectorId: string;

  beforeAll(async () => {
    w = await scopeWorld(dialect);
    expect(
      (await w.admin.send('PUT', '/api/v1/language-packs/km', { body: testPack('km') })).status,
    ).toBe(200);
    device = await enrollDevice(w.admin, w.communeA.id);
    sectorId = (await w.database.repos.catalogue.listSectors(w.communeA.id))[0]!.id;
  });
  afterAll(() => w?.database.close());

  const report = async (s: Session, node: string) => {
    const res = await s.get(`/api/v1/reports/answer-modes?node=${node}&period=2026-11`);
    return { status: res.status, body: (await res.json()) as AnswerModesReport };
  };

  it('counts a kiosk batch’s modes once, however often it is resent', async () => {
    // Pressed after the tablet was enrolled (earlier is a clock set wrong), minutes apart (not repeats), on commune A’s
    // three-level scale.
    const at = (seq: number) => new Date(SCOPE_START + seq * 600_000).toISOString();
    const press = (seq: number, fields: Partial<RatingRecord>) =>
      rating(device, seq, { sectorId, level: 3, deviceTime: at(seq), ...fields });
    const items = [
      press(1, {}),
      press(2, { level: 2, language: 'km', audio: true }),
      press(3, { level: 1, language: 'km', largeText: true }),
      press(4, { language: 'vi', audio: true, largeText: true }),
    ];
    w.clock.advance(3_600_000);
    const client = new Session(w.app);
    for (let send = 0; send < 2; send++) {
      const res = await sync(client, device, items);
      expect(res.status).toBe(200);
      const results = (await res.json()).results as { status: string }[];
      expect(results.map((r) => r.status)).toEqual(Array(4).fill(send ? 'duplicate' : 'accepted'));
    }
    const { status, body } = await report(w.supA, w.communeA.id);
    expect(status).toBe(200);
    expect(body).toEqual({
      nodeId: w.communeA.id,
      period: '2026-11',
      total: 4,
      languages: [
        { language: 'km', name: 'ភាសាខ្មែរ', nameVi: 'Tiếng Khmer', count: 2 },
        { language: 'vi', name: 'Tiếng Việt', nameVi: 'Tiếng Việt', count: 2 },
      ],
      audio: 2,
      largeText: 2,
    });
    // The province sums its subtree; the rows carry the modes as sent.
    expect((await report(w.admin, w.province.id)).body).toMatchObject({ total: 4, audio: 2 });
    const stored = await w.database.db
      .selectFrom('ratings')
      .select(['language', 'audio', 'largeText'])
      .where('id', '=', items[1]!.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ language: 'km', audio: 1, largeText: 0 });
  });

  it('stores and counts a phone rating’s modes, kept apart like the rating itself', async () => {
    const citizen = new Session(w.app);
    const id = randomUUID();
    const body = { id, sectorId, level: 3, language: 'km', audio: true, largeText: true };
    for (let send = 0; send < 2; send++) {
      const res = await citizen.post(`/api/v1/phone/units/${w.communeA.id}/ratings`, body);
      expect(res.status).toBeLessThan(300);
    }
    const counters = await w.database.db
      .selectFrom('answerModeRollups')
      .select(['category', 'language', 'audio', 'largeText', 'count'])
      .where('unitId', '=', w.communeA.id)
      .where('category', '=', 'unverified')
      .execute();
    // Not tied to a dossier: unverified, out of the rate and out of the counted modes.
    expect(counters.map((c) => ({ ...c, count: Number(c.count) }))).toEqual([
      { category: 'unverified', language: 'km', audio: 1, largeText: 1, count: 1 },
    ]);
    expect((await report(w.supA, w.communeA.id)).body.total).toBe(4);
  });

  it('shows a supervisor their own subtree only', async () => {
    expect((await report(w.supA, w.communeB.id)).status).toBe(404);
    expect((await report(w.supCentre, w.communeA.id)).status).toBe(404);
    expect((await new Session(w.app).get('/api/v1/reports/answer-modes')).status).toBe(401);
    const bad = await w.supA.get(`/api/v1/reports/answer-modes?period=2026-13`);
    expect(bad.status).toBe(422);
  });
});
