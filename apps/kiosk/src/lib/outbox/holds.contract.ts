/**
 * The outbox contract's checks of held records (see Outbox): a rating stored at the press, amended
 * by the answers that follow while held, and immutable once released. Part of OUTBOX_CONTRACT.
 */
import { assert, assertEqual, assertRejects } from './contract-assert.ts';
import {
  DEVICE,
  T0,
  at,
  draftOf,
  hold,
  pressedAndAnswered,
  ratingDraft,
  seqs,
  type OutboxCheck,
} from './contract-fixtures.ts';
import { DuplicateRecordError, type RecordDraft } from './outbox.ts';

export const HOLD_CONTRACT: readonly OutboxCheck[] = [
  {
    name: 'a held record has its number from the put but is not taken until released',
    async run(outbox) {
      const held = await outbox.put(ratingDraft(0), hold());
      const next = await outbox.put(ratingDraft(1));
      assertEqual([held.seq, next.seq], [1, 2], 'numbers');
      assertEqual(await outbox.highestSeq(DEVICE), 2, 'highest number');
      assertEqual(seqs(await outbox.takeOldest(10)), [2], 'taken');
      assertEqual(seqs(await outbox.takeOldest(1)), [2], 'taken, one at most');
      assertEqual(await outbox.count(), 2, 'count, held included');
      assertEqual(await outbox.oldestAge(T0 + 60_000), 60_000, 'oldest age, held included');
      const err = await assertRejects(outbox.put(draftOf(held)), 'put the held id again');
      assert(err instanceof DuplicateRecordError, `DuplicateRecordError, got ${String(err)}`);
      await outbox.release(held.id);
      assertEqual(await outbox.takeOldest(10), [held, next], 'taken once released, unchanged');
      await outbox.release(held.id);
      await outbox.release(crypto.randomUUID());
      assertEqual(seqs(await outbox.takeOldest(10)), [1, 2], 'releasing again changes nothing');
    },
  },
  {
    name: 'a held record is amended in place, keeping its number, and never once released',
    async run(outbox) {
      const [pressed, answered] = pressedAndAnswered();
      await outbox.put(ratingDraft(0));
      await outbox.put(pressed, hold());
      assert(await outbox.amend(answered, hold(20).until), 'amended while held');
      assertEqual(seqs(await outbox.takeOldest(10)), [1], 'still held after the amendment');
      await outbox.release(pressed.id);
      const taken = await outbox.takeOldest(10);
      assertEqual(taken[1], { ...answered, seq: 2 }, 'the amended record, with its number');
      const later = { ...answered, comment: 'Sửa sau khi gửi' } as RecordDraft;
      assertEqual(await outbox.amend(later, null), false, 'amend after release');
      assertEqual(
        await outbox.amend(later, hold().until),
        false,
        'amend with a hold after release',
      );
      assertEqual(await outbox.takeOldest(10), taken, 'unchanged');
      assertEqual(await outbox.count(), 2, 'count');
    },
  },
  {
    name: 'the last amendment releases the record in the same step',
    async run(outbox) {
      const [pressed, answered] = pressedAndAnswered();
      await outbox.put(pressed, hold());
      assert(await outbox.amend(answered, null), 'amended and released');
      assertEqual(await outbox.takeOldest(10), [{ ...answered, seq: 1 }], 'taken as amended');
      assertEqual(await outbox.amend(pressed, null), false, 'amend again');
      assertEqual(await outbox.releaseHolds(Infinity), 0, 'no hold left');
    },
  },
  {
    name: 'amend changes nothing of a record never held, acknowledged, or unknown',
    async run(outbox) {
      const [pressed, answered] = pressedAndAnswered();
      const plain = await outbox.put(pressed);
      assertEqual(await outbox.amend(answered, hold().until), false, 'never held');
      const [sentPressed, sentAnswered] = pressedAndAnswered();
      const sent = await outbox.put(sentPressed, hold());
      await outbox.release(sentPressed.id);
      await outbox.acknowledge([sent], at(1));
      assertEqual(await outbox.amend(sentAnswered, null), false, 'acknowledged');
      assertEqual(await outbox.amend(ratingDraft(), null), false, 'unknown');
      assertEqual(await outbox.takeOldest(10), [plain], 'pending');
      assertEqual(await outbox.requeue(DEVICE, [{ from: 2, to: 2 }]), [2], 'the kept one back');
      assertEqual((await outbox.takeOldest(10))[1], { ...sentPressed, seq: 2 }, 'kept unchanged');
    },
  },
  {
    name: 'an amendment cannot give a held record to another device',
    async run(outbox) {
      const [pressed] = pressedAndAnswered();
      const stored = await outbox.put(pressed, hold());
      const moved = { ...pressed, deviceId: 'device-b' } as RecordDraft;
      await assertRejects(outbox.amend(moved, null), 'amend to another device');
      assertEqual(await outbox.takeOldest(10), [], 'still held');
      await outbox.release(pressed.id);
      assertEqual(await outbox.takeOldest(10), [stored], 'unchanged');
    },
  },
  {
    name: 'releaseHolds releases exactly the holds that end by then, and Infinity all',
    async run(outbox) {
      const [early] = pressedAndAnswered();
      const [late, lateAnswered] = pressedAndAnswered();
      await outbox.put(early, hold(1));
      await outbox.put(late, hold(5));
      await outbox.put(ratingDraft(2));
      assertEqual(await outbox.releaseHolds(T0 + 2 * 60_000), 1, 'ended by then');
      assertEqual(seqs(await outbox.takeOldest(10)), [1, 3], 'taken');
      assertEqual(
        await outbox.amend({ ...early, comment: 'x' } as RecordDraft, null),
        false,
        'ended',
      );
      assert(await outbox.amend(lateAnswered, hold(30).until), 'the other one is still held');
      assertEqual(await outbox.releaseHolds(T0 + 10 * 60_000), 0, 'renewed by the amendment');
      assertEqual(await outbox.releaseHolds(Infinity), 1, 'all');
      assertEqual(seqs(await outbox.takeOldest(10)), [1, 2, 3], 'all taken');
      assertEqual(await outbox.releaseHolds(Infinity), 0, 'none left');
    },
  },
];
