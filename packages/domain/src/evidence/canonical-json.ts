/**
 * The one canonical form of a dataset row: JSON Canonicalization Scheme (JCS, RFC 8785) for the
 * plain values our rows hold — strings, safe integers, booleans, null, arrays, and objects whose
 * keys are sorted by UTF-16 code units, with no whitespace. Strings are escaped as ECMAScript's
 * JSON.stringify does, which is what RFC 8785 §3.2.2.2 prescribes. Anything else (fractions,
 * undefined, lone surrogates, non-plain objects) is refused rather than guessed at: the bytes are
 * what is hashed and signed, so two programs must never disagree on them.
 */

/** A value the canonical form accepts. */
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function canonicalString(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new TypeError('canonical JSON: lone surrogate in a string');
  return JSON.stringify(s);
}

/** The canonical JSON text of `value` (RFC 8785, restricted to the types above). */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return canonicalString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new TypeError(`canonical JSON: ${value} is not a safe integer`);
      }
      // -0 prints as 0, as RFC 8785 wants.
      return String(value === 0 ? 0 : value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${(value as readonly CanonicalValue[]).map(canonicalJson).join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('canonical JSON: only plain objects');
      }
      const record = value as { readonly [key: string]: CanonicalValue };
      const keys = Object.keys(record).sort();
      const parts: string[] = [];
      for (const key of keys) {
        const v = record[key];
        if (v === undefined) throw new TypeError(`canonical JSON: ${key} is undefined`);
        parts.push(`${canonicalString(key)}:${canonicalJson(v)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON: a ${typeof value} cannot be written`);
  }
}
