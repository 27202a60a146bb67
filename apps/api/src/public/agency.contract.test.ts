/**
 * The agency's one row on both dialects: absent until written; names and emblem written apart,
 * each keeping the other; the emblem's bytes come back as stored, at either size, and go away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Repositories } from '../repositories/types.ts';

const T0 = 1_790_000_000_000;
const bytes = (...values: number[]) => new Uint8Array(values);

describe.each(dialects)('the agency row on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
  });
  afterAll(() => handle?.close());

  it('has no row and no emblem until one is written', async () => {
    expect(await repos.agency.get()).toBeUndefined();
    expect(await repos.agency.logo('large')).toBeUndefined();
  });

  it('keeps an emblem sent before any name, then the names beside it', async () => {
    const logo = { large: bytes(1, 2, 0, 255), small: bytes(9, 0), version: 'v1' };
    await repos.agency.saveLogo(logo, T0, 'admin-1');
    expect(await repos.agency.get()).toEqual({
      name: '',
      shortName: '',
      logoVersion: 'v1',
      updatedAt: T0,
      updatedBy: 'admin-1',
    });
    await repos.agency.saveNames(
      { name: 'Ủy ban nhân dân tỉnh Hải Long', shortName: 'UBND tỉnh Hải Long' },
      T0 + 1,
      'admin-2',
    );
    expect(await repos.agency.get()).toEqual({
      name: 'Ủy ban nhân dân tỉnh Hải Long',
      shortName: 'UBND tỉnh Hải Long',
      logoVersion: 'v1',
      updatedAt: T0 + 1,
      updatedBy: 'admin-2',
    });
    expect(await repos.agency.logo('large')).toEqual({ bytes: logo.large, version: 'v1' });
    expect(await repos.agency.logo('small')).toEqual({ bytes: logo.small, version: 'v1' });
  });

  it('replaces and removes the emblem without touching the names', async () => {
    await repos.agency.saveLogo({ large: bytes(7), small: bytes(8), version: 'v2' }, T0 + 2, null);
    expect(await repos.agency.logo('small')).toEqual({ bytes: bytes(8), version: 'v2' });
    await repos.agency.saveLogo(null, T0 + 3, 'admin-1');
    expect(await repos.agency.logo('large')).toBeUndefined();
    expect(await repos.agency.logo('small')).toBeUndefined();
    expect(await repos.agency.get()).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Hải Long',
      shortName: 'UBND tỉnh Hải Long',
      logoVersion: null,
      updatedAt: T0 + 3,
    });
  });
});
