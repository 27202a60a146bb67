import { describe, expect, it } from 'vitest';
import {
  fromBase64Url,
  GENESIS_HASH,
  recordChainHash,
  recordSigningBytes,
  toBase64Url,
} from './record-chain.ts';
import { utf8 } from './sha256.ts';

const record = {
  id: '0b9f6c1e-3c1a-4f57-9d62-6a2f1d9b7e10',
  deviceId: 'dev-1',
  seq: 1,
  kind: 'rating',
  level: 5,
  comment: 'Cán bộ tận tình',
  prevHash: GENESIS_HASH,
};

describe('the record chain', () => {
  it('signs the record without its signature, keys sorted, absent fields left out', () => {
    const bytes = recordSigningBytes({ ...record, signature: 'abc', officerId: undefined });
    expect(bytes).toEqual(
      utf8(
        '{"comment":"Cán bộ tận tình","deviceId":"dev-1","id":"0b9f6c1e-3c1a-4f57-9d62-6a2f1d9b7e10",' +
          `"kind":"rating","level":5,"prevHash":"${GENESIS_HASH}","seq":1}`,
      ),
    );
  });

  it('hashes the whole record, signature included, whatever the key order', () => {
    const signed = { ...record, signature: 'abc' };
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(recordChainHash(reordered)).toBe(recordChainHash(signed));
    expect(recordChainHash(signed)).not.toBe(recordChainHash({ ...signed, signature: 'abd' }));
    expect(recordChainHash(signed)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes base64url without padding and reads it back', () => {
    const bytes = Uint8Array.from({ length: 65 }, (_, i) => (i * 37) % 256);
    const text = toBase64Url(bytes);
    expect(text).not.toMatch(/[+/=]/);
    expect(fromBase64Url(text)).toEqual(bytes);
    // RFC 4648 §10's vectors (base64url and base64 agree on them).
    const vectors = ['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy'];
    vectors.forEach((expected, n) => {
      expect(toBase64Url(utf8('foobar'.slice(0, n)))).toBe(expected);
      expect(fromBase64Url(expected)).toEqual(utf8('foobar'.slice(0, n)));
    });
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });
});
