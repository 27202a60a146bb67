import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type CanonicalValue } from './canonical-json.ts';

describe('canonicalJson (RFC 8785 for plain values)', () => {
  it('sorts keys by UTF-16 code units, at every depth, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: -2 }], A: false })).toBe(
      '{"A":false,"a":[true,null,{"c":-2,"d":"x"}],"b":1}',
    );
    // RFC 8785 §3.2.3: "\u20ac" (€) sorts before "\ud83d\ude00" (😀) sorts before "\ufb33".
    expect(canonicalJson({ '\ufb33': 1, '😀': 2, '€': 3, '\r': 4, '1': 5 })).toBe(
      '{"\\r":4,"1":5,"€":3,"😀":2,"דּ":1}',
    );
  });

  it('escapes strings as RFC 8785 does and keeps other characters as they are', () => {
    expect(canonicalJson('Đà Nẵng "q" \\ \n \u0001 \u007f')).toBe(
      '"Đà Nẵng \\"q\\" \\\\ \\n \\u0001 \u007f"',
    );
  });

  it('refuses what it cannot write canonically', () => {
    expect(() => canonicalJson(1.5)).toThrow();
    expect(() => canonicalJson(2 ** 60)).toThrow();
    expect(() => canonicalJson('\ud800')).toThrow();
    expect(() => canonicalJson({ a: undefined } as unknown as CanonicalValue)).toThrow();
    expect(() => canonicalJson(new Date(0) as unknown as CanonicalValue)).toThrow();
    expect(canonicalJson(-0)).toBe('0');
  });

  const plain: fc.Arbitrary<CanonicalValue> = fc.letrec<{ v: CanonicalValue }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: 'grapheme' }),
      fc.maxSafeInteger(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(fc.string({ unit: 'grapheme' }), tie('v'), { maxKeys: 4 }),
    ),
  })).v;

  it('is JSON that parses back to the value, and does not depend on key order', () => {
    fc.assert(
      fc.property(plain, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(value);
        const reordered = JSON.parse(text, (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        ) as CanonicalValue;
        expect(canonicalJson(reordered)).toBe(text);
      }),
    );
  });
});
