/**
 * Tests act as a kiosk does: enroll through the API with a one-time code, then upload records
 * built to the shared schemas with `POST /api/v1/sync`.
 */
import { randomUUID } from 'node:crypto';
import type { FeedbackRecord, RatingRecord } from '@hailong/contracts';
import { newTrackingCode } from '@hailong/domain';
import { Session, type TestResponse } from './api-client.ts';

export interface TestDevice {
  deviceId: string;
  token: string;
}

/** Enrolls a tablet for `unitId` through the API, as staff and tablet would. */
export async function enrollDevice(
  admin: Session,
  unitId: string,
  label = 'Quầy 1',
): Promise<TestDevice> {
  const enrollment = await admin.post('/api/v1/enrollments', { unitId, label });
  if (enrollment.status !== 201)
    throw new Error(`enrollment: ${enrollment.status} ${await enrollment.text()}`);
  const { code } = await enrollment.json();
  const tablet = new Session(admin.app);
  const enrolled = await tablet.post('/api/v1/devices/enroll', { code });
  if (enrolled.status !== 201)
    throw new Error(`enroll: ${enrolled.status} ${await enrolled.text()}`);
  const { deviceId, token } = await enrolled.json();
  return { deviceId, token };
}

/** Uploads items with the device's bearer token. */
export function sync(
  client: Session,
  device: TestDevice,
  items: unknown[],
  protocol = 1,
): Promise<TestResponse> {
  return client.send('POST', '/api/v1/sync', {
    body: { protocol, items },
    headers: { authorization: `Bearer ${device.token}` },
  });
}

export function rating(
  device: TestDevice,
  seq: number,
  fields: Partial<RatingRecord> & Pick<RatingRecord, 'sectorId' | 'level'>,
): RatingRecord {
  return {
    id: randomUUID(),
    deviceId: device.deviceId,
    seq,
    deviceTime: new Date(Date.UTC(2026, 10, 20, 2, 0, seq * 10)).toISOString(),
    schemaVersion: 1,
    kind: 'rating',
    reasons: [],
    possibleRepeat: false,
    ...fields,
  };
}

export function feedback(
  device: TestDevice,
  seq: number,
  fields: Partial<FeedbackRecord> = {},
): FeedbackRecord {
  return {
    id: randomUUID(),
    deviceId: device.deviceId,
    seq,
    deviceTime: new Date(Date.UTC(2026, 10, 20, 2, 0, seq * 10)).toISOString(),
    schemaVersion: 1,
    kind: 'feedback',
    feedbackKind: 'phan_anh',
    trackingCode: newTrackingCode(crypto.getRandomValues(new Uint8Array(5))),
    sectorId: null,
    content: 'Phải chờ quá lâu ở quầy tiếp nhận.',
    contact: null,
    ...fields,
  };
}
