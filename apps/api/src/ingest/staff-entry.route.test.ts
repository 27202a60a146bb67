/**
 * Items staff enter from another channel, on both dialects: a back-dated receipt gets its working-
 * day deadlines from the day it was received; a resend is stored once; contact data only with
 * consent noted; a scan kept without EXIF; the item follows the same workflow and lookup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { addWorkingDays, workCalendar } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { cameraPhoto, GPS_TEXT } from '../../../../test/support/photos.ts';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';

describe.each(dialects)('staff-entered items on %s', (dialect) => {
  let w: FeedbackWorld;
  beforeAll(async () => {
    w = await feedbackWorld(dialect);
  });
  afterAll(() => w.database.close());

  const letter = (fields: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    unitId: w.unit.id,
    feedbackKind: 'phan_anh',
    source: 'letter',
    // Monday 16/11/2026; entered on Friday 20/11.
    receivedDate: '2026-11-16',
    content: 'Thư phản ánh: hồ sơ đất đai bị trả lại ba lần không rõ lý do.',
    ...fields,
  });

  it('counts the deadlines in working days from the day the letter was received', async () => {
    const body = letter({
      contact: { name: 'Phạm Thị Hoa', phone: '0903 123 456', consentNote: 'Đồng ý qua thư' },
      attachment: Buffer.from(cameraPhoto()).toString('base64'),
    });
    const res = await w.lan.post('/api/v1/feedback/entries', body);
    expect(res.status).toBe(201);
    const receipt = await res.json();
    // 5 working days after Mon 16/11: Mon 23/11; 10: Mon 30/11 (no holiday in between).
    expect(receipt).toMatchObject({
      status: 'accepted',
      receivedDate: '2026-11-16',
      classifyDue: '2026-11-23',
      answerDue: '2026-11-30',
      trackingCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    });

    const detail = await (await w.admin.get(`/api/v1/feedback/${receipt.id}`)).json();
    expect(detail).toMatchObject({
      channel: 'staff',
      source: 'letter',
      status: 'received',
      classifyDue: '2026-11-23',
      contact: { name: 'Phạm Thị Hoa', phone: '0903123456', consentVersion: 'can-bo-ghi-nhan' },
    });
    expect(detail.history.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['received', 'entered']),
    );
    expect(detail.history.find((e: { action: string }) => e.action === 'entered').note).toBe(
      'Đồng ý qua thư',
    );
    expect(detail.attachments).toHaveLength(1);
    const scan = new Uint8Array(await (await w.lan.get(detail.attachments[0].href)).arrayBuffer());
    expect(Buffer.from(scan).toString('latin1')).not.toContain(GPS_TEXT);

    // The same workflow and the same public lookup as an item from a tablet.
    expect(
      (await act(w.lan, receipt.id, { action: 'classify', classification: 'within_authority' }))
        .status,
    ).toBe(200);
    const lookup = await new Session(w.app).get(`/api/v1/public/feedback/${receipt.trackingCode}`);
    expect((await lookup.json()).items[0]).toMatchObject({ answerDue: '2026-11-30' });
  });

  it('skips Tết and the other holidays in the calendar when counting back-dated deadlines', async () => {
    // Received Fri 28/8/2026, before the Quốc khánh holidays.
    const res = await w.lan.post(
      '/api/v1/feedback/entries',
      letter({ receivedDate: '2026-08-28' }),
    );
    expect(res.status).toBe(201);
    const receipt = await res.json();
    const calendar = workCalendar(await w.database.repos.holidays.list());
    expect(receipt.classifyDue).toBe(addWorkingDays('2026-08-28', 5, calendar));
    expect(receipt.answerDue).toBe(addWorkingDays('2026-08-28', 10, calendar));
    expect(receipt.answerDue > '2026-09-11').toBe(true);
  });

  it('stores a resend once and refuses the same id with other content', async () => {
    const body = letter();
    const first = await (await w.lan.post('/api/v1/feedback/entries', body)).json();
    const again = await w.lan.post('/api/v1/feedback/entries', body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      status: 'duplicate',
      trackingCode: first.trackingCode,
    });
    const changed = await w.lan.post('/api/v1/feedback/entries', { ...body, content: 'Khác' });
    expect(changed.status).toBe(409);
    expect((await changed.json()).error.code).toBe('conflict');
    const rows = await w.database.db
      .selectFrom('feedbackItems')
      .select('content')
      .where('id', '=', body.id)
      .execute();
    expect(rows).toEqual([{ content: body.content }]);
  });

  it('refuses bad entries with a code and a Vietnamese message, changing nothing', async () => {
    const before = await w.database.repos.feedback.count({});
    const cases: [Session, Record<string, unknown>, number, string][] = [
      [w.lan, letter({ receivedDate: '2026-11-21' }), 422, 'validation_failed'],
      [w.lan, letter({ receivedDate: '2025-01-01' }), 422, 'validation_failed'],
      [w.lan, letter({ source: 'fax' }), 422, 'validation_failed'],
      [w.lan, letter({ sectorId: 'khong-co' }), 422, 'unknown_sector'],
      [w.lan, letter({ contact: { consentNote: 'Đồng ý' } }), 422, 'validation_failed'],
      [w.lan, letter({ contact: { name: 'Hoa' } }), 422, 'validation_failed'],
      [
        w.lan,
        letter({ attachment: Buffer.from('<svg/>').toString('base64') }),
        422,
        'unsupported_media',
      ],
      [w.other, letter(), 404, 'not_found'],
      [w.viewer, letter(), 403, 'forbidden'],
    ];
    for (const [who, body, status, code] of cases) {
      const res = await who.post('/api/v1/feedback/entries', body);
      const { error } = await res.json();
      expect([res.status, error.code]).toEqual([status, code]);
      expect(error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
    expect(await w.database.repos.feedback.count({})).toBe(before);
  });

  it('counts a back-dated item in the month it was received, not the month it was entered', async () => {
    const onTime = async (month: string) => {
      const res = await w.supervisor.get(
        `/api/v1/feedback/on-time?month=${month}&unitId=${w.unit.id}`,
      );
      return (await res.json()).rows[0]?.received ?? 0;
    };
    expect(await onTime('2026-08')).toBe(1);
    expect(await onTime('2026-11')).toBe(2);
  });
});
