import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TRACKING_CODE_PATTERN,
  lookupPage,
  lookupUrl,
  newTrackingCode,
  parseTrackingCode,
} from './tracking-code.ts';

const bytes = fc.uint8Array({ minLength: 5, maxLength: 5 });

describe('tracking codes', () => {
  it('makes 8 unambiguous characters in two groups from 40 random bits', () => {
    expect(newTrackingCode(new Uint8Array([0, 0, 0, 0, 0]))).toBe('0000-0000');
    expect(newTrackingCode(new Uint8Array([255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ');
    fc.assert(
      fc.property(bytes, (random) => {
        const code = newTrackingCode(random);
        expect(code).toMatch(TRACKING_CODE_PATTERN);
        expect(code).not.toMatch(/[ILOU]/);
      }),
    );
  });

  it('maps distinct random bits to distinct codes', () => {
    fc.assert(
      fc.property(bytes, bytes, (a, b) => {
        if (a.join() !== b.join()) expect(newTrackingCode(a)).not.toBe(newTrackingCode(b));
      }),
    );
  });

  it('reads back whatever a citizen types: any case, with or without dash or spaces', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const code = newTrackingCode(random);
        expect(parseTrackingCode(code)).toBe(code);
        expect(parseTrackingCode(code.toLowerCase().replace('-', ''))).toBe(code);
        expect(parseTrackingCode(` ${code.slice(0, 2)} ${code.slice(2)} `)).toBe(code);
      }),
    );
    expect(parseTrackingCode('7kq2m9xd')).toBe('7KQ2-M9XD');
    expect(parseTrackingCode('O1L1-I0oo')).toBe('0111-1000');
  });

  it('refuses what cannot be a code', () => {
    for (const input of ['', '7KQ2-M9X', '7KQ2-M9XDD', '7KQ2-M9XU', 'ÀKQ2-M9XD']) {
      expect(parseTrackingCode(input)).toBeNull();
    }
  });
});

describe('lookup addresses', () => {
  it('carries the code in the query of the public page, where the server reads it back', () => {
    expect(lookupUrl('https://hailong.tinh.gov.vn/', '7KQ2-M9XD')).toBe(
      'https://hailong.tinh.gov.vn/public?code=7KQ2-M9XD',
    );
    expect(lookupPage('https://hailong.tinh.gov.vn//')).toBe('https://hailong.tinh.gov.vn/public');
    fc.assert(
      fc.property(
        bytes,
        fc.constantFrom('https://a.gov.vn', 'http://10.0.0.5:8787/'),
        (r, base) => {
          const code = newTrackingCode(r);
          const [, query] = /^https?:\/\/[^/]+\/public\?code=(.+)$/.exec(lookupUrl(base, code))!;
          expect(parseTrackingCode(query!)).toBe(code);
        },
      ),
    );
  });
});
