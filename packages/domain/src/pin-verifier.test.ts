import { describe, expect, it } from 'vitest';
import {
  checkPinVerifier,
  isPinVerifier,
  isValidCounterPin,
  makePinVerifier,
} from './pin-verifier.ts';

const salt = new Uint8Array(16).map((_, i) => i + 1);
// Low cost for the test; the format carries the count, so checking reads it back.
const FAST = 1_000;

describe('counter PIN verifier', () => {
  it.each([
    ['1234', true],
    ['123456', true],
    ['123', false],
    ['1234567', false],
    ['12a4', false],
    ['١٢٣٤', false],
    ['', false],
  ])('%j is a valid counter PIN: %s', (pin, valid) => {
    expect(isValidCounterPin(pin)).toBe(valid);
  });

  it('has the documented form and checks the right PIN only', async () => {
    const verifier = await makePinVerifier('2468', salt, FAST);
    expect(verifier).toMatch(/^pbkdf2\$1000\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]{43}=$/);
    expect(isPinVerifier(verifier)).toBe(true);
    expect(await checkPinVerifier('2468', verifier)).toBe(true);
    expect(await checkPinVerifier('2469', verifier)).toBe(false);
    expect(await checkPinVerifier('24680', verifier)).toBe(false);
  });

  it('salts: the same PIN gives another verifier with another salt', async () => {
    const other = new Uint8Array(16).fill(9);
    expect(await makePinVerifier('2468', salt, FAST)).not.toBe(
      await makePinVerifier('2468', other, FAST),
    );
  });

  it('is PBKDF2-HMAC-SHA256 in standard base64 (checked against Node.js pbkdf2Sync)', async () => {
    expect(await makePinVerifier('0000', salt, FAST)).toBe(
      'pbkdf2$1000$AQIDBAUGBwgJCgsMDQ4PEA==$2hr2QbN0WXVAjQ14lYEMeagVpbjuzlSbdZf4A5OgTPw=',
    );
  });

  it('refuses malformed verifiers and bad PINs without throwing', async () => {
    const good = await makePinVerifier('1357', salt, FAST);
    for (const bad of [
      '',
      'pbkdf2$1000$abc',
      good.replace('pbkdf2', 'scrypt'),
      good.replace('$1000$', '$10$'),
      good.replace('$1000$', '$99999999$'),
      good.replace(/\$[^$]+$/, '$not*base64'),
      good.slice(0, -4),
    ]) {
      expect(isPinVerifier(bad)).toBe(false);
      expect(await checkPinVerifier('1357', bad)).toBe(false);
    }
    expect(await checkPinVerifier('13', good)).toBe(false);
    await expect(makePinVerifier('12', salt, FAST)).rejects.toThrow(RangeError);
  });
});
