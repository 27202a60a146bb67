/**
 * A unit's dossier-code pattern on the server. The pattern is a regular expression an IT officer
 * types, and the phone page is public: matched by JavaScript's backtracking engine, a pattern such
 * as `^([A-Z0-9]+-?)+$` takes exponential time on a crafted code ("AAAA…A!"), and one request
 * would stall the whole API. So:
 * - the server matches with RE2 (re2js), whose time is linear in the code whatever the pattern;
 * - a pattern is saved only if RE2 and the browsers' engine both read it, and if it cannot make a
 *   backtracking engine (the tablet's and the phone's, which check codes offline) take super-linear
 *   time (redos-detector). A pattern the analysis cannot clear in its time is refused too.
 */
import { normalizeDossierCode } from '@hailong/domain';
import { RE2JS } from 're2js';
import { isSafePattern } from 'redos-detector';

export type PatternVerdict = 'ok' | 'invalid' | 'unsafe';

/** How long the analysis of one pattern may take; a pattern it cannot clear by then is refused. */
const ANALYSIS_TIMEOUT_MS = 1_000;

export function checkDossierPattern(pattern: string): PatternVerdict {
  try {
    new RegExp(pattern, 'u');
    RE2JS.compile(pattern);
  } catch {
    return 'invalid';
  }
  const verdict = isSafePattern(pattern, { unicode: true, timeout: ANALYSIS_TIMEOUT_MS });
  return verdict.safe ? 'ok' : 'unsafe';
}

/** Compiled patterns, by their text: a unit's pattern is compiled once, not per submission. */
const compiled = new Map<string, RE2JS | null>();
const MAX_COMPILED = 1_000;

function compile(pattern: string): RE2JS | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

/**
 * Whether a code (normalised as the tablet does) matches: found anywhere, as `RegExp.test` finds
 * it on the tablet. A pattern that does not compile matches nothing, as on the tablet.
 */
export function dossierCodeMatchesOnServer(pattern: string, code: string): boolean {
  return compile(pattern)?.matcher(normalizeDossierCode(code)).find() ?? false;
}
