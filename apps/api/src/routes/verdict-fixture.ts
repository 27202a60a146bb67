/** Items answered by staff, for the verdict tests, and the check that no verdict was stored. */
import { expect } from 'vitest';
import { act, type FeedbackWorld } from './feedback-fixture.ts';

/**
 * A phản ánh from the world's tablet, classified, handled and answered (published or not); `legacy`:
 * from a kiosk that sends no verdict token.
 */
export async function answeredItem(w: FeedbackWorld, publish: boolean, legacy = false) {
  const item = await w.send(legacy ? { verdictTokenHash: undefined } : {});
  await act(w.lan, item.id, { action: 'classify', classification: 'within_authority' });
  await act(w.lan, item.id, { action: 'start' });
  const res = await act(w.lan, item.id, {
    action: 'answer',
    text: 'Đơn vị đã trả lời qua điện thoại.',
    channel: 'phone',
    publish,
  });
  expect(res.status).toBe(200);
  return item as { id: string; trackingCode: string; token: string };
}

/** Nothing of a verdict on the item: no mark, no verdict row, no history line. */
export async function expectNoVerdict(w: FeedbackWorld, id: string): Promise<void> {
  const row = await w.database.repos.feedback.findById(id);
  expect(row?.verdict).toBeNull();
  const verdicts = await w.database.db
    .selectFrom('feedbackVerdicts')
    .select('id')
    .where('feedbackId', '=', id)
    .execute();
  expect(verdicts).toEqual([]);
  const events = await w.database.repos.feedback.listEvents(id);
  expect(events.filter((e) => e.action === 'verdict')).toEqual([]);
}
