/**
 * The assessment's repository on real databases of both dialects (issue 22 item 5). Its counters —
 * officers' ratings, the extra answers, rated dossiers — are written only through
 * reports/counters.ts (countNew, recategorise, replaceCounted), and for any run of ratings stored
 * with officers, answers and dossier codes, moved between categories and amended, they equal a
 * recount of the raw `ratings` rows; its reads give the counted figures of those counters, and many
 * transactions at once add up exactly. Then the dossiers judged in a span, and the conclusions on
 * an officer's conduct.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTITUDE_ANSWERS, type AttitudeAnswerCode, type RollupCategory } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { DossierRow, RatingRow, Repositories, UnitRow } from '../repositories/types.ts';
import { countNew, recategorise, replaceCounted } from '../reports/counters.ts';

const T0 = Date.UTC(2026, 1, 1);

const unit = (id: string, parentId: string | null): UnitRow => ({
  id,
  code: id,
  name: id,
  kind: 'other',
  scale: 'five',
  sortOrder: 0,
  createdAt: T0,
  parentId,
  archivedAt: null,
  updatedAt: null,
});

const UNITS = [unit('tinh', null), unit('xa-a', 'tinh'), unit('xa-b', 'tinh')];
const RATED = ['xa-a', 'xa-b'] as const;
const CODES = ['ho-tich', 'chung-thuc'] as const;
const MONTHS = ['2026-03', '2026-04'] as const;
const OFFICERS = [null, 'an', 'binh'] as const;
const DOSSIERS = [null, 'HS-1', 'HS-2'] as const;
const ON_ARRIVAL: RollupCategory[] = ['counted', 'counted', 'counted', 'repeat', 'unverified'];
const LATER = ['repeat', 'superseded', 'late'] as const;

const answer = <T>(values: readonly T[]) => fc.constantFrom(null, ...values);
const fresh = fc.record({
  unit: fc.constantFrom(...RATED),
  code: fc.constantFrom(...CODES),
  month: fc.constantFrom(...MONTHS),
  level: fc.integer({ min: 1, max: 5 }),
  officer: fc.constantFrom(...OFFICERS),
  visits: answer([1, 2, 3]),
  agencies: answer([1, 2, 3]),
  attitude: answer<AttitudeAnswerCode>(ATTITUDE_ANSWERS),
  dossier: fc.constantFrom(...DOSSIERS),
  category: fc.constantFrom(...ON_ARRIVAL),
});
type Fresh = typeof fresh extends fc.Arbitrary<infer T> ? T : never;
const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ store: fc.array(fresh, { minLength: 1, maxLength: 6 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      recategorise: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      to: fc.constantFrom(...LATER),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      amend: fc.nat(),
      visits: answer([1, 2, 3]),
      attitude: answer<AttitudeAnswerCode>(ATTITUDE_ANSWERS),
      dossier: fc.constantFrom(...DOSSIERS),
      category: fc.option(fc.constantFrom<RollupCategory>('counted', 'superseded')),
    }),
  },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

type Counts = Map<string, number>;
const tally = (rows: { key: unknown[]; n: number }[]): Counts => {
  const out = new Map<string, number>();
  for (const { key, n } of rows) {
    const id = key.join('|');
    out.set(id, (out.get(id) ?? 0) + n);
  }
  return new Map([...out].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
};

describe.each(dialects)('the assessment repository on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  let n = 0;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
    for (const u of UNITS) await repos.catalogue.createUnit(u);
    for (const unitId of RATED) {
      for (const code of CODES) {
        await repos.catalogue.createSector({
          id: `${unitId}/${code}`,
          unitId,
          code,
          name: code,
          sortOrder: 0,
          createdAt: T0,
          archivedAt: null,
          updatedAt: null,
        });
      }
    }
  }, 60_000);
  afterAll(() => handle?.close());

  async function reset() {
    for (const table of [
      'ratings',
      'records',
      'nodeRollups',
      'nodeTotals',
      'nodeReasonRollups',
      'counterRollups',
      'officerRollups',
      'answerRollups',
      'ratedDossiers',
    ] as const) {
      await handle.db.deleteFrom(table).execute();
    }
  }

  const ratingOf = (r: Fresh, at: number): RatingRow => {
    n += 1;
    return {
      id: `r${n}`,
      deviceId: null,
      unitId: r.unit,
      sectorId: `${r.unit}/${r.code}`,
      counterId: null,
      level: r.level,
      reasons: [],
      comment: null,
      deviceTime: at,
      receivedAt: at,
      month: r.month,
      category: r.category,
      channel: 'phone',
      officerId: r.officer,
      dossierCode: r.dossier,
      respondentType: null,
      visits: r.visits,
      agencies: r.agencies,
      attitude: r.attitude,
    };
  };

  /** Stores ratings as ingest does: their ledger rows, the rows, then their counters. */
  async function store(tx: Repositories, rows: RatingRow[]) {
    await tx.ingest.insertRecords(
      rows.map((r) => ({
        id: r.id,
        canonicalId: r.id,
        source: 'phone' as const,
        deviceId: null,
        sourceKey: r.unitId,
        seq: null,
        kind: 'rating' as const,
        receivedAt: r.receivedAt,
        contentHash: null,
      })),
    );
    await tx.ingest.insertRatings(rows);
    await countNew(tx, rows);
  }

  async function run(steps: readonly Step[]) {
    const stored: RatingRow[] = [];
    let at = T0;
    for (const s of steps) {
      at += 1000;
      if ('store' in s) {
        const rows = s.store.map((r) => ratingOf(r, at));
        await repos.transaction((tx) => store(tx, rows));
        stored.push(...rows);
      } else if ('recategorise' in s) {
        if (stored.length === 0) continue;
        const picked = [...new Set(s.recategorise.map((i) => stored[i % stored.length]!))];
        await repos.transaction((tx) => recategorise(tx, picked, s.to));
        for (const r of picked) if (r.category === 'counted') r.category = s.to;
      } else {
        if (stored.length === 0) continue;
        const before = stored[s.amend % stored.length]!;
        const after: RatingRow = {
          ...before,
          visits: s.visits ?? before.visits,
          attitude: s.attitude ?? before.attitude,
          dossierCode: s.dossier ?? before.dossierCode,
          category: s.category ?? before.category,
        };
        await repos.transaction(async (tx) => {
          await tx.ratingAmendments.amendRating(before, after);
          await replaceCounted(tx, [before], [after]);
        });
        stored[stored.indexOf(before)] = after;
      }
    }
  }

  /** The counters from the raw rows: a GROUP BY in the database, each answer counted apart. */
  async function recount() {
    const rows = await handle.db
      .selectFrom('ratings')
      .select((eb) => [
        'unitId',
        'month',
        'sectorId',
        'officerId',
        'level',
        'category',
        'visits',
        'agencies',
        'attitude',
        'dossierCode',
        eb.fn.countAll<number | string>().as('n'),
      ])
      .groupBy([
        'unitId',
        'month',
        'sectorId',
        'officerId',
        'level',
        'category',
        'visits',
        'agencies',
        'attitude',
        'dossierCode',
      ])
      .execute();
    const officers: { key: unknown[]; n: number }[] = [];
    const answers: { key: unknown[]; n: number }[] = [];
    const dossiers: { key: unknown[]; n: number }[] = [];
    for (const r of rows) {
      const n = Number(r.n);
      const officer = r.officerId ?? '';
      if (r.officerId !== null) {
        officers.push({ key: [r.unitId, r.month, officer, Number(r.level), r.category], n });
      }
      const given = [
        ['visits', r.visits === null ? null : String(r.visits)],
        ['agencies', r.agencies === null ? null : String(r.agencies)],
        ['attitude', r.attitude],
      ] as const;
      for (const [question, value] of given) {
        if (value === null) continue;
        answers.push({
          key: [r.unitId, r.month, r.sectorId, officer, r.category, question, value],
          n,
        });
      }
      if (r.dossierCode !== null) dossiers.push({ key: [r.dossierCode, r.unitId], n });
    }
    return { officers: tally(officers), answers: tally(answers), dossiers: tally(dossiers) };
  }

  async function counters() {
    const { db } = handle;
    return {
      officers: tally(
        (await db.selectFrom('officerRollups').selectAll().execute()).map((r) => ({
          key: [r.unitId, r.month, r.officerId, Number(r.level), r.category],
          n: Number(r.count),
        })),
      ),
      answers: tally(
        (await db.selectFrom('answerRollups').selectAll().execute()).map((r) => ({
          key: [r.unitId, r.month, r.sectorId, r.officerId, r.category, r.question, r.answer],
          n: Number(r.count),
        })),
      ),
      dossiers: tally(
        (await db.selectFrom('ratedDossiers').selectAll().execute()).map((r) => ({
          key: [r.dossierCode, r.unitId],
          n: Number(r.count),
        })),
      ),
    };
  }

  /** What the reads must answer, from the recount: counted only, per their keys. */
  function expectedReads(raw: Awaited<ReturnType<typeof recount>>) {
    const counted = (counts: Counts, category: number) =>
      [...counts].flatMap(([id, n]) => {
        const key = id.split('|');
        return key[category] === 'counted' ? [{ key, n }] : [];
      });
    const officerRatings = tally(
      counted(raw.officers, 4).map(({ key: [unitId, month, officer, level], n }) => ({
        key: [officer, unitId, month, level],
        n,
      })),
    );
    const answers = (by: 'officer' | 'sector') =>
      tally(
        counted(raw.answers, 4).flatMap(({ key: [unitId, , sectorId, officer, , q, a], n }) =>
          by === 'officer'
            ? officer === ''
              ? []
              : [{ key: [officer, unitId, q, a], n }]
            : [{ key: [unitId, sectorId, q, a], n }],
        ),
      );
    const rated = new Set([...raw.dossiers.keys()].map((id) => id.split('|')[0]!));
    return { officerRatings, byOfficer: answers('officer'), bySector: answers('sector'), rated };
  }

  async function reads() {
    const units = [...RATED, 'tinh'];
    const officerRatings = await repos.assessment.officerRatings(units, MONTHS);
    const byOfficer = await repos.assessment.countedAnswers(units, MONTHS, 'officer');
    const bySector = await repos.assessment.countedAnswers(units, MONTHS, 'sector');
    // Each read comes in its documented order, code point by code point.
    const inOrder = <T>(rows: T[], key: (r: T) => string[]) => {
      const keys = rows.map((r) => key(r).join('\u0000'));
      expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    };
    inOrder(officerRatings, (r) => [r.officerId, r.unitId, r.month, String(r.level)]);
    inOrder(byOfficer, (r) => [r.officerId!, r.unitId, r.question, r.answer]);
    inOrder(bySector, (r) => [r.unitId, r.sectorId!, r.question, r.answer]);
    return {
      officerRatings: tally(
        officerRatings.map((r) => ({ key: [r.officerId, r.unitId, r.month, r.level], n: r.count })),
      ),
      byOfficer: tally(
        byOfficer.map((r) => ({ key: [r.officerId, r.unitId, r.question, r.answer], n: r.count })),
      ),
      bySector: tally(
        bySector.map((r) => ({ key: [r.unitId, r.sectorId, r.question, r.answer], n: r.count })),
      ),
      rated: await repos.assessment.ratedCodes(['HS-1', 'HS-2', 'HS-9']),
    };
  }

  it('keeps its counters a recount of the raw ratings, whatever is stored, moved or amended', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        await reset();
        await run(steps);
        const raw = await recount();
        expect(await counters()).toEqual(raw);
        const got = await reads();
        const want = expectedReads(raw);
        expect(got.officerRatings).toEqual(want.officerRatings);
        expect(got.byOfficer).toEqual(want.byOfficer);
        expect(got.bySector).toEqual(want.bySector);
        expect(got.rated).toEqual(want.rated);
      }),
      { numRuns: dialect === 'sqlite' ? 40 : 20 },
    );
  }, 300_000);

  it('reads counted figures only, summed over the months asked and nothing else', async () => {
    await reset();
    const r = (fields: Partial<Fresh>): Fresh => ({
      unit: 'xa-a',
      code: 'ho-tich',
      month: '2026-03',
      level: 5,
      officer: 'an',
      visits: null,
      agencies: null,
      attitude: null,
      dossier: null,
      category: 'counted',
      ...fields,
    });
    const rows = [
      r({ visits: 1, attitude: 'courteous', dossier: 'HS-1' }),
      r({ month: '2026-04', visits: 1, level: 2 }),
      r({ visits: 3, category: 'repeat', dossier: 'HS-2' }),
      r({ officer: null, code: 'chung-thuc', agencies: 2 }),
      r({ unit: 'xa-b', officer: 'binh', attitude: 'harassing' }),
    ].map((f) => ratingOf(f, T0));
    await repos.transaction((tx) => store(tx, rows));
    expect(await repos.assessment.officerRatings(['xa-a'], ['2026-03', '2026-04'])).toEqual([
      { officerId: 'an', unitId: 'xa-a', month: '2026-03', level: 5, count: 1 },
      { officerId: 'an', unitId: 'xa-a', month: '2026-04', level: 2, count: 1 },
    ]);
    expect(
      await repos.assessment.countedAnswers(['xa-a'], ['2026-03', '2026-04'], 'officer'),
    ).toEqual([
      {
        unitId: 'xa-a',
        sectorId: null,
        officerId: 'an',
        question: 'attitude',
        answer: 'courteous',
        count: 1,
      },
      {
        unitId: 'xa-a',
        sectorId: null,
        officerId: 'an',
        question: 'visits',
        answer: '1',
        count: 2,
      },
    ]);
    expect(await repos.assessment.countedAnswers(['xa-a', 'xa-b'], ['2026-03'], 'sector')).toEqual([
      {
        unitId: 'xa-a',
        sectorId: 'xa-a/chung-thuc',
        officerId: null,
        question: 'agencies',
        answer: '2',
        count: 1,
      },
      {
        unitId: 'xa-a',
        sectorId: 'xa-a/ho-tich',
        officerId: null,
        question: 'attitude',
        answer: 'courteous',
        count: 1,
      },
      {
        unitId: 'xa-a',
        sectorId: 'xa-a/ho-tich',
        officerId: null,
        question: 'visits',
        answer: '1',
        count: 1,
      },
      {
        unitId: 'xa-b',
        sectorId: 'xa-b/ho-tich',
        officerId: null,
        question: 'attitude',
        answer: 'harassing',
        count: 1,
      },
    ]);
    // A repeat's dossier was rated all the same: "rated" is any rating naming the code.
    expect(await repos.assessment.ratedCodes(['HS-1', 'HS-2', 'HS-3'])).toEqual(
      new Set(['HS-1', 'HS-2']),
    );
    expect(await repos.assessment.officerRatings(['xa-a'], [])).toEqual([]);
    expect(await repos.assessment.countedAnswers([], ['2026-03'], 'sector')).toEqual([]);
    expect(await repos.assessment.ratedCodes([])).toEqual(new Set());
  });

  it('adds up ratings stored by many transactions at once, exactly and without deadlock', async () => {
    await reset();
    const batches = fc.sample(fc.array(fresh, { minLength: 5, maxLength: 30 }), {
      numRuns: 16,
      seed: 22,
    });
    await Promise.all(
      batches.map((batch, i) =>
        repos.transaction((tx) =>
          store(
            tx,
            batch.map((f) => ratingOf(f, T0 + i)),
          ),
        ),
      ),
    );
    const raw = await recount();
    expect([...raw.officers.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await counters()).toEqual(raw);
  }, 120_000);

  it('judges dossiers returned in the span, or still open and due in it, of the units asked', async () => {
    const dossier = (code: string, unitId: string, fields: Partial<DossierRow>): DossierRow => ({
      code,
      unitId,
      sectorId: `${unitId}/ho-tich`,
      officerId: null,
      procedure: null,
      receivedDate: '2026-02-20',
      dueDate: '2026-03-10',
      returnedDate: null,
      online: false,
      ...fields,
    });
    await repos.assessment.upsertDossiers(
      [
        dossier('D-returned', 'xa-a', { returnedDate: '2026-03-31', dueDate: '2026-04-02' }),
        dossier('D-open-due', 'xa-a', { dueDate: '2026-03-01' }),
        dossier('D-returned-later', 'xa-a', { returnedDate: '2026-04-01' }),
        dossier('D-open-later', 'xa-a', { dueDate: '2026-04-01' }),
        dossier('D-other-unit', 'xa-b', { returnedDate: '2026-03-15', online: true }),
      ],
      T0,
    );
    const codes = async (unitIds: string[]) =>
      (await repos.assessment.dossiersBetween(unitIds, '2026-03-01', '2026-03-31'))
        .map((d) => d.code)
        .sort();
    expect(await codes(['xa-a'])).toEqual(['D-open-due', 'D-returned']);
    expect(await codes(['xa-a', 'xa-b'])).toEqual(['D-open-due', 'D-other-unit', 'D-returned']);
    const [other] = await repos.assessment.dossiersBetween(['xa-b'], '2026-03-01', '2026-03-31');
    expect(other).toEqual(
      dossier('D-other-unit', 'xa-b', { returnedDate: '2026-03-15', online: true }),
    );
  });

  it('keeps a conclusion on an officer’s conduct and counts the upheld ones in a span', async () => {
    const item = async (id: string, unitId: string) => {
      await repos.transaction(async (tx) => {
        await tx.ingest.insertRecords([
          {
            id,
            canonicalId: id,
            source: 'staff',
            deviceId: null,
            sourceKey: unitId,
            seq: null,
            kind: 'feedback',
            receivedAt: T0,
            contentHash: null,
          },
        ]);
        await tx.ingest.insertFeedback([
          {
            id,
            deviceId: null,
            unitId,
            sectorId: null,
            kind: 'phan_anh',
            trackingCode: `PA-${id}`,
            content: 'Cán bộ gây khó khăn',
            contactName: null,
            contactPhone: null,
            consentVersion: null,
            consentAt: null,
            deviceTime: T0,
            receivedAt: T0,
            clockSuspect: false,
          },
        ]);
      });
    };
    for (const [id, unitId] of [
      ['f1', 'xa-a'],
      ['f2', 'xa-a'],
      ['f3', 'xa-a'],
      ['f4', 'xa-b'],
    ] as const) {
      await item(id, unitId);
    }
    expect(await repos.assessment.findConduct('f1')).toBeNull();
    const at = T0 + 10 * 86_400_000;
    await repos.assessment.setConduct('f1', { officerId: 'an', upheld: true, at, by: 'gs' });
    await repos.assessment.setConduct('f2', { officerId: 'an', upheld: false, at, by: 'gs' });
    await repos.assessment.setConduct('f3', {
      officerId: 'an',
      upheld: true,
      at: at + 1,
      by: 'gs',
    });
    await repos.assessment.setConduct('f4', { officerId: 'binh', upheld: true, at, by: 'gs' });
    expect(await repos.assessment.findConduct('f2')).toEqual({
      officerId: 'an',
      upheld: false,
      at,
      by: 'gs',
    });
    expect(await repos.assessment.upheldConduct(['xa-a', 'xa-b'], at, at + 2)).toEqual(
      new Map([
        ['an', 2],
        ['binh', 1],
      ]),
    );
    // The span's end is not in it; the units asked only.
    expect(await repos.assessment.upheldConduct(['xa-a'], at, at + 1)).toEqual(
      new Map([['an', 1]]),
    );
  });
});
