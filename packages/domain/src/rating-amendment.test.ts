import { describe, expect, it } from 'vitest';
import {
  AMENDMENT_WINDOW_MS,
  followUpRefusal,
  judgeAmendment,
  type AmendmentInput,
  type FollowUp,
} from './rating-amendment.ts';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettingsValue } from './survey.ts';

const ASKED: SurveySettingsValue = {
  ...DEFAULT_SURVEY_SETTINGS,
  dossier: 'optional',
  respondentType: true,
  questions: { visits: true, agencies: true, attitude: true },
};
const NONE: SurveySettingsValue = { ...DEFAULT_SURVEY_SETTINGS };
const matches = (_pattern: string, code: string) => code.startsWith('H');

describe('followUpRefusal', () => {
  const cases: [string, SurveySettingsValue, boolean, FollowUp, unknown][] = [
    ['reasons after an unsatisfied level', NONE, false, { reasons: ['other'] }, null],
    [
      'reasons after a satisfied level',
      ASKED,
      true,
      { reasons: ['other'] },
      { code: 'not_asked', field: 'reasons' },
    ],
    ['no reasons after a satisfied level', NONE, true, { reasons: [] }, null],
    ['a comment at any level', NONE, true, { comment: 'Tốt' }, null],
    [
      'answers the unit asks',
      ASKED,
      true,
      { respondentType: 'individual', answers: { visits: 1 } },
      null,
    ],
    [
      'a respondent type not asked',
      NONE,
      true,
      { respondentType: 'individual' },
      { code: 'not_asked', field: 'respondentType' },
    ],
    [
      'an attitude not asked',
      { ...ASKED, questions: { visits: true, agencies: true, attitude: false } },
      true,
      { answers: { visits: 2, attitude: 'courteous' } },
      { code: 'not_asked', field: 'attitude' },
    ],
    [
      'a code off the pattern',
      ASKED,
      true,
      { dossierCode: 'X-1' },
      { code: 'dossier_malformed', dossierCode: 'X-1' },
    ],
    // A code from the counter's QR link is taken even where the unit does not ask for one.
    ['a code on the pattern, not asked', NONE, true, { dossierCode: 'H1-0001' }, null],
  ];
  for (const [name, settings, satisfied, fields, refusal] of cases) {
    it(name, () => expect(followUpRefusal(settings, satisfied, fields, matches)).toEqual(refusal));
  }
});

describe('judgeAmendment', () => {
  const at = 1_000_000;
  const input = (changes: Partial<AmendmentInput> = {}): AmendmentInput => ({
    keyMatches: true,
    window: { expiresAt: at + AMENDMENT_WINDOW_MS, amendedAt: null, contentHash: null },
    now: at + 60_000,
    contentHash: 'h1',
    settings: ASKED,
    satisfied: false,
    stored: {},
    amendment: { reasons: ['waiting_time'], answers: { visits: 2 } },
    matches,
    ...changes,
  });

  it('applies an amendment within the window', () => {
    expect(judgeAmendment(input())).toEqual({ kind: 'apply' });
  });

  it('refuses a wrong key before saying anything about the rating', () => {
    const amended = { expiresAt: at, amendedAt: at, contentHash: 'h1' };
    expect(judgeAmendment(input({ keyMatches: false, window: amended }))).toEqual({
      kind: 'refuse',
      refusal: { code: 'wrong_key' },
    });
  });

  it('answers a resend of the one amendment applied as such, even past the window', () => {
    const amended = { expiresAt: at + 10, amendedAt: at + 5, contentHash: 'h1' };
    expect(judgeAmendment(input({ window: amended, now: at + 3_600_000 }))).toEqual({
      kind: 'resend',
    });
    expect(judgeAmendment(input({ window: amended, contentHash: 'h2' }))).toEqual({
      kind: 'refuse',
      refusal: { code: 'already_amended' },
    });
  });

  it('refuses an amendment once the window closed', () => {
    const window = { expiresAt: at + 60_000, amendedAt: null, contentHash: null };
    expect(judgeAmendment(input({ window }))).toEqual({
      kind: 'refuse',
      refusal: { code: 'expired' },
    });
  });

  it('refuses what the rating already carries, and a typed code the unit does not ask', () => {
    expect(
      judgeAmendment(
        input({ stored: { dossierCode: 'H1-0001' }, amendment: { dossierCode: 'H2' } }),
      ),
    ).toEqual({ kind: 'refuse', refusal: { code: 'already_given', field: 'dossierCode' } });
    expect(
      judgeAmendment(
        input({ stored: { answers: { visits: 1 } }, amendment: { answers: { visits: 2 } } }),
      ),
    ).toEqual({ kind: 'refuse', refusal: { code: 'already_given', field: 'visits' } });
    expect(
      judgeAmendment(input({ settings: NONE, amendment: { dossierCode: 'H1-0001' } })),
    ).toEqual({ kind: 'refuse', refusal: { code: 'not_asked', field: 'dossierCode' } });
  });

  it('asks for the dossier code where the unit requires one and the level came without', () => {
    const settings = { ...ASKED, dossier: 'required' as const };
    expect(judgeAmendment(input({ settings }))).toEqual({
      kind: 'refuse',
      refusal: { code: 'dossier_required' },
    });
    expect(judgeAmendment(input({ settings, stored: { dossierCode: 'H1-0001' } }))).toEqual({
      kind: 'apply',
    });
    expect(
      judgeAmendment(input({ settings, amendment: { dossierCode: 'H1-0002', reasons: [] } })),
    ).toEqual({ kind: 'apply' });
  });

  it('applies the unit’s checks of a whole submission to what the amendment adds', () => {
    expect(judgeAmendment(input({ satisfied: true }))).toEqual({
      kind: 'refuse',
      refusal: { code: 'not_asked', field: 'reasons' },
    });
    expect(judgeAmendment(input({ amendment: { dossierCode: 'X-1' } }))).toEqual({
      kind: 'refuse',
      refusal: { code: 'dossier_malformed', dossierCode: 'X-1' },
    });
  });
});
