/**
 * The catalogue commands on both dialects: validation, history of names and moves, no cycles even
 * when two moves race, archive/restore, codes, and a scale change that waits for the next month.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Repositories } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import * as cmd from './catalogue-commands.ts';

// 23 November 2026, 09:00 in Hà Nội.
const NOW = Date.UTC(2026, 10, 23, 2, 0);
const ctx = { now: NOW, actorId: null };

async function refusal(work: Promise<unknown>): Promise<{ status: number; code: string }> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  const { status, code } = err as ApiError;
  return { status, code };
}

describe.each(dialects)('catalogue commands on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  beforeEach(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
  });
  afterEach(() => handle.close());

  async function province() {
    const root = await cmd.createUnit(repos, ctx, {
      code: 'tinh',
      name: 'Tỉnh',
      kind: 'province',
      parentId: null,
    });
    const a = await cmd.createUnit(repos, ctx, {
      code: 'xa-a',
      name: '  Xã A ',
      kind: 'commune',
      scale: 'three',
      parentId: root.id,
    });
    const b = await cmd.createUnit(repos, ctx, {
      code: 'xa-b',
      name: 'Xã B',
      kind: 'commune',
      parentId: root.id,
    });
    return { root, a, b };
  }

  it('creates units with validated codes, kinds and parents, and records them', async () => {
    const { root, a, b } = await province();
    expect(a).toMatchObject({ name: 'Xã A', parentId: root.id, sortOrder: 0, scale: 'three' });
    expect(b.sortOrder).toBe(1);
    const bad = (input: Partial<cmd.NewUnit>) =>
      refusal(
        cmd.createUnit(repos, ctx, {
          code: 'ok',
          name: 'Tên',
          kind: 'commune',
          parentId: root.id,
          ...input,
        }),
      );
    expect(await bad({ code: 'Có dấu' })).toEqual({ status: 422, code: 'validation_failed' });
    expect(await bad({ code: '-x' })).toEqual({ status: 422, code: 'validation_failed' });
    expect(await bad({ kind: 'district' })).toEqual({ status: 422, code: 'validation_failed' });
    expect(await bad({ name: '   ' })).toEqual({ status: 422, code: 'validation_failed' });
    expect(await bad({ parentId: 'nope' })).toEqual({ status: 422, code: 'validation_failed' });
    expect(await bad({ code: 'xa-a' })).toEqual({ status: 409, code: 'code_taken' });
    // The same code under another parent is fine.
    await cmd.createUnit(repos, ctx, { code: 'xa-a', name: 'Thôn', kind: 'other', parentId: a.id });
    expect(await repos.catalogue.countUnits()).toBe(4);
    const history = await repos.catalogue.listHistory({ entityType: 'unit', entityId: a.id });
    expect(history).toEqual([
      expect.objectContaining({
        action: 'create',
        name: 'Xã A',
        month: '2026-11',
        parentId: root.id,
      }),
    ]);
    const audit = await repos.audit.list({ entityType: 'unit', entityId: a.id, limit: 5 });
    expect(audit.map((e) => e.action)).toEqual(['catalogue.unit.create']);
    expect(await repos.catalogue.listUnitScales([a.id])).toEqual([
      { unitId: a.id, fromMonth: '2026-11', scale: 'three', updatedAt: NOW },
    ]);
  });

  it('keeps the names a unit had, and records nothing for a change to the same value', async () => {
    const { a } = await province();
    await cmd.renameUnit(repos, { ...ctx, now: NOW + 1 }, a.id, 'Phường A');
    await cmd.renameUnit(repos, { ...ctx, now: NOW + 2 }, a.id, 'Phường A');
    await cmd.changeUnit(repos, { ...ctx, now: NOW + 3 }, a.id, {
      name: 'Phường A',
      kind: 'commune',
    });
    const history = await repos.catalogue.listHistory({ entityId: a.id });
    expect(history.map((h) => [h.action, h.name])).toEqual([
      ['create', 'Xã A'],
      ['rename', 'Phường A'],
    ]);
    expect(history[1]!.details).toEqual({ from: 'Xã A' });
  });

  it('moves a unit, refusing cycles and archived parents', async () => {
    const { root, a, b } = await province();
    const moved = await cmd.moveUnit(repos, ctx, b.id, a.id);
    expect(moved.parentId).toBe(a.id);
    expect(await refusal(cmd.moveUnit(repos, ctx, a.id, b.id))).toEqual({
      status: 422,
      code: 'validation_failed',
    });
    expect(await refusal(cmd.moveUnit(repos, ctx, a.id, a.id))).toMatchObject({ status: 422 });
    expect(await refusal(cmd.moveUnit(repos, ctx, 'nope', null))).toMatchObject({ status: 404 });
    const c = await cmd.createUnit(repos, ctx, {
      code: 'xa-c',
      name: 'Xã C',
      kind: 'commune',
      parentId: root.id,
    });
    await cmd.archiveUnit(repos, ctx, c.id);
    expect(await refusal(cmd.moveUnit(repos, ctx, b.id, c.id))).toMatchObject({ status: 422 });
    const history = await repos.catalogue.listHistory({ entityId: b.id });
    expect(history.at(-1)).toMatchObject({ action: 'move', parentId: a.id });
    expect(history.at(-1)!.details).toEqual({ from: root.id, to: a.id });
  });

  it('never lets two racing moves make a cycle', async () => {
    const { a, b } = await province();
    const results = await Promise.allSettled([
      cmd.moveUnit(repos, ctx, a.id, b.id),
      cmd.moveUnit(repos, ctx, b.id, a.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const units = await repos.catalogue.listUnits();
    const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
    expect(parentOf.get(a.id) === b.id && parentOf.get(b.id) === a.id).toBe(false);
  });

  it('refuses one of two units created at once with the same code', async () => {
    const { root } = await province();
    const make = () =>
      cmd.createUnit(repos, ctx, {
        code: 'xa-d',
        name: 'Xã D',
        kind: 'commune',
        parentId: root.id,
      });
    const results = await Promise.allSettled([make(), make()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected')!;
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'code_taken' });
  });

  it('reorders siblings and archives/restores without deleting', async () => {
    const { root, a, b } = await province();
    await cmd.reorderUnit(repos, ctx, b.id, 0);
    const children = (await repos.catalogue.listUnits()).filter((u) => u.parentId === root.id);
    expect(children.map((u) => [u.id, u.sortOrder])).toEqual([
      [b.id, 0],
      [a.id, 1],
    ]);
    await cmd.archiveUnit(repos, ctx, root.id);
    expect((await repos.catalogue.findUnit(root.id))!.archivedAt).toBe(NOW);
    // Archiving archives nothing else.
    expect((await repos.catalogue.findUnit(a.id))!.archivedAt).toBeNull();
    await cmd.archiveUnit(repos, ctx, a.id);
    expect(await refusal(cmd.restoreUnit(repos, ctx, a.id))).toEqual({
      status: 409,
      code: 'conflict',
    });
    await cmd.restoreUnit(repos, ctx, root.id);
    await cmd.restoreUnit(repos, ctx, a.id);
    expect(await repos.catalogue.listUnits({ activeOnly: true })).toHaveLength(3);
    const actions = async (id: string) =>
      (await repos.catalogue.listHistory({ entityId: id })).map((h) => h.action);
    // Only the unit that was moved records a reorder; its siblings are renumbered silently.
    expect(await actions(b.id)).toEqual(['create', 'reorder']);
    expect(await actions(a.id)).toEqual(['create', 'archive', 'restore']);
  });

  it('changes the scale from the next month only', async () => {
    const { a } = await province();
    const planned = await cmd.setUnitScale(repos, ctx, a.id, 'five');
    expect(planned).toEqual({ unitId: a.id, fromMonth: '2026-12', scale: 'five', updatedAt: NOW });
    expect((await repos.catalogue.findUnit(a.id))!.scale).toBe('three');
    expect(await cmd.setUnitScale(repos, ctx, a.id, 'five')).toBeUndefined();
    const history = await repos.catalogue.listHistory({ entityId: a.id });
    expect(history.at(-1)).toMatchObject({ action: 'scale', month: '2026-12' });
    expect(await cmd.applyDueScales(repos, NOW)).toBe(0);
    const december = Date.UTC(2026, 10, 30, 17, 0); // 1 December 00:00 in Hà Nội
    expect(await cmd.applyDueScales(repos, december)).toBe(1);
    expect((await repos.catalogue.findUnit(a.id))!.scale).toBe('five');
    expect(await cmd.applyDueScales(repos, december)).toBe(0);
  });

  it('manages sectors and counters of a unit with the same rules', async () => {
    const { a, b } = await province();
    const s = await cmd.createSector(repos, ctx, {
      unitId: a.id,
      code: 'ho-tich',
      name: 'Hộ tịch',
    });
    const q1 = await cmd.createCounter(repos, ctx, {
      unitId: a.id,
      code: 'quay-1',
      name: 'Quầy 1',
    });
    const q2 = await cmd.createCounter(repos, ctx, {
      unitId: a.id,
      code: 'quay-2',
      name: 'Quầy 2',
      sortOrder: 0,
    });
    expect((await repos.catalogue.listCounters(a.id)).map((c) => c.id)).toEqual([q2.id, q1.id]);
    expect(
      await refusal(cmd.createCounter(repos, ctx, { unitId: a.id, code: 'quay-1', name: 'X' })),
    ).toEqual({ status: 409, code: 'code_taken' });
    await cmd.createCounter(repos, ctx, { unitId: b.id, code: 'quay-1', name: 'Quầy 1' });
    expect(await refusal(cmd.moveCounter(repos, ctx, q1.id, b.id))).toEqual({
      status: 409,
      code: 'code_taken',
    });
    await cmd.moveCounter(repos, ctx, q2.id, b.id);
    expect((await repos.catalogue.findCounter(q2.id))!.unitId).toBe(b.id);

    await cmd.changeSector(repos, ctx, s.id, { name: 'Hộ tịch, chứng thực' });
    await cmd.archiveUnit(repos, ctx, a.id);
    expect(
      await refusal(cmd.createSector(repos, ctx, { unitId: a.id, code: 'x', name: 'X' })),
    ).toMatchObject({ status: 422 });
    await cmd.archiveSector(repos, ctx, s.id);
    expect(await refusal(cmd.restoreSector(repos, ctx, s.id))).toMatchObject({ status: 409 });
    await cmd.restoreUnit(repos, ctx, a.id);
    await cmd.restoreSector(repos, ctx, s.id);
    const history = await repos.catalogue.listHistory({ entityType: 'sector', entityId: s.id });
    expect(history.map((h) => [h.action, h.name, h.parentId])).toEqual([
      ['create', 'Hộ tịch', a.id],
      ['rename', 'Hộ tịch, chứng thực', a.id],
      ['archive', 'Hộ tịch, chứng thực', a.id],
      ['restore', 'Hộ tịch, chứng thực', a.id],
    ]);
  });
});
