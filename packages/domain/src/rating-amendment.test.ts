import { describe, expect, it } from 'vitest';
import { AMENDMENT_WINDOW_MS, judgeAmendment, type AmendmentInput } from './rating-amendment.ts';

// What an amendment adds is judged by the unit's policy like a whole rating's answers
// (unit-policy.test.ts); here, what only an amendment can get wrong.

describe('judgeAmendment', () => {
  const at = 1_000_000;
  const input = (changes: Partial<AmendmentInput> = {}): AmendmentInput => ({
    keyMatches: true,
    window: { expiresAt: at + AMENDMENT_WINDOW_MS, amendedAt: null, contentHash: null },
    now: at + 60_000,
    contentHash: 'h1',
    stored: {},
    amendment: { reasons: ['waiting_time'], answers: { visits: 2 } },
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

  it('refuses what the rating already carries: an amendment adds, never replaces', () => {
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
      judgeAmendment(input({ stored: { dossierCode: 'H1-0001' }, amendment: { comment: 'Ổn' } })),
    ).toEqual({ kind: 'apply' });
  });
});
