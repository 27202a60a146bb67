/**
 * Migration 009: retention finds the comments to erase from a partial index of the commented
 * ratings, not by reading every rating ever received (SQLite's plan says which index it uses).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../connect.ts';

describe('migration 009 on sqlite', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase('sqlite');
  });
  afterAll(() => handle?.close());

  it('reads old comments through the partial index of commented ratings', async () => {
    const plan = await sql<{ detail: string }>`explain query plan
      select id from ratings where received_at < ${1} and comment is not null limit 100`.execute(
      handle.db,
    );
    expect(plan.rows.map((r) => r.detail).join(' | ')).toMatch(/USING INDEX ratings_commented/);
  });
});
