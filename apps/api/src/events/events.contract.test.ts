/**
 * The events log's contract on both dialects: events read in id order after a cursor and up to the
 * last one stored, by kind; cursors start at the beginning and move forward with their transaction;
 * pruning keeps what a consumer has not read. On PostgreSQL, where transactions commit in any
 * order, ids still become visible in order: a transaction that appends after another appended waits
 * for it to end, so a reader past an id never finds a lower one later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Repositories } from '../repositories/types.ts';
import type { NewEvent } from './events.repository.ts';

const T0 = 1_790_000_000_000;
const rated = (n: number, at = T0): NewEvent => ({
  kind: 'ratings_stored',
  unitId: 'u1',
  payload: { ids: [`r${n}`], months: ['2026-11'] },
  at,
});
const received = (n: number, at = T0): NewEvent => ({
  kind: 'feedback_received',
  unitId: 'u1',
  payload: { id: `f${n}` },
  at,
});
const names = (events: { payload: Record<string, unknown> }[]) =>
  events.map((e) => (e.payload.ids as string[] | undefined)?.[0] ?? e.payload.id);

describe.each(dialects)('events log on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
  });
  afterAll(() => handle?.close());

  it('reads events in order after an id and up to another, by kind', async () => {
    expect(await repos.events.lastId()).toBe(0);
    await repos.transaction((tx) => tx.events.append([rated(1), received(1), rated(2)]));
    await repos.events.append([rated(3)]);
    const last = await repos.events.lastId();
    const all = await repos.events.listAfter(0, last, ['ratings_stored'], 10);
    expect(names(all)).toEqual(['r1', 'r2', 'r3']);
    expect(all[0]).toMatchObject({ kind: 'ratings_stored', unitId: 'u1', at: T0 });
    expect(all.at(-1)!.id).toBe(last);
    const both = await repos.events.listAfter(
      all[0]!.id,
      last,
      ['ratings_stored', 'feedback_received'],
      2,
    );
    expect(names(both)).toEqual(['f1', 'r2']);
    expect(names(await repos.events.listAfter(0, all[1]!.id, ['ratings_stored'], 10))).toEqual([
      'r1',
      'r2',
    ]);
    expect(await repos.events.listAfter(0, last, [], 10)).toEqual([]);
  });

  it('keeps each consumer’s cursor, from the start, moving with its transaction', async () => {
    expect(await repos.events.cursor('a')).toBe(0);
    const last = await repos.events.lastId();
    await repos.transaction(async (tx) => {
      expect(await tx.events.lockCursor('a')).toBe(0);
      await tx.events.advance('a', last, T0);
    });
    expect(await repos.events.cursor('a')).toBe(last);
    expect(await repos.events.cursor('b')).toBe(0);
    await expect(
      repos.transaction(async (tx) => {
        await tx.events.advance('b', last, T0);
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await repos.events.cursor('b')).toBe(0);
  });

  it('prunes only what every consumer named has read and is old enough', async () => {
    const [, second] = await repos.events.listAfter(
      0,
      await repos.events.lastId(),
      ['ratings_stored'],
      2,
    );
    // 'a' read everything, 'b' up to r2 (and f1 before it).
    await repos.events.advance('b', second!.id, T0);
    expect(await repos.events.prune(['a', 'b'], T0)).toBe(0);
    expect(await repos.events.prune(['a', 'b'], T0 + 1)).toBe(3);
    const left = await repos.events.listAfter(
      0,
      await repos.events.lastId(),
      ['ratings_stored', 'feedback_received'],
      10,
    );
    expect(names(left)).toEqual(['r3']);
    expect(await repos.events.prune([], T0 + 1)).toBe(0);
  });
});

describe('events log on postgres, transactions committing out of order', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase('postgres');
  });
  afterAll(() => handle?.close());

  it('never shows a later id before an earlier one', async () => {
    const { repos } = handle;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const inside = new Promise<void>((resolve) => (appended = resolve));
    // A appends and stays open; B appends and would commit first.
    const a = repos.transaction(async (tx) => {
      await tx.events.append([rated(1)]);
      appended();
      await held;
    });
    await inside;
    let bDone = false;
    const b = repos.transaction((tx) => tx.events.append([rated(2)])).then(() => (bDone = true));
    try {
      // While A is open, nothing is visible, and B cannot slip an event in behind it: it waits.
      expect(await repos.events.lastId()).toBe(0);
      expect(
        await repos.events.listAfter(0, Number.MAX_SAFE_INTEGER, ['ratings_stored'], 10),
      ).toEqual([]);
      expect(bDone).toBe(false);
    } finally {
      release();
      await a;
      await b;
    }
    const read = await repos.events.listAfter(
      0,
      await repos.events.lastId(),
      ['ratings_stored'],
      10,
    );
    expect(names(read)).toEqual(['r1', 'r2']);
  });
});
