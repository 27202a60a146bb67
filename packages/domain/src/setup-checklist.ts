/**
 * Bắt đầu: what a province sets up in its first month, each step ticked from what the database
 * holds — never from a box someone clicked. A step counts what is done (`count`) out of what must
 * be (`of`); it is done when nothing is missing and there is something to count, so an empty
 * catalogue never reads as finished.
 */

/** The steps, in the order a new province takes them. */
export const SETUP_STEPS = [
  'publicAddress',
  'staffAccounts',
  'surveyQuestions',
  'counterPins',
  'posters',
  'tablets',
] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** A tablet counts as seen when it reached the server within this many days. */
export const TABLET_SEEN_DAYS = 3;
const DAY_MS = 86_400_000;

/** What the checklist is computed from, within the reader's units. */
export interface SetupFacts {
  now: number;
  /** PUBLIC_URL is configured: tablets and phones have an address to reach. */
  publicAddress: boolean;
  /** Active units with at least one active counter (quầy): where citizens are served. */
  serviceUnits: readonly string[];
  /** Active officer (staff) accounts: their id and whether they have a counter PIN. */
  officers: readonly { id: string; hasPin: boolean }[];
  /** Units with survey settings of their own that ask at least one question. */
  unitsWithQuestions: ReadonlySet<string>;
  /** Units whose posters were made (their short link given on the posters page). */
  unitsWithPosters: ReadonlySet<string>;
  /** When each active (not revoked) tablet last reached the server; null for never. */
  tablets: readonly (number | null)[];
}

export interface SetupCheck {
  step: SetupStep;
  done: boolean;
  count: number;
  /** null for a step with no total to reach (the public address, officers' accounts). */
  of: number | null;
}

const check = (step: SetupStep, count: number, of: number): SetupCheck => ({
  step,
  done: of > 0 && count === of,
  count,
  of,
});

/** The six steps of the first month, each with how far it has got. */
export function setupChecklist(facts: SetupFacts): SetupCheck[] {
  const units = facts.serviceUnits;
  const since = facts.now - TABLET_SEEN_DAYS * DAY_MS;
  return [
    {
      step: 'publicAddress',
      done: facts.publicAddress,
      count: facts.publicAddress ? 1 : 0,
      of: null,
    },
    {
      step: 'staffAccounts',
      done: facts.officers.length > 0,
      count: facts.officers.length,
      of: null,
    },
    check(
      'surveyQuestions',
      units.filter((u) => facts.unitsWithQuestions.has(u)).length,
      units.length,
    ),
    check('counterPins', facts.officers.filter((o) => o.hasPin).length, facts.officers.length),
    check('posters', units.filter((u) => facts.unitsWithPosters.has(u)).length, units.length),
    check(
      'tablets',
      facts.tablets.filter((seen) => seen !== null && seen >= since).length,
      facts.tablets.length,
    ),
  ];
}
