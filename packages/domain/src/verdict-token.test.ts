import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VERDICT_TOKEN_BYTES,
  VERDICT_TOKEN_PATTERN,
  hashVerdictToken,
  newVerdictToken,
  parseVerdictToken,
  receiptUrl,
  verdictByPhoneOpen,
} from './verdict-token.ts';

const bytes = fc.uint8Array({ minLength: VERDICT_TOKEN_BYTES, maxLength: VERDICT_TOKEN_BYTES });

describe('verdict tokens', () => {
  it('makes 28 unambiguous characters in seven groups, 140 random bits', () => {
    expect(newVerdictToken(new Uint8Array(VERDICT_TOKEN_BYTES))).toBe(
      '0000-0000-0000-0000-0000-0000-0000',
    );
    expect(newVerdictToken(new Uint8Array(VERDICT_TOKEN_BYTES).fill(255))).toBe(
      'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ',
    );
    expect(() => newVerdictToken(new Uint8Array(VERDICT_TOKEN_BYTES - 1))).toThrow();
    fc.assert(
      fc.property(bytes, (random) => {
        const token = newVerdictToken(random);
        expect(token).toMatch(VERDICT_TOKEN_PATTERN);
        expect(token).not.toMatch(/[ILOU]/);
      }),
    );
  });

  it('uses every random bit: tokens of different bytes (low five bits) differ', () => {
    fc.assert(
      fc.property(bytes, bytes, (a, b) => {
        const low = (x: Uint8Array) => [...x].map((v) => v & 31).join();
        if (low(a) !== low(b)) expect(newVerdictToken(a)).not.toBe(newVerdictToken(b));
      }),
    );
  });

  it('reads back what a citizen types from a paper receipt', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const token = newVerdictToken(random);
        expect(parseVerdictToken(token)).toBe(token);
        expect(parseVerdictToken(token.toLowerCase().replace(/-/g, ''))).toBe(token);
        expect(parseVerdictToken(` ${token.replace(/-/g, ' ')} `)).toBe(token);
      }),
    );
    expect(parseVerdictToken('oooo-iiii-llll-0000-0000-0000-0000')).toBe(
      '0000-1111-1111-0000-0000-0000-0000',
    );
  });

  it('refuses what cannot be a token', () => {
    const ok = '7KQ2-M9XD-7KQ2-M9XD-7KQ2-M9XD-7KQ2';
    for (const input of [
      '',
      ok.slice(0, -1),
      `${ok}X`,
      ok.replace('7', 'U'),
      'ÀKQ2' + ok.slice(4),
    ]) {
      expect(parseVerdictToken(input)).toBeNull();
    }
    expect(parseVerdictToken('x'.repeat(10_000))).toBeNull();
  });

  it('hashes the canonical token with SHA-256, whatever was typed', async () => {
    const token = newVerdictToken(new Uint8Array(VERDICT_TOKEN_BYTES).map((_, i) => i * 7));
    expect(token).toBe('07EN-W3AH-RZ6D-MV29-GQY5-CKT1-8FPX');
    // sha256sum of the 34 characters above.
    const expected = '8d066dd0bab3d4b401a6f551fd0a2042bcbda9a969ea207e58b8528c464f61b7';
    expect(await hashVerdictToken(token)).toBe(expected);
    expect(await hashVerdictToken(token.toLowerCase().replace(/-/g, ''))).toBe(expected);
    await expect(hashVerdictToken('not a token')).rejects.toThrow();
  });

  it('puts the token in the fragment of the receipt link, which no server receives', () => {
    const token = '7KQ2-M9XD-7KQ2-M9XD-7KQ2-M9XD-7KQ2';
    const url = receiptUrl('https://hailong.tinh.gov.vn/', '7KQ2-M9XD', token);
    expect(url).toBe(`https://hailong.tinh.gov.vn/public?code=7KQ2-M9XD#token=${token}`);
    // What a browser sends is what comes before '#'.
    expect(url.split('#')[0]).not.toContain(token);
  });
});

describe('verdicts given by phone to staff', () => {
  const answered = { status: 'answered', closeReason: null, answeredAt: 1, verdict: null } as const;

  it('are open only for an answered item without a token and without a verdict', () => {
    expect(verdictByPhoneOpen({ ...answered, hasToken: false })).toBe(true);
    // The citizen holds the token: staff never give the verdict in their place.
    expect(verdictByPhoneOpen({ ...answered, hasToken: true })).toBe(false);
    expect(verdictByPhoneOpen({ ...answered, hasToken: false, verdict: 'accepted' })).toBe(false);
    expect(
      verdictByPhoneOpen({ ...answered, hasToken: false, status: 'in_progress', answeredAt: null }),
    ).toBe(false);
  });
});
