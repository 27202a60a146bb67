import { describe, expect, it } from 'vitest';
import {
  ClientRecord,
  CreateUserRequest,
  LoginRequest,
  UpdateUserRequest,
  Username,
} from './index.ts';

describe('wire contracts', () => {
  it('normalises usernames to lower case and refuses other characters', () => {
    expect(Username.parse('  Hoa.NT ')).toBe('hoa.nt');
    expect(Username.safeParse('hoà').success).toBe(false);
    expect(Username.safeParse('ab').success).toBe(false);
  });

  it('stores display names in NFC, trimmed, and refuses blank ones', () => {
    const input = {
      username: 'hoa.nt',
      displayName: ' Nguyễn Thị Hoà '.normalize('NFD'),
      role: 'staff',
      unitId: 'u1',
      password: 'đủ-mười-ký-tự',
    };
    expect(CreateUserRequest.parse(input).displayName).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
    expect(CreateUserRequest.safeParse({ ...input, displayName: '   ' }).success).toBe(false);
    expect(CreateUserRequest.safeParse({ ...input, role: 'root' }).success).toBe(false);
  });

  it('defaults a missing unit to null and needs at least one change in an update', () => {
    const { unitId } = CreateUserRequest.parse({
      username: 'viewer1',
      displayName: 'X',
      role: 'viewer',
      password: '0123456789',
    });
    expect(unitId).toBeNull();
    expect(UpdateUserRequest.safeParse({}).success).toBe(false);
    expect(UpdateUserRequest.safeParse({ disabled: true }).success).toBe(true);
  });

  it('accepts a login with any password length up to 256 but not an empty one', () => {
    expect(LoginRequest.safeParse({ username: 'admin', password: '' }).success).toBe(false);
    expect(LoginRequest.safeParse({ username: 'ADMIN', password: 'x' }).data?.username).toBe(
      'admin',
    );
  });

  it('refuses in a record any text a database cannot store, so a tablet never queues it', () => {
    const rating = {
      id: '0b8f5f7e-9a51-4d8e-8c1e-3f2a1b0c9d8e',
      deviceId: 'd1',
      seq: 1,
      deviceTime: '2026-11-23T08:30:00.000Z',
      schemaVersion: 1,
      kind: 'rating',
      sectorId: 's1',
      level: 2,
    };
    expect(ClientRecord.safeParse({ ...rating, comment: 'Chờ\r\nlâu' }).success).toBe(true);
    for (const comment of ['a\u0000b', 'a\ud800b', 'a\u001bb']) {
      const parsed = ClientRecord.safeParse({ ...rating, comment });
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['comment']);
    }
    expect(ClientRecord.safeParse({ ...rating, sectorId: 's\u00001' }).success).toBe(false);
  });
});
