/**
 * The repository contract, proven on real databases of both dialects: every behaviour the services
 * rely on must hold identically on a SQLite file and on PostgreSQL.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrations } from '../db/migrations/index.ts';
import type { Repositories, SectorRow, UnitRow, UserRow } from './types.ts';
import { UniqueViolation } from './types.ts';

// After 2^31 ms, so a 32-bit column would overflow.
const T0 = 1_790_000_000_000;

const unit = (id: string, name = `Đơn vị ${id}`, sortOrder = 0): UnitRow => ({
  id,
  code: `code-${id}`,
  name,
  kind: 'department',
  scale: 'five',
  sortOrder,
  createdAt: T0,
  parentId: null,
  archivedAt: null,
  updatedAt: null,
});

const sector = (id: string, unitId: string, name = `Lĩnh vực ${id}`, sortOrder = 0): SectorRow => ({
  id,
  unitId,
  code: `code-${id}`,
  name,
  sortOrder,
  createdAt: T0,
  archivedAt: null,
  updatedAt: null,
});

const user = (id: string, username = `user-${id}`, unitId: string | null = null): UserRow => ({
  id,
  username,
  displayName: `Nguyễn Văn ${id}`,
  role: 'staff',
  unitId,
  passwordHash: `scrypt$${id}`,
  disabledAt: null,
  createdAt: T0,
  updatedAt: T0,
  // What migration 010 gives an account that says nothing of alerts.
  email: null,
  alertDelivery: 'digest',
  digestHour: 7,
});

async function uniqueViolation(write: Promise<unknown>): Promise<string> {
  const err = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UniqueViolation);
  return (err as UniqueViolation).constraint;
}

describe.each(dialects)('repositories on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  beforeEach(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
  });
  afterEach(() => handle.close());

  describe('database', () => {
    it('reports its dialect', () => {
      expect(handle.dialect).toBe(dialect);
      expect(repos.dialect).toBe(dialect);
    });

    it('treats a second migrate() as a no-op that keeps the data', async () => {
      await repos.catalogue.createUnit(unit('u1'));
      await handle.migrate();
      expect(await repos.catalogue.countUnits()).toBe(1);
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
        handle.db,
      );
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    });

    it('enforces foreign keys', async () => {
      await expect(repos.users.create(user('a', 'alice', 'no-such-unit'))).rejects.toThrow();
      expect(await repos.users.count()).toBe(0);
    });

    it('commits durably: SQLite WAL + synchronous=FULL, PostgreSQL synchronous_commit=on', async () => {
      if (dialect === 'sqlite') await expectSqlitePragmas(handle);
      else await expectSynchronousCommit(handle);
    });
  });

  describe('users', () => {
    it('creates and finds a user by id and by username', async () => {
      await repos.catalogue.createUnit(unit('u1'));
      const alice = { ...user('a', 'alice', 'u1'), displayName: 'Trần Thị Ánh' };
      await repos.users.create(alice);
      expect(await repos.users.findById('a')).toEqual(alice);
      expect(await repos.users.findByUsername('alice')).toEqual(alice);
      const mailed = {
        ...user('m', 'minh'),
        email: 'minh.lv@tinh.gov.vn',
        alertDelivery: 'immediate' as const,
        digestHour: 16,
      };
      await repos.users.create(mailed);
      expect(await repos.users.findById('m')).toEqual(mailed);
      expect(await repos.users.findById('nobody')).toBeUndefined();
      expect(await repos.users.findByUsername('nobody')).toBeUndefined();
    });

    it('rejects a taken username or id with UniqueViolation', async () => {
      await repos.users.create(user('a', 'alice'));
      expect(await uniqueViolation(repos.users.create(user('b', 'alice')))).toBe(
        'users_username_unique',
      );
      expect(await uniqueViolation(repos.users.create(user('a', 'other')))).toBe('users_pkey');
      expect(await repos.users.count()).toBe(1);
    });

    it('lists users ordered by username', async () => {
      for (const [id, name] of [
        ['1', 'nguyen.b'],
        ['2', 'an'],
        ['3', 'nguyen-a'],
        ['4', 'b_x'],
      ]) {
        await repos.users.create(user(id!, name));
      }
      const names = (await repos.users.list()).map((u) => u.username);
      expect(names).toEqual(['an', 'b_x', 'nguyen-a', 'nguyen.b']);
      expect(await repos.users.count()).toBe(4);
    });

    it('updates only the given fields and returns the row', async () => {
      await repos.catalogue.createUnit(unit('u1'));
      await repos.users.create(user('a', 'alice'));
      const disabled = await repos.users.update('a', { disabledAt: T0 + 5, updatedAt: T0 + 5 });
      expect(disabled).toEqual({ ...user('a', 'alice'), disabledAt: T0 + 5, updatedAt: T0 + 5 });
      const patch = { role: 'admin' as const, unitId: 'u1', disabledAt: null, updatedAt: T0 + 9 };
      const updated = await repos.users.update('a', patch);
      expect(updated).toEqual({ ...user('a', 'alice'), ...patch });
      expect(await repos.users.findById('a')).toEqual(updated);
      expect(await repos.users.update('nobody', { updatedAt: T0 })).toBeUndefined();
    });
  });

  describe('sessions', () => {
    const session = (idHash: string, userId: string, expiresAt = T0 + 1000) => ({
      idHash,
      userId,
      createdAt: T0,
      expiresAt,
      lastSeenAt: T0,
    });
    beforeEach(async () => {
      await repos.users.create(user('a', 'alice'));
      await repos.users.create(user('b', 'bob'));
    });

    it('finds a session only while it has not expired', async () => {
      await repos.sessions.create(session('h1', 'a'));
      expect(await repos.sessions.findActive('h1', T0 + 999)).toEqual(session('h1', 'a'));
      expect(await repos.sessions.findActive('h1', T0 + 1000)).toBeUndefined();
      expect(await repos.sessions.findActive('other', T0)).toBeUndefined();
    });

    it('touch extends a session; delete ends it', async () => {
      await repos.sessions.create(session('h1', 'a'));
      await repos.sessions.touch('h1', T0 + 500, T0 + 5000);
      expect(await repos.sessions.findActive('h1', T0 + 4000)).toMatchObject({
        lastSeenAt: T0 + 500,
        expiresAt: T0 + 5000,
      });
      await repos.sessions.delete('h1');
      expect(await repos.sessions.findActive('h1', T0)).toBeUndefined();
    });

    it('deleteForUser ends only that user’s sessions', async () => {
      await repos.sessions.create(session('h1', 'a'));
      await repos.sessions.create(session('h2', 'a'));
      await repos.sessions.create(session('h3', 'b'));
      expect(await repos.sessions.deleteForUser('a')).toBe(2);
      expect(await repos.sessions.deleteForUser('a')).toBe(0);
      expect(await repos.sessions.findActive('h3', T0)).toBeDefined();
    });

    it('deleteExpired removes sessions expired at or before now', async () => {
      await repos.sessions.create(session('h1', 'a', T0 + 10));
      await repos.sessions.create(session('h2', 'a', T0 + 20));
      await repos.sessions.create(session('h3', 'b', T0 + 30));
      expect(await repos.sessions.deleteExpired(T0 + 20)).toBe(2);
      expect(await repos.sessions.findActive('h3', T0 + 20)).toBeDefined();
    });

    it('goes with its user', async () => {
      await repos.sessions.create(session('h1', 'a'));
      await handle.db.deleteFrom('users').where('id', '=', 'a').execute();
      expect(await repos.sessions.deleteExpired(Number.MAX_SAFE_INTEGER)).toBe(0);
    });
  });

  describe('catalogue', () => {
    it('creates and finds a unit; a duplicate code is a UniqueViolation', async () => {
      await repos.catalogue.createUnit(unit('u1', 'Sở Tư pháp'));
      expect(await repos.catalogue.findUnit('u1')).toEqual(unit('u1', 'Sở Tư pháp'));
      expect(await repos.catalogue.findUnit('nope')).toBeUndefined();
      const duplicate = { ...unit('u2'), code: 'code-u1' };
      expect(await uniqueViolation(repos.catalogue.createUnit(duplicate))).toBe(
        'units_parent_code_unique',
      );
      expect(await repos.catalogue.countUnits()).toBe(1);
    });

    it('lists units by sort order, then Vietnamese alphabetical name', async () => {
      const names = [
        'Y tế',
        'Đất đai',
        'Dân số',
        'Ăn uống',
        'An ninh',
        'Âm nhạc',
        'Ưu đãi',
        'Uỷ ban',
      ];
      for (const [i, name] of names.entries())
        await repos.catalogue.createUnit(unit(`u${i}`, name));
      await repos.catalogue.createUnit(unit('first', 'Văn phòng', -1));
      await repos.catalogue.createUnit(unit('last', 'An toàn', 1));
      expect((await repos.catalogue.listUnits()).map((u) => u.name)).toEqual([
        'Văn phòng',
        ...['An ninh', 'Ăn uống', 'Âm nhạc', 'Dân số', 'Đất đai', 'Uỷ ban', 'Ưu đãi', 'Y tế'],
        'An toàn',
      ]);
      expect(await repos.catalogue.countUnits()).toBe(10);
    });

    it('keeps sector codes unique within a unit only', async () => {
      await repos.catalogue.createUnit(unit('u1'));
      await repos.catalogue.createUnit(unit('u2'));
      await repos.catalogue.createSector({ ...sector('s1', 'u1'), code: 'dat-dai' });
      await repos.catalogue.createSector({ ...sector('s2', 'u2'), code: 'dat-dai' });
      const duplicate = { ...sector('s3', 'u1'), code: 'dat-dai' };
      expect(await uniqueViolation(repos.catalogue.createSector(duplicate))).toBe(
        'sectors_unit_id_code_unique',
      );
    });

    it('lists sectors by unit order, sort order, then name', async () => {
      await repos.catalogue.createUnit(unit('u1', 'Sở Xây dựng', 2));
      await repos.catalogue.createUnit(unit('u2', 'Sở Đất đai', 1));
      await repos.catalogue.createSector(sector('a', 'u1', 'Quy hoạch'));
      await repos.catalogue.createSector(sector('b', 'u2', 'Đo đạc'));
      await repos.catalogue.createSector(sector('c', 'u2', 'Địa chính'));
      await repos.catalogue.createSector(sector('d', 'u2', 'Ấp', 1));
      await repos.catalogue.createSector(sector('e', 'u2', 'Đăng ký'));
      const ids = (rows: SectorRow[]) => rows.map((s) => s.id);
      expect(ids(await repos.catalogue.listSectors())).toEqual(['e', 'c', 'b', 'd', 'a']);
      expect(ids(await repos.catalogue.listSectors('u1'))).toEqual(['a']);
      expect(await repos.catalogue.listSectors('nope')).toEqual([]);
      expect((await repos.catalogue.listSectors('u2'))[0]).toEqual(sector('e', 'u2', 'Đăng ký'));
    });

    it('upsertTarget inserts, then replaces, the target of a year', async () => {
      await repos.catalogue.createUnit(unit('u1'));
      await repos.catalogue.createSector(sector('s1', 'u1'));
      await repos.users.create(user('a', 'alice'));
      const target = { unitId: 'u1', sectorId: 's1', year: 2026, targetBp: 9000 };
      await repos.catalogue.upsertTarget({ ...target, updatedAt: T0, updatedBy: null });
      await repos.catalogue.upsertTarget({ ...target, year: 2027, updatedAt: T0, updatedBy: null });
      const replaced = { ...target, targetBp: 9550, updatedAt: T0 + 1, updatedBy: 'a' };
      await repos.catalogue.upsertTarget(replaced);
      expect(await repos.catalogue.listTargets(2026)).toEqual([replaced]);
      expect(await repos.catalogue.listTargets(2027)).toHaveLength(1);
      expect(await repos.catalogue.listTargets(2025)).toEqual([]);
      const orphan = { ...target, sectorId: 'nope', updatedAt: T0, updatedBy: null };
      await expect(repos.catalogue.upsertTarget(orphan)).rejects.toThrow();
    });

    it('upsertDefaultTarget sets and replaces the default of a year', async () => {
      expect(await repos.catalogue.findDefaultTarget(2026)).toBeUndefined();
      await repos.catalogue.upsertDefaultTarget(2026, 9000, T0);
      await repos.catalogue.upsertDefaultTarget(2026, 8500, T0 + 1);
      expect(await repos.catalogue.findDefaultTarget(2026)).toBe(8500);
      expect(await repos.catalogue.findDefaultTarget(2027)).toBeUndefined();
    });
  });

  describe('login throttle', () => {
    const W = 15 * 60 * 1000;
    const reserveMany = (n: number, key: string, at: number, on = repos) =>
      Array.from({ length: n }, () => on.loginThrottle.reserve(key, 5, W, at));
    const granted = async (attempts: Promise<number | undefined>[]) =>
      (await Promise.all(attempts)).filter((r) => r !== undefined).length;

    it('grants at most `limit` of many parallel reservations of a key, from two connections', async () => {
      const other = await secondConnection(handle);
      try {
        const both = [...reserveMany(30, 'ip:1', T0), ...reserveMany(30, 'ip:1', T0, other.repos)];
        expect(await granted(both)).toBe(5);
      } finally {
        await other.close();
      }
      expect(await repos.loginThrottle.reserve('ip:1', 5, W, T0 + W - 1)).toBeUndefined();
      expect(await repos.loginThrottle.reserve('ip:2', 5, W, T0)).toBe(T0);
      // The window runs from its first attempt; once it has passed, a new one starts.
      expect(await granted(reserveMany(20, 'ip:1', T0 + W))).toBe(5);
    });

    it('releases a reservation only within its own window', async () => {
      const window = await repos.loginThrottle.reserve('ip:1', 2, W, T0);
      expect(window).toBe(T0);
      expect(await repos.loginThrottle.reserve('ip:1', 2, W, T0 + 1)).toBe(T0);
      expect(await repos.loginThrottle.reserve('ip:1', 2, W, T0 + 2)).toBeUndefined();
      await repos.loginThrottle.release('ip:1', window!);
      expect(await repos.loginThrottle.reserve('ip:1', 2, W, T0 + 3)).toBe(T0);
      // A release from an earlier window never opens the current one.
      expect(await repos.loginThrottle.reserve('ip:1', 2, W, T0 + W)).toBe(T0 + W);
      expect(await repos.loginThrottle.reserve('ip:1', 2, W, T0 + W)).toBe(T0 + W);
      await repos.loginThrottle.release('ip:1', T0);
      expect(await repos.loginThrottle.reserve('ip:1', 2, W, T0 + W)).toBeUndefined();
    });

    it('clears a key and prunes windows that started before a time', async () => {
      await repos.loginThrottle.reserve('ip:1', 1, W, T0);
      await repos.loginThrottle.reserve('ip:2', 1, W, T0 + 10);
      await repos.loginThrottle.reserve('ip:3', 1, W, T0 + 20);
      await repos.loginThrottle.clear('ip:1');
      expect(await repos.loginThrottle.reserve('ip:1', 1, W, T0 + 1)).toBe(T0 + 1);
      expect(await repos.loginThrottle.prune(T0 + 11)).toBe(2);
      expect(await repos.loginThrottle.reserve('ip:2', 1, W, T0 + 12)).toBe(T0 + 12);
      expect(await repos.loginThrottle.reserve('ip:3', 1, W, T0 + 21)).toBeUndefined();
    });
  });

  describe('audit', () => {
    const event = (id: string, at: number, details: unknown, entityId = 'u1') => ({
      id,
      at,
      actorId: 'a',
      action: 'unit.update',
      entityType: 'unit',
      entityId,
      details,
    });

    it('round-trips details as JSON, Vietnamese text unchanged', async () => {
      const nfd = 'Phản ánh'.normalize('NFD');
      const details = {
        before: { name: 'Sở Tư pháp' },
        after: { name: 'Sở Tài chính' },
        nfd,
        n: [1, null],
      };
      await repos.audit.append({ ...event('e1', T0, details), actorId: null });
      await repos.audit.append(event('e2', T0 + 1, undefined));
      const [e2, e1] = await repos.audit.list({ limit: 10 });
      expect(e1).toEqual({ ...event('e1', T0, details), actorId: null });
      expect(e2?.details).toBeNull();
      expect((e1?.details as typeof details).nfd).toBe(nfd);
    });

    it('round-trips any JSON value', async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (details) => {
          const id = `p${n++}`;
          await repos.audit.append(event(id, T0, details, id));
          const [row] = await repos.audit.list({ entityId: id, limit: 1 });
          expect(row?.details).toEqual(JSON.parse(JSON.stringify(details)));
        }),
        { numRuns: 50 },
      );
    });

    it('lists newest first, filtered by entity, up to the limit', async () => {
      await repos.audit.append(event('e1', T0, 1));
      await repos.audit.append(event('e3', T0 + 2, 3));
      await repos.audit.append(event('e2', T0 + 1, 2, 'u2'));
      await repos.audit.append({ ...event('e4', T0 + 3, 4), entityType: 'user' });
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
      expect(ids(await repos.audit.list({ limit: 10 }))).toEqual(['e4', 'e3', 'e2', 'e1']);
      expect(ids(await repos.audit.list({ limit: 2 }))).toEqual(['e4', 'e3']);
      expect(ids(await repos.audit.list({ entityType: 'unit', limit: 10 }))).toEqual([
        'e3',
        'e2',
        'e1',
      ]);
      expect(
        ids(await repos.audit.list({ entityType: 'unit', entityId: 'u1', limit: 10 })),
      ).toEqual(['e3', 'e1']);
      expect(await uniqueViolation(repos.audit.append(event('e1', T0, 0)))).toBe(
        'audit_events_pkey',
      );
    });
  });

  describe('transaction', () => {
    it('commits the work and returns its result', async () => {
      const result = await repos.transaction(async (tx) => {
        await tx.catalogue.createUnit(unit('u1'));
        await tx.users.create(user('a', 'alice', 'u1'));
        return tx.users.count();
      });
      expect(result).toBe(1);
      expect(await repos.users.findById('a')).toBeDefined();
    });

    it('writes nothing when the work throws, and rethrows the same error', async () => {
      const boom = new Error('boom');
      const work = repos.transaction(async (tx) => {
        await tx.catalogue.createUnit(unit('u1'));
        await tx.users.create(user('a', 'alice', 'u1'));
        await tx.audit.append({ ...event('e1'), details: {} });
        // A nested call joins the outer transaction, so its writes go too.
        await tx.transaction((inner) => inner.loginThrottle.reserve('ip:1', 1, 1000, T0));
        throw boom;
      });
      await expect(work).rejects.toBe(boom);
      expect(await repos.catalogue.countUnits()).toBe(0);
      expect(await repos.users.count()).toBe(0);
      expect(await repos.audit.list({ limit: 10 })).toEqual([]);
      expect(await repos.loginThrottle.prune(T0 + 1)).toBe(0);
    });

    it('rolls back everything on a UniqueViolation', async () => {
      await repos.users.create(user('a', 'alice'));
      const work = repos.transaction(async (tx) => {
        await tx.catalogue.createUnit(unit('u1'));
        await tx.users.create(user('b', 'alice'));
      });
      await expect(work).rejects.toBeInstanceOf(UniqueViolation);
      expect(await repos.catalogue.countUnits()).toBe(0);
    });

    function event(id: string) {
      return { id, at: T0, actorId: null, action: 'x', entityType: 'unit', entityId: 'u1' };
    }
  });
});

/** Another connection pool to the same database, as a second API process would open. */
async function secondConnection(handle: DatabaseHandle): Promise<DatabaseHandle> {
  if (handle.dialect === 'sqlite') {
    const files = await sql<{ file: string }>`pragma database_list`.execute(handle.db);
    return openDatabase(`file:${files.rows[0]!.file}`);
  }
  const current = await sql<{ name: string }>`select current_database() as name`.execute(handle.db);
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${current.rows[0]!.name}`;
  return openDatabase(url.toString());
}

async function expectSqlitePragmas(handle: DatabaseHandle): Promise<void> {
  const db = handle.db.withoutPlugins();
  const pragma = async (name: string) =>
    Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
  expect(await pragma('journal_mode')).toBe('wal');
  expect(await pragma('synchronous')).toBe(2);
  expect(await pragma('foreign_keys')).toBe(1);
  expect(await pragma('busy_timeout')).toBe(5000);
}

async function expectSynchronousCommit(handle: DatabaseHandle): Promise<void> {
  const show = (db: DatabaseHandle['db']) =>
    sql<{ synchronousCommit: string }>`show synchronous_commit`.execute(db);
  expect((await show(handle.db)).rows[0]?.synchronousCommit).toBe('on');
  // Even where the database's default is `off`, our connections commit synchronously.
  const current = await sql<{ name: string }>`select current_database() as name`.execute(handle.db);
  const name = current.rows[0]!.name;
  await sql.raw(`alter database ${name} set synchronous_commit = off`).execute(handle.db);
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${name}`;
  const other = await openDatabase(url.toString());
  try {
    const results = await Promise.all([1, 2, 3].map(() => show(other.db)));
    expect(results.map((r) => r.rows[0]?.synchronousCommit)).toEqual(['on', 'on', 'on']);
  } finally {
    await other.close();
  }
}
