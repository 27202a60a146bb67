import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitWithinCap, phoneDailyCap, phoneTie, type PhoneTieInput } from './counting-rule.ts';

const tie = (fields: Partial<PhoneTieInput>) =>
  phoneTie({
    unitId: 'xa-a',
    dossierCode: 'HS-000001',
    owner: null,
    dossierMode: 'optional',
    matchesPattern: true,
    ...fields,
  });

describe('phoneTie', () => {
  it.each([
    ['no code', { dossierCode: null, owner: 'xa-a' }, 'none'],
    ['a dossier the import gave the unit', { owner: 'xa-a' }, 'imported'],
    [
      'a dossier of the unit, whatever its setting',
      { owner: 'xa-a', dossierMode: 'off' },
      'imported',
    ],
    ['a dossier the import gave another unit', { owner: 'xa-b', dossierMode: 'required' }, 'none'],
    ['a code matching the pattern the unit requires', { dossierMode: 'required' }, 'pattern'],
    [
      'a code the unit requires, off pattern',
      { dossierMode: 'required', matchesPattern: false },
      'none',
    ],
    ['a code the unit only asks for', { dossierMode: 'optional' }, 'none'],
    ['a code the unit does not ask for', { dossierMode: 'off' }, 'none'],
  ] as const)('%s', (_, fields, expected) => {
    expect(tie(fields)).toBe(expected);
  });
});

describe('phoneDailyCap', () => {
  it('is 1 % of the average daily counted tablet ratings over 28 days, rounded down', () => {
    expect(phoneDailyCap(0)).toBe(0);
    expect(phoneDailyCap(300)).toBe(0);
    expect(phoneDailyCap(2_799)).toBe(0);
    expect(phoneDailyCap(2_800)).toBe(1);
    expect(phoneDailyCap(28_000)).toBe(10);
  });

  it('keeps a steady month’s admitted ratings within one percentage point of the rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 28, max: 31 }),
        (daily, share, days) => {
          // A unit rating `daily` a day at the counter, flooded every day of a month.
          const counted = daily * days;
          const satisfied = Math.round(counted * share);
          const admitted = phoneDailyCap(daily * 28) * days;
          expect(admitted * 100).toBeLessThanOrEqual(counted);
          if (counted === 0) return;
          const before = satisfied / counted;
          // The admitted ratings all unsatisfied, or all satisfied: the two extremes.
          const down = before - satisfied / (counted + admitted);
          const up = (satisfied + admitted) / (counted + admitted) - before;
          expect(Math.max(down, up)).toBeLessThanOrEqual(0.01);
        },
      ),
    );
  });
});

describe('admitWithinCap', () => {
  it('admits what the day has left, never less than none', () => {
    expect(admitWithinCap(3, 0, 5)).toBe(3);
    expect(admitWithinCap(3, 2, 5)).toBe(1);
    expect(admitWithinCap(3, 3, 5)).toBe(0);
    expect(admitWithinCap(0, 0, 5)).toBe(0);
    expect(admitWithinCap(3, 1, 1)).toBe(1);
  });
});
