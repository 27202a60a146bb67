import { describe, expect, it } from 'vitest';
import { hashPin, isValidPin, verifyPin } from './pin.ts';

describe('staff PIN', () => {
  it.each([
    ['1234', true],
    ['12345678', true],
    ['123', false],
    ['123456789', false],
    ['12a4', false],
    ['', false],
    [' 1234', false],
  ])('%j is a valid PIN: %s', (pin, valid) => {
    expect(isValidPin(pin)).toBe(valid);
  });

  it('stores a salted hash, never the PIN, and verifies it', async () => {
    const stored = await hashPin('2468', undefined, 1_000);
    expect(JSON.stringify(stored)).not.toContain('2468');
    expect(stored).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 1_000 });
    expect(await verifyPin('2468', stored)).toBe(true);
    expect(await verifyPin('2469', stored)).toBe(false);
    expect(await verifyPin('24680', stored)).toBe(false);
    expect(await verifyPin('abcd', stored)).toBe(false);
  });

  it('salts each hash differently', async () => {
    const a = await hashPin('2468', undefined, 1_000);
    const b = await hashPin('2468', undefined, 1_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });
});
