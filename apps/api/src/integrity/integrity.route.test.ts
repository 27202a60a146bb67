/**
 * Integrity signals on both dialects from a hand-made Monday (23/11/2026) of commune A: each
 * signal appears with its records and explanation, a conclusion is kept and audited and changes
 * no figure, and only supervisors of the subtree and admins may read or conclude.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import type { Session } from '../../../../test/support/api-client.ts';
import {
  integrityRating,
  integrityWorld as world,
  storeRatings,
} from '../../test/fixtures/integrity-fixture.ts';
import type { RatingRow } from '../repositories/types.ts';

const DAY = '2026-11-23';
/** hh:mm:ss on DAY in Hà Nội. */
const at = (h: number, m: number, s = 0) =>
  Date.parse(`${DAY}T${pad(h)}:${pad(m)}:${pad(s)}+07:00`);
const pad = (n: number) => String(n).padStart(2, '0');
describe.each(dialects)('integrity signals on %s', (dialect) => {
  let w: Awaited<ReturnType<typeof world>>;
  let n = 0;
  const byKind = new Map<string, { id: string; ratingIds: string[]; explanation: string }[]>();

  beforeAll(async () => {
    w = await world(dialect);
    const { repos } = w.database;
    const unitId = w.communeA.id;
    const sectorId = (await repos.catalogue.listSectors(unitId))[0]!.id;
    for (const [id, name] of [
      ['q1', 'Quầy 1'],
      ['q2', 'Quầy 2'],
    ] as const) {
      await repos.catalogue.createCounter({
        id: `${dialect}-${id}`,
        unitId,
        code: id,
        name,
        sortOrder: 0,
        archivedAt: null,
        createdAt: at(0, 0) - 86_400_000 * 30,
        updatedAt: null,
      });
    }
    const q1 = `${dialect}-q1`;
    const q2 = `${dialect}-q2`;
    await repos.survey.putDutyIfNewer({
      counterId: q2,
      officerId: w.staffA.userId,
      since: at(7, 0),
      source: 'console',
      setBy: null,
      updatedAt: at(7, 0),
    });
    const rating = (deviceTime: number, over: Partial<RatingRow> = {}): RatingRow =>
      integrityRating(`r${String(++n).padStart(3, '0')}`, sectorId, deviceTime, {
        counterId: q1,
        ...over,
      });
    // Background earlier in the month: 40 tablet ratings, no phone ones.
    const earlier = Array.from({ length: 40 }, (_, i) =>
      rating(Date.parse('2026-11-02T09:00:00+07:00') + i * 600_000, { dossierCode: `HS-${i}` }),
    );
    const day = [
      rating(at(6, 0)), // before opening
      ...Array.from({ length: 5 }, (_, i) => rating(at(9, 0, i * 10), { level: 5 })),
      rating(at(10, 0), { counterId: q2, officerId: w.staffA.userId, dossierCode: 'HS-A' }),
      rating(at(10, 5), { counterId: q2, officerId: w.staffA.userId, dossierCode: 'HS-B' }),
      rating(at(10, 10), { counterId: q2, officerId: w.supA.userId, dossierCode: 'HS-C' }),
      ...Array.from({ length: 10 }, (_, i) =>
        rating(at(14, i), { counterId: null, channel: 'phone', category: 'unverified' }),
      ),
    ];
    const rows = [...earlier, ...day];
    await storeRatings(repos, rows);
    // The one-stop file: one dossier returned that day, by the officer on duty at Q2.
    await repos.assessment.upsertDossiers(
      [
        {
          code: 'HS-A',
          unitId,
          sectorId,
          officerId: w.staffA.userId,
          procedure: null,
          receivedDate: '2026-11-20',
          dueDate: '2026-11-25',
          returnedDate: DAY,
          online: false,
        },
      ],
      at(18, 0),
    );
    // Two of the run's records arrived flagged: the tablet's chain broke before one, the other's
    // signature failed (what sync writes, apps/api/src/ingest/record-chain.ts).
    const tablet = `${dialect}-may-1`;
    await repos.devices.createDevice({
      id: tablet,
      unitId,
      label: 'Máy quầy 1',
      tokenHash: `${dialect}-hash`,
      enrolledAt: at(0, 0),
      revokedAt: null,
      lastSeenAt: null,
      lastSyncAt: null,
      lastRatingAt: null,
      counterId: q1,
    } as never);
    await repos.recordChain.insertFlags(
      (
        [
          ['r043', 'break'],
          ['r044', 'bad_signature'],
        ] as const
      ).map(([recordId, kind], i) => ({
        id: `${dialect}-flag-${i}`,
        deviceId: tablet,
        unitId,
        recordId,
        seq: 10 + i,
        kind,
        detail: kind,
        detectedAt: at(9, 5),
      })),
    );
    const res = await w.supA.get(
      `/api/v1/integrity/signals?nodeId=${unitId}&from=${DAY}&to=${DAY}`,
    );
    expect(res.status).toBe(200);
    for (const s of (await res.json()).signals) {
      byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
    }
  }, 120_000);
  afterAll(() => w?.database.close());

  it('flags ratings outside opening hours, with the hours it applied', () => {
    const [s] = byKind.get('outside_hours')!;
    expect(byKind.get('outside_hours')).toHaveLength(1);
    expect(s!.ratingIds).toEqual(['r041']);
    expect(s!.explanation).toContain('7:30–11:30, 13:30–17:00');
  });

  it('flags more ratings at a counter than dossiers returned there that day', () => {
    const signals = byKind.get('more_than_dossiers')!;
    const q2 = signals.find((s) => s.ratingIds.includes('r047'))!;
    expect(q2.ratingIds).toEqual(['r047', 'r048', 'r049']);
    expect(q2.explanation).toContain('chỉ trả 1 hồ sơ');
  });

  it('flags a run of top ratings seconds apart with no dossier', () => {
    const [s] = byKind.get('top_run')!;
    expect(byKind.get('top_run')).toHaveLength(1);
    expect(s!.ratingIds).toEqual(['r042', 'r043', 'r044', 'r045', 'r046']);
    expect(s!.explanation).toContain('dưới 15 giây');
  });

  it('flags a rating credited to an officer not on duty', () => {
    const [s] = byKind.get('officer_not_on_duty')!;
    expect(s!.ratingIds).toEqual(['r049']);
    expect(s!.explanation).toContain('Người dùng giam.sat.a');
    expect(s!.explanation).toContain('Người dùng can.bo.a');
  });

  it('flags a sudden share of phone ratings against the usual share', () => {
    const [s] = byKind.get('phone_share')!;
    expect(s!.ratingIds).toHaveLength(10);
    expect(s!.explanation).toMatch(/thường ngày chỉ 0%/);
  });

  it('flags the records whose tablet chain broke or whose signature failed, saying so', () => {
    const [s] = byKind.get('chain_flag')!;
    expect(s).toMatchObject({ counterId: `${dialect}-q1`, count: 2, ratingIds: ['r043', 'r044'] });
    expect(s!.explanation).toMatch(/không nối với bản ghi trước; chữ ký số không hợp lệ/);
  });

  it('shows the records behind a signal, and keeps a conclusion without changing a figure', async () => {
    const [s] = byKind.get('top_run')!;
    const tally = `/api/v1/tally/node?node=${w.communeA.id}&period=2026-11`;
    const before = await w.supA.get(tally);
    expect(before.status).toBe(200);
    const records = await w.supA.get(
      `/api/v1/integrity/signals/${encodeURIComponent(s!.id)}/records`,
    );
    expect(records.status).toBe(200);
    expect((await records.json()).records.map((r: { level: number }) => r.level)).toEqual([
      5, 5, 5, 5, 5,
    ]);
    const path = `/api/v1/integrity/signals/${encodeURIComponent(s!.id)}/conclusions`;
    const first = await w.supA.post(path, { outcome: 'follow_up', note: 'Cần xem camera.' });
    expect(first.status).toBe(201);
    const second = await w.admin.post(path, { outcome: 'no_issue', note: 'Đoàn khách đông.' });
    expect((await second.json()).supersedesId).toBe((await first.json()).id);
    const audit = await w.database.repos.audit.list({ entityId: s!.id, limit: 10 });
    expect(audit.map((e) => e.action)).toEqual(['integrity.conclusion', 'integrity.conclusion']);
    const after = await w.supA.get(tally);
    expect(await after.text()).toBe(await before.text());
  });

  it('refuses a clerk (403) and a supervisor of another subtree (404 read, 403 conclude)', async () => {
    const q = `nodeId=${w.communeA.id}&from=${DAY}&to=${DAY}`;
    const asClerk = await w.staffA.get(`/api/v1/integrity/signals?${q}`);
    expect(asClerk.status).toBe(403);
    const other = await w.supB.get(`/api/v1/integrity/signals?${q}`);
    expect(other.status).toBe(404);
    const [s] = byKind.get('top_run')!;
    const path = `/api/v1/integrity/signals/${encodeURIComponent(s!.id)}/conclusions`;
    const conclude = (session: Session) => session.post(path, { outcome: 'confirmed', note: 'x' });
    expect((await conclude(w.staffA)).status).toBe(403);
    expect([403, 404]).toContain((await conclude(w.supB)).status);
    const tooLong = await w.supA.get(
      `/api/v1/integrity/signals?nodeId=${w.communeA.id}&from=2026-10-01&to=${DAY}`,
    );
    expect(tooLong.status).toBe(422);
  });
});
