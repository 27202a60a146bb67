/**
 * Ratings for the dashboard and public-page browser tests, sent to the real server as the real
 * clients would: an admin's session (cookie + Origin) enrolls a tablet with a one-time code, and the
 * tablet uploads with `POST /api/v1/sync` and its bearer token. Ratings are dated a few minutes ago,
 * so they land in this month in Việt Nam.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { UnitsTally, UnitList, type RatingRecord, type Unit } from '@hailong/contracts';
import { monthOf } from '@hailong/domain';

export class Seeder {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, password: string): Promise<Seeder> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { origin: baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(res.status).toBe(200);
    return new Seeder(baseUrl, res.headers.get('set-cookie')!.split(';')[0]!);
  }

  private call(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return fetch(this.baseUrl + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        origin: this.baseUrl,
        cookie: this.cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  }

  async unit(name: string): Promise<Unit> {
    const units = UnitList.parse(await (await this.call('/api/v1/units')).json()).units;
    return units.find((u) => u.name === name)!;
  }

  /** Creates a user who signs in with `password`. */
  async user(username: string, role: string, unitId: string | null, password: string) {
    const res = await this.call('/api/v1/users', {
      username,
      displayName: username,
      role,
      unitId,
      password,
    });
    expect(res.status).toBe(201);
  }

  /** Citizens rate `levels` on the unit's phone page (no dossier: kept apart from the official rate). */
  async ratePhone(unit: Unit, sectorName: string, levels: readonly number[]): Promise<void> {
    const sectorId = unit.sectors.find((s) => s.name === sectorName)!.id;
    for (const level of levels) {
      const res = await fetch(`${this.baseUrl}/api/v1/phone/units/${unit.id}/ratings`, {
        method: 'POST',
        headers: { origin: this.baseUrl, 'content-type': 'application/json' },
        body: JSON.stringify({ id: randomUUID(), sectorId, level }),
      });
      expect(res.status).toBe(201);
    }
  }

  /**
   * Enrolls a tablet for the unit and uploads `spec`: per sector name, how many of each level.
   * Low ratings carry `reasons`, and `comment` (góp ý thêm) when given.
   */
  async rate(
    unit: Unit,
    spec: Record<string, Record<number, number>>,
    reasons: RatingRecord['reasons'] = ['waiting_time'],
    comment?: string,
  ): Promise<void> {
    const enrollment = await this.call('/api/v1/enrollments', { unitId: unit.id, label: 'Quầy 1' });
    expect(enrollment.status).toBe(201);
    const { code } = (await enrollment.json()) as { code: string };
    const enrolled = await fetch(`${this.baseUrl}/api/v1/devices/enroll`, {
      method: 'POST',
      headers: { origin: this.baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const { deviceId, token } = (await enrolled.json()) as { deviceId: string; token: string };
    const start = Date.now() - 60 * 60 * 1000;
    let seq = 0;
    const items: RatingRecord[] = [];
    for (const [sectorName, levels] of Object.entries(spec)) {
      const sector = unit.sectors.find((s) => s.name === sectorName)!;
      for (const [level, count] of Object.entries(levels)) {
        for (let i = 0; i < count; i++) {
          seq++;
          items.push({
            id: randomUUID(),
            deviceId,
            seq,
            deviceTime: new Date(start + seq * 20_000).toISOString(),
            schemaVersion: 1,
            kind: 'rating',
            sectorId: sector.id,
            level: Number(level),
            reasons: Number(level) <= 2 ? reasons : [],
            ...(Number(level) <= 2 && comment ? { comment } : {}),
            possibleRepeat: false,
          });
        }
      }
    }
    const res = await fetch(`${this.baseUrl}/api/v1/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, items }),
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { status: string }[] };
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
  }

  /** This month's tally of one unit, as the API computes it (the page must show the same). */
  async tally(unit: Unit): Promise<UnitsTally> {
    const month = monthOf(Date.now());
    const res = await this.call(`/api/v1/tally/units?month=${month}&unit=${unit.id}`);
    return UnitsTally.parse(await res.json());
  }
}
