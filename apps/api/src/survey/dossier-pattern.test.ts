/**
 * The server's dossier-code patterns: what is saved cannot stall a tablet or the API, and the
 * server's RE2 matching says what the tablet's and the phone's JavaScript matching say.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSSIER_PATTERN, dossierCodeMatches } from '@hailong/domain';
import { checkDossierPattern, dossierCodeMatchesOnServer } from './dossier-pattern.ts';

/** Patterns a province might use: the default, a receipt prefix, the national DVC format. */
const SAFE = [
  DEFAULT_DOSSIER_PATTERN,
  '^HS-\\d{6}$',
  '^\\d{3}\\.\\d{2}\\.\\d{2}\\.H\\d{2}-\\d{6}-\\d{4}$',
  '^(H\\d{2}\\.)?\\d{6}$',
  '^[A-Z]{2,4}-\\d+$',
  '^([A-Z]{2}-)?\\d+(-\\d+)*$',
  '^MÃ-\\d{4}$',
];

describe('checking a dossier-code pattern before it is saved', () => {
  it.each(SAFE)('accepts %s', (pattern) => {
    expect(checkDossierPattern(pattern)).toBe('ok');
  });

  it.each([
    ['nested repetition', '^([A-Z0-9]+-?)+$'],
    ['nested repetition', '^(A+)+$'],
    ['overlapping alternatives', '^(A|AA)+$'],
    ['overlapping neighbours', '^\\d*\\d*\\d*\\d*\\d*\\d*$'],
  ])('refuses %s: %s', (_, pattern) => {
    expect(checkDossierPattern(pattern)).toBe('unsafe');
  });

  it.each([
    ['a syntax error', '^([A-Z'],
    ['a back-reference (RE2 has none)', '^(HS)-\\1$'],
    ['a look-ahead (RE2 has none)', '^(?=HS)HS-\\d+$'],
    ['an escape the u flag refuses', '^\\q$'],
  ])('refuses %s as invalid', (_, pattern) => {
    expect(checkDossierPattern(pattern)).toBe('invalid');
  });
});

describe('matching a code on the server', () => {
  const CODES = [
    'HS-240001',
    'hs-240001',
    ' HS - 240001 ',
    'HS-24000',
    'XHS-240001',
    '000.00.00.H12-240101-0001',
    'H12.240101',
    '240101',
    'AB-12-34',
    'MÃ-2026',
    'ma\u0303-2026',
    'A',
    '',
  ];

  it('says what the tablet says, for every pattern and code', () => {
    for (const pattern of SAFE) {
      for (const code of CODES) {
        expect(dossierCodeMatchesOnServer(pattern, code), `${pattern} ${code}`).toBe(
          dossierCodeMatches(pattern, code),
        );
      }
    }
  });

  it('finds the pattern anywhere, as RegExp.test does, unless it is anchored', () => {
    expect(dossierCodeMatchesOnServer('HS-\\d{3}', 'XHS-1234')).toBe(true);
    expect(dossierCodeMatchesOnServer('^HS-\\d{3}$', 'XHS-1234')).toBe(false);
  });

  it('matches nothing with a pattern that does not compile', () => {
    expect(dossierCodeMatchesOnServer('^([A-Z', 'ABC')).toBe(false);
  });

  it('ends on a crafted code even with a catastrophic pattern', () => {
    // About 2^63 steps for a backtracking engine; linear for RE2.
    expect(dossierCodeMatchesOnServer('^([A-Z0-9]+-?)+$', `${'A'.repeat(63)}!`)).toBe(false);
    expect(dossierCodeMatchesOnServer('^([A-Z0-9]+-?)+$', 'AB12-3456')).toBe(true);
  });
});
