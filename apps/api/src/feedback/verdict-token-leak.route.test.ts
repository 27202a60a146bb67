/**
 * The verdict token is the citizen's secret, on both dialects: made on each channel (the tablet,
 * the phone page, staff entry), it lets its citizen give a verdict, and appears nowhere else — not
 * in the public register (page or JSON), the lookup, the staff item and inbox, the exports, the
 * history and audit rows, the request log, nor in clear in the database. Nor does its hash leave
 * the database.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashVerdictToken, newVerdictToken, VERDICT_TOKEN_BYTES } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import { createLogger } from '../http/logger.ts';
import { act, feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';

const newToken = () => newVerdictToken(crypto.getRandomValues(new Uint8Array(VERDICT_TOKEN_BYTES)));

interface Made {
  channel: string;
  id: string;
  trackingCode: string;
  token: string;
}

describe.each(dialects)('the verdict token on %s', (dialect) => {
  let w: FeedbackWorld;
  let log: string[];
  /** The world's app again, over the same database, with its request log captured. */
  let logged: ReturnType<typeof testApp>['app'];
  let lan: Session;
  let admin: Session;
  let citizen: Session;
  const made: Made[] = [];

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    log = [];
    logged = testApp(w.database, w.clock, {
      logger: createLogger('info', (line) => log.push(line)),
    }).app;
    lan = Object.assign(new Session(logged), { cookie: w.lan.cookie });
    admin = Object.assign(new Session(logged), { cookie: w.admin.cookie });
    citizen = new Session(logged);
  });
  afterAll(() => w.database.close());

  const give = (code: string, body: unknown) =>
    citizen.post(`/api/v1/public/feedback/${code}/verdict`, body);

  it('makes a token on every channel that lets its citizen, and only them, give a verdict', async () => {
    const tablet = await w.send();
    made.push({ channel: 'tablet', ...tablet, token: tablet.token! });

    const phoneToken = newToken();
    const phoneBody = {
      id: randomUUID(),
      feedbackKind: 'kien_nghi',
      content: 'Đề nghị bố trí thêm ghế chờ ở tầng 2.',
      verdictToken: phoneToken,
    };
    const phoneUrl = `/api/v1/phone/units/${w.unit.id}/feedback`;
    const phone = await citizen.post(phoneUrl, phoneBody);
    expect(phone.status).toBe(201);
    const phoneReceipt = await phone.json();
    made.push({ channel: 'phone', ...phoneReceipt, token: phoneToken });
    // The page resends the same body after a lost answer: stored once, under the same token.
    const resent = await (await citizen.post(phoneUrl, phoneBody)).json();
    expect(resent).toMatchObject({ status: 'duplicate', trackingCode: phoneReceipt.trackingCode });
    const changed = await citizen.post(phoneUrl, { ...phoneBody, verdictToken: newToken() });
    expect(changed.status).toBe(409);
    // What is not a token is refused at intake, and nothing is stored.
    const bad = await citizen.post(phoneUrl, { ...phoneBody, id: randomUUID(), verdictToken: 'x' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details).toEqual([
      expect.objectContaining({ path: 'verdictToken' }),
    ]);

    const staffToken = newToken();
    const staff = await lan.post('/api/v1/feedback/entries', {
      id: randomUUID(),
      unitId: w.unit.id,
      feedbackKind: 'phan_anh',
      source: 'phone',
      receivedDate: '2026-11-20',
      content: 'Người dân gọi điện phản ánh phải chờ lâu.',
      verdictToken: staffToken,
    });
    expect(staff.status).toBe(201);
    made.push({ channel: 'staff', ...(await staff.json()), token: staffToken });
    // Made by the client, the token is never echoed back.
    expect(JSON.stringify(phoneReceipt)).not.toContain(phoneToken);

    for (const [i, item] of made.entries()) {
      await act(lan, item.id, { action: 'classify', classification: 'within_authority' });
      await act(lan, item.id, { action: 'start' });
      const answer = await act(lan, item.id, {
        action: 'answer',
        text: `Câu trả lời số ${i + 1} đã được công khai.`,
        channel: 'page',
        publish: true,
      });
      expect(answer.status).toBe(200);
      // Another channel's token is no proof for this item.
      const other = made[(i + 1) % made.length]!.token;
      const wrong = await give(item.trackingCode, { accepted: false, token: other });
      expect(wrong.status).toBe(403);
      const res = await give(item.trackingCode, { accepted: i !== 1, token: item.token });
      expect({ channel: item.channel, status: res.status }).toEqual({
        channel: item.channel,
        status: 201,
      });
    }
  });

  it('is on no page, feed, lookup, staff view, export, history, audit or log line', async () => {
    const secrets = (
      await Promise.all(made.map(async (m) => [m.token, await hashVerdictToken(m.token)]))
    ).flat();
    // Tokens as typed would be too: without the dashes, in lower case.
    const forms = secrets.flatMap((s) => [s, s.replace(/-/g, ''), s.toLowerCase()]);
    const seen: Record<string, string> = {};
    const read = async (session: Session, path: string) => {
      const res = await session.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      const type = res.headers.get('content-type') ?? '';
      seen[path] = type.includes('spreadsheet')
        ? await workbookText(await res.arrayBuffer())
        : await res.text();
    };
    const month = new Date(w.clock.now + 7 * 3600_000).toISOString().slice(0, 7);
    await read(citizen, '/public/answers');
    await read(citizen, '/api/v1/public/answers');
    await read(citizen, '/public');
    await read(lan, '/api/v1/feedback?limit=200');
    await read(admin, `/api/v1/exports/tally.csv?month=${month}`);
    await read(admin, `/api/v1/exports/tally.xlsx?month=${month}`);
    await read(admin, `/api/v1/exports/comments.csv?period=${month}`);
    for (const m of made) {
      await read(citizen, `/api/v1/public/feedback/${m.trackingCode}`);
      await read(citizen, `/public?code=${m.trackingCode}`);
      await read(citizen, `/public/answers?q=${m.trackingCode}`);
      await read(lan, `/api/v1/feedback/${m.id}`);
      await read(admin, `/api/v1/feedback/${m.id}`);
    }
    const rows = {
      feedbackEvents: await w.database.db.selectFrom('feedbackEvents').selectAll().execute(),
      auditEvents: await w.database.db.selectFrom('auditEvents').selectAll().execute(),
      verdicts: await w.database.db.selectFrom('feedbackVerdicts').selectAll().execute(),
      records: await w.database.db.selectFrom('records').selectAll().execute(),
    };
    expect(rows.feedbackEvents.filter((e) => e.action === 'verdict')).toHaveLength(3);
    seen.rows = JSON.stringify(rows);
    seen.log = log.join('');
    expect(seen.log).toContain('/api/v1/public/feedback/{code}');

    for (const [where, text] of Object.entries(seen)) {
      for (const secret of forms) {
        expect({ where, leaks: text.includes(secret) }).toEqual({ where, leaks: false });
      }
    }

    // In the database the item keeps the hash, and the token itself is nowhere.
    const items = await w.database.db.selectFrom('feedbackItems').selectAll().execute();
    const dump = JSON.stringify(items);
    for (const m of made) {
      expect(dump).not.toContain(m.token);
      expect(dump).not.toContain(m.token.replace(/-/g, ''));
      expect(items.find((i) => i.id === m.id)?.verdictTokenHash).toBe(
        await hashVerdictToken(m.token),
      );
    }
  });

  it('answers the page’s verdict form with a redirect that carries no token', async () => {
    const item = await w.send();
    await act(w.lan, item.id, { action: 'classify', classification: 'within_authority' });
    await act(w.lan, item.id, { action: 'start' });
    await act(w.lan, item.id, { action: 'answer', text: 'Đã trả lời.', channel: 'page' });
    const form = (token: string) =>
      citizen.send('POST', '/public/verdict', {
        raw: new URLSearchParams({ code: item.trackingCode, accepted: 'no', token }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const wrong = await form(newToken());
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toMatch(/verdict=token$/);
    const again = await (await citizen.get(wrong.headers.get('location')!)).text();
    expect(again).toContain('Mã xác nhận không đúng hoặc chưa nhập.');
    expect(again).toContain('aria-invalid="true"');
    expect((await w.database.repos.feedback.findById(item.id))?.verdict).toBeNull();
    const right = await form(item.token!);
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toMatch(/verdict=thanks$/);
    expect(right.headers.get('location')).not.toContain(item.token!);
    expect((await w.database.repos.feedback.findById(item.id))?.verdict).toBe('not_accepted');
    expect(log.join('')).not.toContain(item.token!);
  });
});

/** Every cell's text of an XLSX file, so the scan reads what a spreadsheet shows. */
async function workbookText(bytes: ArrayBuffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
  );
  return cells.join('\n');
}
