/**
 * One contract, every outbox: the in-memory one runs it under vitest, the IndexedDB one inside
 * Chromium (test/browser/kiosk-outbox.test.ts). Each check gets a new, empty outbox.
 */
import { assert, assertEqual, assertRejects } from './contract-assert.ts';
import {
  DEVICE,
  T0,
  at,
  draftOf,
  feedbackDraft,
  hold,
  putMany,
  ratingDraft,
  seqs,
  type OutboxCheck,
} from './contract-fixtures.ts';
import { HOLD_CONTRACT } from './holds.contract.ts';
import { DuplicateRecordError } from './outbox.ts';

export { ratingDraft, type OutboxCheck };

export const OUTBOX_CONTRACT: readonly OutboxCheck[] = [
  {
    name: 'an empty outbox has nothing pending, no oldest age and no dead letters',
    async run(outbox) {
      assertEqual(await outbox.count(), 0, 'count');
      assertEqual(await outbox.takeOldest(10), [], 'takeOldest');
      assertEqual(await outbox.oldestAge(T0), null, 'oldestAge');
      assertEqual(await outbox.listDeadLetters(), [], 'dead letters');
    },
  },
  {
    name: 'put numbers the records of a device 1, 2, 3 and keeps every field',
    async run(outbox) {
      const draft = ratingDraft();
      const first = await outbox.put(draft);
      assertEqual(first, { ...draft, seq: 1 }, 'first record');
      const more = await putMany(outbox, 2);
      assertEqual(seqs(more), [2, 3], 'next numbers');
      assertEqual(await outbox.count(), 3, 'count');
    },
  },
  {
    name: 'concurrent puts get distinct numbers with no gap',
    async run(outbox) {
      const stored = await Promise.all(
        Array.from({ length: 40 }, (_, i) => outbox.put(ratingDraft(i))),
      );
      assertEqual(
        seqs(stored).sort((a, b) => a - b),
        Array.from({ length: 40 }, (_, i) => i + 1),
        'numbers',
      );
      assertEqual(await outbox.count(), 40, 'count');
    },
  },
  {
    name: 'each device has its own sequence',
    async run(outbox) {
      await outbox.put(ratingDraft(0, 'device-a'));
      const b = await outbox.put(ratingDraft(0, 'device-b'));
      const a = await outbox.put(ratingDraft(0, 'device-a'));
      assertEqual([a.seq, b.seq], [2, 1], 'numbers');
    },
  },
  {
    name: 'takeOldest returns the lowest numbers first, at most the limit, and removes nothing',
    async run(outbox) {
      await putMany(outbox, 7);
      assertEqual(seqs(await outbox.takeOldest(3)), [1, 2, 3], 'first three');
      assertEqual(seqs(await outbox.takeOldest(100)), [1, 2, 3, 4, 5, 6, 7], 'all');
      assertEqual(await outbox.count(), 7, 'count');
    },
  },
  {
    name: 'acknowledge moves exactly the named records out of the queue and ignores unknown ids',
    async run(outbox) {
      const stored = await putMany(outbox, 5);
      const unknown = { ...stored[0]!, id: crypto.randomUUID() };
      await outbox.acknowledge([stored[1]!, stored[3]!, unknown], at(1));
      assertEqual(seqs(await outbox.takeOldest(10)), [1, 3, 5], 'left');
      assertEqual(await outbox.count(), 3, 'count');
      assertEqual(await outbox.sentCount(), 2, 'kept');
      await outbox.acknowledge([], at(2));
      assertEqual(await outbox.count(), 3, 'count after an empty acknowledgement');
      await outbox.acknowledge([stored[1]!], at(3));
      assertEqual(await outbox.sentCount(), 2, 'acknowledging again keeps one copy');
    },
  },
  {
    name: 'numbers are never reused after records are acknowledged',
    async run(outbox) {
      const stored = await putMany(outbox, 3);
      await outbox.acknowledge(stored, at(1));
      assertEqual(await outbox.count(), 0, 'count');
      assertEqual(await outbox.highestSeq(DEVICE), 3, 'highest number');
      const next = await outbox.put(ratingDraft());
      assertEqual(next.seq, 4, 'next number');
      const err = await assertRejects(outbox.put(draftOf(stored[0]!)), 'put a kept id');
      assert(err instanceof DuplicateRecordError, `DuplicateRecordError, got ${String(err)}`);
    },
  },
  {
    name: 'requeue brings back exactly the kept records in the ranges, unchanged',
    async run(outbox) {
      assertEqual(await outbox.highestSeq(DEVICE), 0, 'highest before the first');
      const stored = await putMany(outbox, 8);
      await outbox.put(ratingDraft(0, 'device-b'));
      await outbox.acknowledge(stored.slice(0, 6), at(1));
      const b = await outbox.takeOldest(10);
      await outbox.acknowledge([b.find((r) => r.deviceId === 'device-b')!], at(1));
      const moved = await outbox.requeue(
        DEVICE,
        [
          { from: 2, to: 3 },
          { from: 5, to: 40 },
        ],
        new Set([6]),
      );
      // 7 and 8 were never acknowledged: they are pending already. 6 is excepted.
      assertEqual(moved, [2, 3, 5], 'moved');
      const pending = await outbox.takeOldest(10);
      assertEqual(seqs(pending), [2, 3, 5, 7, 8], 'pending');
      assertEqual(pending[0], stored[1], 'record unchanged');
      assertEqual(await outbox.sentCount(), 4, 'kept: 1, 4 and 6 of device-a, 1 of device-b');
      assertEqual(await outbox.requeue(DEVICE, [{ from: 2, to: 3 }]), [], 'nothing twice');
      assertEqual(await outbox.requeue('device-b', [{ from: 1, to: 1 }]), [1], 'other device');
    },
  },
  {
    name: 'forgetSent forgets only records acknowledged before the cut-off',
    async run(outbox) {
      const stored = await putMany(outbox, 4);
      await outbox.acknowledge([stored[0]!, stored[1]!], at(10));
      await outbox.acknowledge([stored[2]!], at(20));
      assertEqual(await outbox.forgetSent(at(20)), 2, 'forgotten');
      assertEqual(await outbox.sentCount(), 1, 'kept');
      assertEqual(await outbox.requeue(DEVICE, [{ from: 1, to: 4 }]), [3], 'what can come back');
      assertEqual(await outbox.forgetSent(at(5)), 0, 'nothing older');
    },
  },
  {
    name: 'oldestAge measures from the capture time of the lowest number',
    async run(outbox) {
      await outbox.put(ratingDraft(0));
      await outbox.put(ratingDraft(10));
      assertEqual(await outbox.oldestAge(T0 + 60 * 60_000), 60 * 60_000, 'age');
    },
  },
  {
    name: 'a record is immutable: a second put with the same id fails and changes nothing',
    async run(outbox) {
      const draft = ratingDraft();
      const stored = await outbox.put(draft);
      const changed = { ...draft, deviceTime: new Date(T0 + 1).toISOString() };
      const err = await assertRejects(outbox.put(changed), 'second put');
      assert(err instanceof DuplicateRecordError, `DuplicateRecordError, got ${String(err)}`);
      // Changing what put returned does not change what is stored either.
      stored.deviceTime = changed.deviceTime;
      const [again] = await outbox.takeOldest(1);
      assertEqual(again, { ...draft, seq: 1 }, 'stored record');
      assertEqual(await outbox.count(), 1, 'count');
      assertEqual((await outbox.put(ratingDraft())).seq, 2, 'no number was used by the failure');
    },
  },
  {
    name: 'keeps Vietnamese text, emoji and long content exactly',
    async run(outbox) {
      const content = 'Phản ánh về thủ tục đất đai 🙏 '.repeat(70).slice(0, 2000);
      const stored = await outbox.put(feedbackDraft(content));
      const [again] = await outbox.takeOldest(1);
      assertEqual(again, stored, 'record');
      assert(again?.kind === 'feedback' && again.content === content, 'content');
    },
  },
  {
    name: 'dead letters leave the pending queue in the same step and are listed in order',
    async run(outbox) {
      const stored = await putMany(outbox, 4);
      const at = new Date(T0).toISOString();
      await outbox.putDeadLetters([
        {
          record: stored[2]!,
          error: { code: 'unknown_sector', message: 'Lĩnh vực không tồn tại' },
          at,
        },
        { record: stored[0]!, error: { code: 'validation_failed', message: 'level' }, at },
      ]);
      assertEqual(seqs(await outbox.takeOldest(10)), [2, 4], 'pending');
      const dead = await outbox.listDeadLetters();
      assertEqual(seqs(dead.map((d) => d.record)), [1, 3], 'dead letters');
      assertEqual(
        dead[1]!.error,
        { code: 'unknown_sector', message: 'Lĩnh vực không tồn tại' },
        'error',
      );
      assertEqual(await outbox.count(), 2, 'count');
    },
  },
  {
    name: 'an id in the dead-letter store cannot be put again',
    async run(outbox) {
      const draft = ratingDraft();
      const stored = await outbox.put(draft);
      const error = { code: 'validation_failed', message: 'x' };
      await outbox.putDeadLetters([{ record: stored, error, at: new Date(T0).toISOString() }]);
      const err = await assertRejects(outbox.put(draft), 'put again');
      assert(err instanceof DuplicateRecordError, `DuplicateRecordError, got ${String(err)}`);
    },
  },
  {
    name: 'clear forgets records, kept records, dead letters, holds and numbering',
    async run(outbox) {
      const stored = await putMany(outbox, 3);
      await outbox.put(ratingDraft(), hold());
      await outbox.acknowledge([stored[1]!], at(1));
      const error = { code: 'validation_failed', message: 'x' };
      await outbox.putDeadLetters([{ record: stored[0]!, error, at: new Date(T0).toISOString() }]);
      await outbox.clear();
      assertEqual(await outbox.count(), 0, 'count');
      assertEqual(await outbox.listDeadLetters(), [], 'dead letters');
      assertEqual(await outbox.sentCount(), 0, 'kept');
      assertEqual(await outbox.releaseHolds(Infinity), 0, 'holds');
      assertEqual((await outbox.put(ratingDraft())).seq, 1, 'numbering restarts');
    },
  },
  ...HOLD_CONTRACT,
];
