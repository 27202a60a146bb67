/**
 * The alert store's contract on both dialects: an open condition is raised once however many
 * raisers race, and may be raised again once resolved; a mail is queued once per key and claimed by
 * one holder at a time, and a claim that ran out can be taken over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { AlertRow, DeliveryRow, Repositories } from '../repositories/types.ts';

const T0 = 1_790_000_000_000;

const alert = (id: string, key = 'device_silent:d1:silent'): AlertRow => ({
  id,
  kind: 'device_silent',
  conditionKey: key,
  unitId: 'u1',
  facts: { deviceId: 'd1', label: 'Quầy 1' },
  raisedAt: T0,
  resolvedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
});

const delivery = (id: string, dedupeKey: string): DeliveryRow => ({
  id,
  dedupeKey,
  userId: 'user-1',
  toAddress: 'lanh.dao@so-tp.gov.vn',
  subject: 'Cảnh báo',
  body: 'Nội dung',
  status: 'pending',
  attempts: 0,
  notBefore: T0,
  claimedBy: null,
  claimedUntil: null,
  sentAt: null,
  lastError: null,
  createdAt: T0,
});

describe.each(dialects)('alert store on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
    await repos.users.create({
      id: 'user-1',
      username: 'lanh.dao',
      displayName: 'Lãnh đạo',
      role: 'supervisor',
      unitId: null,
      passwordHash: 'x',
      disabledAt: null,
      createdAt: T0,
      updatedAt: T0,
    });
  });
  afterAll(() => handle?.close());

  it('raises an open condition once, even from racing raisers, and again after it cleared', async () => {
    const raced = await Promise.all(['a1', 'a2', 'a3'].map((id) => repos.alerts.raise(alert(id))));
    expect(raced.filter(Boolean)).toHaveLength(1);
    const [open] = await repos.alerts.listOpen();
    expect(open!.facts).toEqual({ deviceId: 'd1', label: 'Quầy 1' });
    expect(await repos.alerts.resolve([open!.id], T0 + 1)).toEqual([open!.id]);
    expect(await repos.alerts.resolve([open!.id], T0 + 2)).toEqual([]);
    expect(await repos.alerts.raise(alert('a4'))).toBe(true);
  });

  it('keeps each recipient’s read and mailed marks; acknowledgement happens once', async () => {
    await repos.alerts.raise(alert('b1', 'device_silent:d2:gap'));
    await repos.alerts.addRecipients('b1', ['user-1']);
    await repos.alerts.addRecipients('b1', ['user-1']);
    expect(await repos.alerts.countUnread('user-1')).toBe(1);
    expect((await repos.alerts.listUnmailed('user-1')).map((a) => a.id)).toEqual(['b1']);
    await repos.alerts.markMailed('user-1', ['b1'], T0);
    expect(await repos.alerts.listUnmailed('user-1')).toEqual([]);
    expect(await repos.alerts.acknowledge('b1', 'user-1', T0)).toBe(true);
    expect(await repos.alerts.acknowledge('b1', 'user-1', T0 + 1)).toBe(false);
    expect(await repos.alerts.countUnread('user-1')).toBe(0);
  });

  it('queues a mail once per key and lets one holder claim it at a time', async () => {
    expect(await repos.outbox.queue(delivery('m1', 'immediate:a:user-1'))).toBe(true);
    expect(await repos.outbox.queue(delivery('m2', 'immediate:a:user-1'))).toBe(false);
    const claims = await Promise.all(
      ['p1', 'p2'].map((holder) => repos.outbox.claim('m1', holder, T0, T0 + 1000)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await repos.outbox.listDue(T0 + 500, 10)).toEqual([]);
    // The holder died before marking it: after its claim runs out another process takes it over.
    const [due] = await repos.outbox.listDue(T0 + 1001, 10);
    expect(due).toMatchObject({ id: 'm1', status: 'sending', attempts: 1 });
    expect(await repos.outbox.claim('m1', 'p3', T0 + 1001, T0 + 2000)).toBe(true);
    await repos.outbox.markSent('m1', 'p3', T0 + 1002);
    expect(await repos.outbox.listDue(T0 + 5000, 10)).toEqual([]);
    expect((await repos.outbox.list())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
