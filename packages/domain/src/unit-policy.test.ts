import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettingsValue } from './survey.ts';
import { mayServeAt, unitPolicy, type RatingFields, type UnitPolicyInput } from './unit-policy.ts';

/** 20/11/2026, 10:00 in Hà Nội. */
const AT = Date.UTC(2026, 10, 20, 3);
const HOUR = 3_600_000;

const ASKED: SurveySettingsValue = {
  ...DEFAULT_SURVEY_SETTINGS,
  dossier: 'optional',
  dossierPattern: '^H\\d{4}$',
  respondentType: true,
  questions: { visits: true, agencies: true, attitude: true },
};

function policy(changes: Partial<UnitPolicyInput> = {}) {
  return unitPolicy({
    unitId: 'u1',
    scale: 'five',
    scaleChanges: [],
    survey: ASKED,
    sectors: [
      { id: 's1', unitId: 'u1', archivedAt: null },
      { id: 's-old', unitId: 'u1', archivedAt: AT - HOUR },
      { id: 's-other', unitId: 'u2', archivedAt: null },
    ],
    counters: [
      { id: 'c1', unitId: 'u1' },
      { id: 'c2', unitId: 'u1' },
      { id: 'c-other', unitId: 'u2' },
    ],
    officers: [
      { id: 'lan', unitId: 'u1', role: 'staff', disabledAt: null },
      { id: 'binh', unitId: 'u1', role: 'supervisor', disabledAt: null },
      { id: 'hung', unitId: 'u2', role: 'staff', disabledAt: null },
      { id: 'admin', unitId: null, role: 'admin', disabledAt: null },
      { id: 'viewer', unitId: 'u1', role: 'viewer', disabledAt: null },
      { id: 'left', unitId: 'u1', role: 'staff', disabledAt: AT - HOUR },
    ],
    duties: [{ counterId: 'c2', officerId: 'binh', since: AT - 2 * HOUR }],
    matches: (pattern, code) => new RegExp(pattern).test(code),
    ...changes,
  });
}

const rating = (fields: Partial<RatingFields> = {}): RatingFields => ({
  sectorId: 's1',
  level: 4,
  ...fields,
});
const here = { at: AT, counterId: 'c1' };

describe('unitPolicy: refusals', () => {
  const cases: [string, Partial<RatingFields>, unknown][] = [
    ['a sector of another unit', { sectorId: 's-other' }, { code: 'unknown_sector' }],
    ['an unknown sector', { sectorId: 'nope' }, { code: 'unknown_sector' }],
    [
      'a sector archived before the rating',
      { sectorId: 's-old' },
      { code: 'unknown_sector', message: 'Lĩnh vực này đã ngừng sử dụng tại đơn vị.' },
    ],
    ['a level off the scale', { level: 6 }, { code: 'validation_failed', field: 'level' }],
    [
      'a dossier code not in the unit’s form',
      { dossierCode: 'X-1' },
      { code: 'validation_failed', field: 'dossierCode', message: expect.stringContaining('X-1') },
    ],
  ];
  for (const [name, fields, refusal] of cases) {
    it(`refuses ${name}, saying why in Vietnamese`, () => {
      const verdict = policy().judgeRating(rating(fields), here);
      expect(verdict).toEqual({ ok: false, refusal: expect.objectContaining(refusal) });
    });
  }

  it('takes a sector archived after the citizen rated (it was in use then)', () => {
    expect(
      policy().judgeRating(rating({ sectorId: 's-old' }), { ...here, at: AT - 2 * HOUR }).ok,
    ).toBe(true);
  });

  it('judges the level on the scale in force in the rating’s month', () => {
    const three = policy({ scaleChanges: [{ fromMonth: '2026-11', scale: 'three' }] });
    expect(three.judgeRating(rating({ level: 4 }), here).ok).toBe(false);
    expect(three.judgeRating(rating({ level: 4 }), { ...here, at: AT - 30 * 24 * HOUR }).ok).toBe(
      true,
    );
  });
});

describe('unitPolicy: fields the unit does not ask are dropped, the rating kept', () => {
  it('drops the dossier code and answers of a unit that asks none', () => {
    const verdict = policy({ survey: DEFAULT_SURVEY_SETTINGS }).judgeRating(
      rating({
        level: 2,
        dossierCode: 'H0001',
        respondentType: 'organisation',
        answers: { visits: 2, agencies: 1, attitude: 'courteous' },
        comment: 'Chờ lâu',
        reasons: ['waiting_time'],
      }),
      here,
    );
    expect(verdict).toEqual({
      ok: true,
      value: {
        sectorId: 's1',
        level: 2,
        counterId: 'c1',
        officerId: null,
        reasons: ['waiting_time'],
        comment: 'Chờ lâu',
        dossierCode: null,
        respondentType: null,
        visits: null,
        agencies: null,
        attitude: null,
      },
      dropped: ['dossierCode', 'respondentType', 'visits', 'agencies', 'attitude'],
    });
  });

  it('drops only the steps not asked, and never judges a dropped code’s form', () => {
    const some = policy({
      survey: {
        ...ASKED,
        dossier: 'off',
        questions: { visits: true, agencies: false, attitude: false },
      },
    });
    const verdict = some.judgeRating(
      rating({ dossierCode: 'not-a-code', answers: { visits: 3, attitude: 'harassing' } }),
      here,
    );
    expect(verdict).toMatchObject({
      ok: true,
      value: { dossierCode: null, visits: 3, attitude: null },
      dropped: ['dossierCode', 'attitude'],
    });
  });

  it('drops reasons after a satisfied level', () => {
    expect(policy().judgeRating(rating({ level: 5, reasons: ['other'] }), here)).toMatchObject({
      ok: true,
      value: { reasons: [] },
      dropped: ['reasons'],
    });
  });

  it('keeps a rating without the code a unit requires (the citizen may leave before typing it)', () => {
    const required = policy({ survey: { ...ASKED, dossier: 'required' } });
    expect(required.judgeRating(rating(), here)).toMatchObject({
      ok: true,
      value: { dossierCode: null },
      dropped: [],
    });
  });

  it('takes what the unit asks as given', () => {
    const verdict = policy().judgeRating(
      rating({ dossierCode: 'H0001', respondentType: 'individual', answers: { agencies: 2 } }),
      here,
    );
    expect(verdict).toMatchObject({
      ok: true,
      value: { dossierCode: 'H0001', respondentType: 'individual', agencies: 2, visits: null },
      dropped: [],
    });
  });
});

describe('unitPolicy: the officer and the counter', () => {
  const officerCases: [string, Partial<RatingFields>, Partial<UnitPolicyInput>, string | null][] = [
    ['a staff member of the unit', { officerId: 'lan' }, {}, 'lan'],
    ['a supervisor of the unit on duty there', { officerId: 'binh', counterId: 'c2' }, {}, 'binh'],
    ['a staff member of another unit', { officerId: 'hung' }, {}, null],
    ['an administrator', { officerId: 'admin' }, {}, null],
    ['a viewer of the unit', { officerId: 'viewer' }, {}, null],
    ['an account disabled before the rating', { officerId: 'left' }, {}, null],
    ['an unknown user', { officerId: 'nobody' }, {}, null],
    [
      'someone else than the one on duty at that counter',
      { officerId: 'lan', counterId: 'c2' },
      {},
      null,
    ],
    [
      'a staff member where the unit records no officers',
      { officerId: 'lan' },
      { survey: { ...ASKED, officerAttribution: false } },
      null,
    ],
  ];
  for (const [name, fields, changes, credited] of officerCases) {
    it(`${credited ? 'credits' : 'credits nobody for'} ${name}`, () => {
      const verdict = policy(changes).judgeRating(rating(fields), here);
      expect(verdict).toMatchObject({ ok: true, value: { officerId: credited } });
      if (!credited) expect(verdict.ok && verdict.dropped).toContain('officerId');
    });
  }

  it('takes the tablet’s word on an officer of the unit before the duty the server knows began', () => {
    const verdict = policy().judgeRating(rating({ officerId: 'lan', counterId: 'c2' }), {
      ...here,
      at: AT - 3 * HOUR,
    });
    expect(verdict).toMatchObject({ ok: true, value: { officerId: 'lan' } });
  });

  it('keeps a counter of the unit, falls back to the source’s own for any other', () => {
    const p = policy();
    expect(p.judgeRating(rating({ counterId: 'c2' }), here)).toMatchObject({
      value: { counterId: 'c2' },
    });
    expect(p.judgeRating(rating({ counterId: 'c-other' }), here)).toMatchObject({
      value: { counterId: 'c1' },
      dropped: ['counterId'],
    });
    expect(p.judgeRating(rating(), here)).toMatchObject({ value: { counterId: 'c1' } });
    expect(p.judgeRating(rating({ counterId: null }), here)).toMatchObject({
      value: { counterId: null },
    });
  });
});

describe('unitPolicy: feedback and follow-ups', () => {
  it('judges a phản ánh’s sector like a rating’s, and takes one without', () => {
    const p = policy();
    expect(p.judgeFeedback(null, AT)).toBeNull();
    expect(p.judgeFeedback('s1', AT)).toBeNull();
    expect(p.judgeFeedback('s-other', AT)).toMatchObject({ code: 'unknown_sector' });
  });

  it('judges an amendment’s answers as those of a whole rating', () => {
    const p = policy({ survey: { ...ASKED, respondentType: false } });
    expect(
      p.judgeFollowUp(4, { respondentType: 'individual', answers: { visits: 1 } }, AT),
    ).toEqual({
      ok: true,
      value: {
        reasons: [],
        comment: null,
        dossierCode: null,
        respondentType: null,
        visits: 1,
        agencies: null,
        attitude: null,
      },
      dropped: ['respondentType'],
    });
    expect(p.judgeFollowUp(4, { dossierCode: 'X' }, AT)).toMatchObject({ ok: false });
  });

  it('never stores a field the unit does not ask, whatever else is sent (property)', () => {
    const none = policy({ survey: DEFAULT_SURVEY_SETTINGS });
    const answer = fc.option(fc.constantFrom(1, 2, 3), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          level: fc.integer({ min: 1, max: 5 }),
          dossierCode: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
          respondentType: fc.option(fc.constantFrom('individual', 'organisation' as const), {
            nil: undefined,
          }),
          visits: answer,
          agencies: answer,
          officerId: fc.option(fc.constantFrom('lan', 'hung', 'admin', 'binh'), { nil: undefined }),
        }),
        (r) => {
          const verdict = none.judgeRating(
            rating({ ...r, answers: { visits: r.visits, agencies: r.agencies } }),
            here,
          );
          expect(verdict.ok).toBe(true);
          if (!verdict.ok) return;
          expect(verdict.value).toMatchObject({
            dossierCode: null,
            respondentType: null,
            visits: null,
            agencies: null,
            attitude: null,
          });
          expect(['lan', 'binh', null]).toContain(verdict.value.officerId);
        },
      ),
    );
  });
});

describe('who may serve at a unit', () => {
  const lan = { id: 'lan', unitId: 'u1', role: 'staff', disabledAt: null } as const;
  it('is a staff member or supervisor of that unit, until disabled', () => {
    expect(mayServeAt(lan, 'u1', AT)).toBe(true);
    expect(mayServeAt({ ...lan, role: 'supervisor' }, 'u1', AT)).toBe(true);
    expect(mayServeAt(lan, 'u2', AT)).toBe(false);
    expect(mayServeAt({ ...lan, role: 'viewer' }, 'u1', AT)).toBe(false);
    expect(mayServeAt({ ...lan, role: 'admin', unitId: null }, 'u1', AT)).toBe(false);
    // Disabled later: still the officer of what she served before.
    expect(mayServeAt({ ...lan, disabledAt: AT + HOUR }, 'u1', AT)).toBe(true);
    expect(mayServeAt({ ...lan, disabledAt: AT }, 'u1', AT)).toBe(false);
  });
});
