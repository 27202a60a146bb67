import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  applyAction,
  FEEDBACK_CLASSIFICATIONS,
  FEEDBACK_CLOSE_REASONS,
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_STATUSES,
  type WorkflowAction,
  type WorkflowState,
} from './feedback-workflow.ts';
import { currentDueDate, feedbackDeadlines, urgencyOf } from './deadlines.ts';
import { EMPTY_CALENDAR } from './working-days.ts';

const fresh: WorkflowState = { status: 'received', classification: null };

function run(state: WorkflowState, ...actions: WorkflowAction[]): WorkflowState {
  return actions.reduce((s, action) => {
    const result = applyAction(s, action);
    if (!result.ok) throw new Error(`${action.type} refused from ${s.status}: ${result.reason.en}`);
    return result.state;
  }, state);
}

const action: fc.Arbitrary<WorkflowAction> = fc.oneof(
  fc.constantFrom(...FEEDBACK_CLASSIFICATIONS).map((c) => ({
    type: 'classify' as const,
    classification: c,
  })),
  fc.constantFrom<WorkflowAction>({ type: 'start' }, { type: 'answer' }, { type: 'publish' }),
  fc.constantFrom(...FEEDBACK_CLOSE_REASONS).map((r) => ({ type: 'close' as const, reason: r })),
);

describe('the feedback workflow', () => {
  it('goes Mới tiếp nhận → Đã phân loại → Đang xử lý → Đã trả lời → Đã công khai → Đóng', () => {
    const end = run(
      fresh,
      { type: 'classify', classification: 'within_authority' },
      { type: 'start' },
      { type: 'answer' },
      { type: 'publish' },
      { type: 'close', reason: 'done' },
    );
    expect(end).toEqual({ status: 'closed', classification: 'within_authority' });
    expect(FEEDBACK_STATUS_LABELS.in_progress.vi).toBe('Đang xử lý');
  });

  it('forwards what is outside our authority and closes it without handling it here', () => {
    const forwarded = run(fresh, { type: 'classify', classification: 'forwarded' });
    const start = applyAction(forwarded, { type: 'start' });
    expect(start.ok).toBe(false);
    expect(run(forwarded, { type: 'close', reason: 'forwarded' }).status).toBe('closed');
  });

  it('refuses what the workflow does not allow, with a reason in both languages', () => {
    const answered = applyAction(fresh, { type: 'answer' });
    expect(answered.ok).toBe(false);
    if (!answered.ok) expect(answered.reason.vi).toContain('Mới tiếp nhận');
    expect(applyAction(fresh, { type: 'publish' }).ok).toBe(false);
    expect(applyAction(fresh, { type: 'close', reason: 'done' }).ok).toBe(false);
    expect(applyAction(fresh, { type: 'close', reason: 'forwarded' }).ok).toBe(false);
    expect(applyAction(fresh, { type: 'close', reason: 'duplicate' }).ok).toBe(true);
    const inProgress = run(
      fresh,
      { type: 'classify', classification: 'official_conduct' },
      { type: 'start' },
    );
    // Classification is fixed once handling has started.
    expect(applyAction(inProgress, { type: 'classify', classification: 'forwarded' }).ok).toBe(
      false,
    );
  });

  it('never leaves Đóng, and allowedActions agrees with applyAction', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        let state = fresh;
        let closed = false;
        for (const a of actions) {
          const allowed = allowedActions(state);
          const result = applyAction(state, a);
          expect(allowed.some((x) => JSON.stringify(x) === JSON.stringify(a))).toBe(result.ok);
          if (result.ok) state = result.state;
          if (closed) expect(result.ok).toBe(false);
          closed = state.status === 'closed';
          expect(FEEDBACK_STATUSES).toContain(state.status);
        }
      }),
    );
  });

  it('names the binding deadline and how urgent it is', () => {
    const deadlines = feedbackDeadlines('2026-03-02', 10, EMPTY_CALENDAR);
    expect(deadlines).toEqual({ classifyDue: '2026-03-09', answerDue: '2026-03-16' });
    expect(currentDueDate(fresh, deadlines)).toBe('2026-03-09');
    const handling = {
      status: 'in_progress' as const,
      classification: 'within_authority' as const,
    };
    expect(currentDueDate(handling, deadlines)).toBe('2026-03-16');
    const forwarded = { status: 'classified' as const, classification: 'forwarded' as const };
    expect(currentDueDate(forwarded, deadlines)).toBeNull();
    expect(currentDueDate({ status: 'answered', classification: null }, deadlines)).toBeNull();
    // Seen from Friday 13/03: Monday 16/03 is within 2 working days.
    expect(urgencyOf('2026-03-16', '2026-03-13', EMPTY_CALENDAR)).toBe('due_soon');
    expect(urgencyOf('2026-03-18', '2026-03-13', EMPTY_CALENDAR)).toBe('on_track');
    expect(urgencyOf('2026-03-12', '2026-03-13', EMPTY_CALENDAR)).toBe('overdue');
    expect(urgencyOf('2026-03-13', '2026-03-13', EMPTY_CALENDAR)).toBe('due_soon');
  });
});
