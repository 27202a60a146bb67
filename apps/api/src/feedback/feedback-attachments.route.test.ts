/**
 * Photos and scans kept with an item, on both dialects: stored without EXIF, shown only to staff
 * who may act on the item (never viewers, other units or anyone signed out), listed on the item,
 * and erased with the contact data by retention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { cameraPhoto, GPS_TEXT } from '../../../../test/support/photos.ts';
import { hasExif } from '../media/image-metadata.ts';
import { prepareAttachments, storeAttachments } from './feedback-attachments.service.ts';
import { runRetention } from '../jobs/retention.service.ts';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(dialects)('attachments on %s', (dialect) => {
  let w: FeedbackWorld;
  let item: { id: string; trackingCode: string };
  let href: string;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    item = await w.send();
    const files = prepareAttachments('photo', [cameraPhoto()]);
    await w.database.repos.transaction((tx) =>
      storeAttachments(tx, item.id, 'photo', files, w.clock.now),
    );
  });
  afterAll(() => w.database.close());

  it('lists the photo on the item for staff and serves it without EXIF', async () => {
    const detail = await (await w.lan.get(`/api/v1/feedback/${item.id}`)).json();
    expect(detail.attachments).toEqual([
      expect.objectContaining({ kind: 'photo', mediaType: 'image/jpeg' }),
    ]);
    href = detail.attachments[0].href;
    const res = await w.lan.get(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(hasExif(bytes)).toBe(false);
    expect(Buffer.from(bytes).toString('latin1')).not.toContain(GPS_TEXT);
    const [stored] = await w.database.db
      .selectFrom('feedbackAttachments')
      .select('bytes')
      .where('feedbackId', '=', item.id)
      .execute();
    expect(Buffer.from(stored!.bytes!).toString('latin1')).not.toContain('GPS');
  });

  it('shows it to nobody else', async () => {
    expect((await (await w.viewer.get(`/api/v1/feedback/${item.id}`)).json()).attachments).toEqual(
      [],
    );
    expect((await w.viewer.get(href)).status).toBe(403);
    expect((await w.other.get(href)).status).toBe(404);
    expect((await new Session(w.app).get(href)).status).toBe(401);
    expect((await w.lan.get(`/api/v1/feedback/${item.id}/attachments/khong-co`)).status).toBe(404);
  });

  it('refuses files that are not images we keep, by their bytes', () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(() => prepareAttachments('photo', [svg])).toThrow(/Tệp đính kèm không hợp lệ/);
    expect(() => prepareAttachments('photo', Array(4).fill(cameraPhoto()))).toThrow();
  });

  it('erases the bytes with the contact data once the item is closed long enough', async () => {
    await act(w.lan, item.id, {
      action: 'close',
      reason: 'not_admissible',
      note: 'Không rõ nội dung',
    });
    expect((await runRetention(w.database.repos, w.clock.now + 30 * DAY)).attachments).toBe(0);
    expect((await runRetention(w.database.repos, w.clock.now + 400 * DAY)).attachments).toBe(1);
    await w.refresh();
    expect((await w.lan.get(href)).status).toBe(404);
  });
});
