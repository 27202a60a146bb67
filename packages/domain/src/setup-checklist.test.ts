import { describe, expect, it } from 'vitest';
import { setupChecklist, type SetupFacts } from './setup-checklist.ts';

const NOW = Date.UTC(2026, 0, 20, 3);
const DAY = 86_400_000;

const start: SetupFacts = {
  now: NOW,
  publicAddress: false,
  serviceUnits: [],
  officers: [],
  unitsWithQuestions: new Set(),
  unitsWithPosters: new Set(),
  tablets: [],
};

const doneSteps = (facts: SetupFacts) =>
  setupChecklist(facts)
    .filter((c) => c.done)
    .map((c) => c.step);

describe('setupChecklist', () => {
  it('ticks nothing on an empty install: nothing to count is not finished', () => {
    expect(doneSteps(start)).toEqual([]);
  });

  it('ticks each step only when nothing is missing', () => {
    const facts: SetupFacts = {
      ...start,
      publicAddress: true,
      serviceUnits: ['a', 'b'],
      officers: [
        { id: 'u1', hasPin: true },
        { id: 'u2', hasPin: false },
      ],
      unitsWithQuestions: new Set(['a', 'b', 'x']),
      unitsWithPosters: new Set(['a']),
      tablets: [NOW - DAY, NOW - 2 * DAY],
    };
    expect(doneSteps(facts)).toEqual([
      'publicAddress',
      'staffAccounts',
      'surveyQuestions',
      'tablets',
    ]);
    const byStep = Object.fromEntries(setupChecklist(facts).map((c) => [c.step, c]));
    expect(byStep.counterPins).toMatchObject({ count: 1, of: 2 });
    expect(byStep.posters).toMatchObject({ count: 1, of: 2 });
    // A unit outside the service units does not count towards them.
    expect(byStep.surveyQuestions).toMatchObject({ count: 2, of: 2 });
  });

  it('wants every tablet seen within the last three days', () => {
    const at = (ago: number | null) =>
      setupChecklist({ ...start, tablets: [NOW, ago === null ? null : NOW - ago] }).find(
        (c) => c.step === 'tablets',
      )!;
    expect(at(3 * DAY).done).toBe(true);
    expect(at(3 * DAY + 1).done).toBe(false);
    expect(at(null)).toMatchObject({ done: false, count: 1, of: 2 });
  });
});
