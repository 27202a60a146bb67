/**
 * Draining the events log for one consumer: a batch at a time, each in one transaction that locks
 * the consumer's cursor, hands the batch to the consumer and advances the cursor past it. Two
 * runners draining at once wait for each other on the cursor and never see the same event; a crash
 * rolls back the batch and its effects together, and the next drain takes it again.
 */
import type { EventConsumer } from '../jobs/job-types.ts';
import type { Clock } from '../jobs/clock.ts';
import type { Repositories } from '../repositories/types.ts';

/** Handles every stored event of the consumer's kinds it has not handled; how many. */
export async function drainConsumer(
  repos: Repositories,
  consumer: EventConsumer,
  clock: Clock,
  batch = 200,
): Promise<number> {
  let handled = 0;
  for (;;) {
    // A look without a lock first, so that an idle runner writes nothing.
    const [cursor, last] = await Promise.all([
      repos.events.cursor(consumer.name),
      repos.events.lastId(),
    ]);
    if (last <= cursor) return handled;
    const { count, more } = await repos.transaction(async (tx) => {
      const from = await tx.events.lockCursor(consumer.name);
      const upTo = await tx.events.lastId();
      if (upTo <= from) return { count: 0, more: false };
      const events = await tx.events.listAfter(from, upTo, consumer.kinds, batch);
      if (events.length > 0) await consumer.handle(tx, events, clock());
      // A short batch means none of the consumer's kinds lies between its last event and the
      // last one stored: the cursor moves there, so that other kinds are not read again.
      const full = events.length === batch;
      await tx.events.advance(consumer.name, full ? events.at(-1)!.id : upTo, clock());
      return { count: events.length, more: full };
    });
    handled += count;
    if (!more) return handled;
  }
}
