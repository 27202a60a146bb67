/**
 * The world around the register's browser tests, played from Node as the real clients would: an
 * admin's API session (cookie + Origin, as the console sends), and a tablet that enrolls with a
 * one-time code and uploads feedback with `POST /api/v1/sync` and its bearer token, exactly as the
 * kiosk does.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import {
  EnrolledDevice,
  Enrollment,
  SyncResponse,
  UnitList,
  type FeedbackRecord,
  type Unit,
} from '@hailong/contracts';
import { newTrackingCode } from '@hailong/domain';

export class AdminApi {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<AdminApi> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { origin: baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('no session cookie');
    return new AdminApi(baseUrl, cookie);
  }

  call(path: string, method = 'GET', body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { origin: this.baseUrl, cookie: this.cookie };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
  }

  async unit(name: string): Promise<Unit> {
    const units = UnitList.parse(await (await this.call('/api/v1/units')).json()).units;
    const unit = units.find((u) => u.name === name);
    if (!unit) throw new Error(`no unit named ${name}`);
    return unit;
  }

  async createUser(user: {
    username: string;
    displayName: string;
    role: string;
    unitId?: string;
    password: string;
  }): Promise<string> {
    const response = await this.call('/api/v1/users', 'POST', user);
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }
}

/** A tablet enrolled through the API, sending feedback as the kiosk does. */
export class Tablet {
  private seq = 0;

  private constructor(
    private readonly baseUrl: string,
    readonly device: EnrolledDevice,
  ) {}

  static async enroll(admin: AdminApi, unitId: string, label: string): Promise<Tablet> {
    const created = await admin.call('/api/v1/enrollments', 'POST', { unitId, label });
    expect(created.status).toBe(201);
    const { code } = Enrollment.parse(await created.json());
    const enrolled = await fetch(`${admin.baseUrl}/api/v1/devices/enroll`, {
      method: 'POST',
      headers: { origin: admin.baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(enrolled.status).toBe(201);
    return new Tablet(admin.baseUrl, EnrolledDevice.parse(await enrolled.json()));
  }

  /** Uploads one phản ánh; returns its tracking code as the kiosk's thank-you shows it. */
  async send(fields: Partial<FeedbackRecord>): Promise<string> {
    this.seq += 1;
    const record: FeedbackRecord = {
      id: randomUUID(),
      deviceId: this.device.deviceId,
      seq: this.seq,
      deviceTime: new Date().toISOString(),
      schemaVersion: 1,
      kind: 'feedback',
      feedbackKind: 'phan_anh',
      trackingCode: newTrackingCode(crypto.getRandomValues(new Uint8Array(5))),
      sectorId: null,
      content: 'Phải chờ quá lâu.',
      contact: null,
      ...fields,
    };
    const response = await fetch(`${this.baseUrl}/api/v1/sync`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.device.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ protocol: 1, items: [record] }),
    });
    expect(response.status).toBe(200);
    const { results } = SyncResponse.parse(await response.json());
    expect(results[0]?.status).toBe('accepted');
    return record.trackingCode;
  }
}
