import { describe, expect, it } from 'vitest';
import { onTimeFigures, onTimeScore, type OnTimeItem } from './on-time.ts';

/**
 * A hand-computed month: Sở Tư pháp, March 2026, seen on 20/04/2026. Deadlines are as written on
 * each item (the figure does not recompute them).
 */
const base = {
  unitId: 'so-tp',
  month: '2026-03',
  classifyDue: '2026-03-09',
  answerDue: '2026-03-16',
  classification: 'within_authority',
  closeReason: null,
  classifiedDate: '2026-03-03',
  answeredDate: null,
  closedDate: null,
} as const satisfies Partial<OnTimeItem>;

const items: OnTimeItem[] = [
  // 1. answered on the due date → on time; the citizen accepts the answer
  { ...base, status: 'answered', answeredDate: '2026-03-16', verdict: 'accepted' },
  // 2. answered, published and closed a day late → late; the citizen does not accept it
  {
    ...base,
    status: 'closed',
    closeReason: 'done',
    answeredDate: '2026-03-17',
    verdict: 'not_accepted',
  },
  // 3. forwarded within 5 working days and closed → on time
  {
    ...base,
    status: 'closed',
    classification: 'forwarded',
    closeReason: 'forwarded',
    classifiedDate: '2026-03-09',
  },
  // 4. closed straight away as not admissible, late → late
  {
    ...base,
    status: 'closed',
    classification: null,
    closeReason: 'not_admissible',
    classifiedDate: null,
    closedDate: '2026-03-10',
  },
  // 5. still being handled, answer overdue → overdue open
  { ...base, status: 'in_progress' },
  // 6. a duplicate of item 1 → left out
  { ...base, status: 'closed', classification: null, closeReason: 'duplicate' },
  // 7. received late in the month, not yet due on 20/04 → pending, not judged
  { ...base, status: 'in_progress', classifyDue: '2026-04-07', answerDue: '2026-04-21' },
  // 8. never classified, classification overdue → overdue open
  { ...base, status: 'received', classification: null, classifiedDate: null },
  // 9. another month and unit
  { ...base, unitId: 'so-xd', month: '2026-02', status: 'published', answeredDate: '2026-03-01' },
];

describe('the on-time figure', () => {
  it('matches the hand-computed month', () => {
    const [february, march] = [
      onTimeFigures(items, '2026-04-20').find((r) => r.unitId === 'so-xd'),
      onTimeFigures(items, '2026-04-20').find((r) => r.unitId === 'so-tp'),
    ];
    expect(march).toEqual({
      unitId: 'so-tp',
      month: '2026-03',
      received: 7,
      duplicates: 1,
      answered: 4,
      answeredOnTime: 2,
      overdueOpen: 2,
      accepted: 1,
      notAccepted: 1,
      rate: 2 / 6,
      score: 0,
    });
    expect(february).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1, score: 2 });
  });

  it('scores 2 at 100%, 1 from 90%, 0 below, and nothing when nothing is judged', () => {
    expect(onTimeScore(10, 10)).toBe(2);
    expect(onTimeScore(9, 10)).toBe(1);
    expect(onTimeScore(89, 99)).toBe(0);
    expect(onTimeScore(90, 100)).toBe(1);
    expect(onTimeScore(0, 0)).toBeNull();
  });
});
