/**
 * Issue 12's acceptance run, on one tablet at a counter of UBND xã Quảng Điền: with the network off, an
 * officer signs in at the counter in staff mode (their counter PIN checked on the tablet against
 * the roster it cached); the citizen's screen names them; a citizen rates, scans the dossier QR
 * code of the receipt with the camera (a generated QR image fed to Chromium's fake camera) and
 * answers the extra questions; another walks away at the first question and the idle reset keeps
 * their level; back online, the rating reaches the server with the counter, the
 * officer, the dossier code and the answers, counts in the officer's quarterly row of the TT 01/2018
 * table, and the server has the sign-in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import {
  StaffApi,
  controlledByServiceWorker,
  enrollKiosk,
  offlineNoise,
  openStaffPanel,
  startScreen,
} from './support/kiosk.ts';
import { qrCameraFile } from './support/fake-camera.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

const UNIT = 'UBND xã Quảng Điền';
const OFFICER = { username: 'le.thi.quay', displayName: 'Lê Thị Quầy' };
const OFFICER_PASSWORD = 'mat-khau-can-bo-quay-2026';
const COUNTER_PIN = '1357';
const DOSSIER = 'HS-240001';
const SURVEY = {
  officerAttribution: true,
  dossier: 'optional',
  dossierPattern: '^HS-\\d{6}$',
  respondentType: true,
  questions: { visits: true, agencies: true, attitude: true },
};

let staff: StaffApi;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let dir: string;
let unitId: string;
let counterId: string;
let officerId: string;
let settingsBefore: { own: boolean; settings: unknown };
const sent: { items: Record<string, unknown>[] }[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests probe the JSON themselves
async function ok(response: Promise<Response>, status = 200): Promise<any> {
  const res = await response;
  if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return status === 204 ? null : res.json();
}

/** The officer's own session sets their counter PIN, as they would on their alerts page. */
async function setOwnPin(): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ username: OFFICER.username, password: OFFICER_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  await ok(
    fetch(`${baseUrl}/api/v1/me/counter-pin`, {
      method: 'PUT',
      headers: { origin: baseUrl, cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ pin: COUNTER_PIN }),
    }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hailong-camera-'));
  const camera = await qrCameraFile(DOSSIER, join(dir, 'dossier-qr.y4m'));
  staff = await StaffApi.signIn(baseUrl, adminPassword);
  unitId = await staff.unitId(UNIT);
  const duty = await ok(staff.call(`/api/v1/units/${unitId}/counter-duty`));
  counterId = duty.counters[0].counterId;
  officerId = (
    await ok(
      staff.call('/api/v1/users', 'POST', {
        ...OFFICER,
        role: 'staff',
        unitId,
        password: OFFICER_PASSWORD,
      }),
      201,
    )
  ).id;
  await setOwnPin();
  settingsBefore = await ok(staff.call(`/api/v1/units/${unitId}/survey-settings`));
  await ok(staff.call(`/api/v1/units/${unitId}/survey-settings`, 'PUT', SURVEY));
  browser = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${camera}`,
  ]);
  context = await newContext(browser, baseUrl);
  await context.grantPermissions(['camera']);
  page = await context.newPage();
  errors = watchErrors(page);
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/sync')) {
      sent.push(JSON.parse(request.postData() ?? '{}'));
    }
  });
});

afterAll(async () => {
  await browser?.close();
  // The unit goes back to what it had (the demo's settings), for whatever runs next.
  if (settingsBefore?.own) {
    await staff.call(`/api/v1/units/${unitId}/survey-settings`, 'PUT', settingsBefore.settings);
  } else if (unitId) {
    await staff.call(`/api/v1/units/${unitId}/survey-settings`, 'DELETE');
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('an officer at the counter and a dossier scanned with the camera', () => {
  it('enrolls a tablet at a counter of the unit', async () => {
    const { code } = await ok(
      staff.call('/api/v1/enrollments', 'POST', { unitId, label: 'Quầy Quảng Điền', counterId }),
      201,
    );
    await page.goto('/kiosk/');
    await enrollKiosk(page, code);
    await controlledByServiceWorker(page);
  });

  it('signs the officer in at the counter while offline', async () => {
    await context.setOffline(true);
    await openStaffPanel(page);
    const section = page.getByRole('region', { name: 'Cán bộ trực quầy' });
    // The demo has its clerk on duty here (set in the console at start); a sign-in made later wins.
    await visible(section.getByText(/^Đang trực: /));
    await section
      .getByLabel('Cán bộ', { exact: true })
      .selectOption({ label: OFFICER.displayName });
    await section.getByLabel('Mã PIN quầy của cán bộ').fill('9999');
    await section.getByRole('button', { name: 'Nhận quầy' }).click();
    await visible(section.getByRole('alert').getByText('Mã PIN quầy không đúng.'));
    await section.getByLabel('Mã PIN quầy của cán bộ').fill(COUNTER_PIN);
    await section.getByRole('button', { name: 'Nhận quầy' }).click();
    await visible(section.getByText(`Đang trực: ${OFFICER.displayName}`));
    await visible(section.getByText('Chưa gửi lên máy chủ; sẽ gửi khi có mạng.'));
    // A short idle timeout, for the citizen who walks away below.
    await page.getByLabel('Tự về màn hình đầu sau (giây)').fill('10');
    await page.getByLabel('Tự về màn hình đầu sau (giây)').press('Tab');
    await page.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();
    await startScreen(page);
    await visible(page.getByText(`Cán bộ phục vụ: ${OFFICER.displayName}`));
    // Kept on the tablet: a reload offline starts from the precache with the officer still on duty.
    await page.reload();
    await visible(page.getByText(`Cán bộ phục vụ: ${OFFICER.displayName}`));
  });

  it('a citizen rates, scans the dossier code and answers the extra questions', async () => {
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Mã hồ sơ của Ông/Bà' }));
    // A code of the wrong form is refused with a message.
    await page.getByLabel('Mã hồ sơ', { exact: true }).fill('12345');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await visible(page.getByRole('alert').getByText(/không đúng định dạng/));
    await page.getByRole('button', { name: 'Quét mã' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Ông/Bà đánh giá với tư cách' }));
    await page.getByRole('button', { name: 'Tổ chức, doanh nghiệp' }).click();
    await visible(page.getByRole('heading', { level: 1, name: /bao nhiêu lần/ }));
    // The answers are as large as the levels before them, side by side on a landscape tablet.
    const answers = page.getByRole('list', { name: /bao nhiêu lần/ }).getByRole('button');
    const boxes = await Promise.all((await answers.all()).map((answer) => answer.boundingBox()));
    expect(boxes).toHaveLength(3);
    for (const box of boxes) expect(box!.height).toBeGreaterThanOrEqual(112);
    expect(new Set(boxes.map((box) => box!.y)).size).toBe(1);
    await page.getByRole('button', { name: '2 lần', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: /bao nhiêu cơ quan/ }));
    await page.getByRole('button', { name: '1 cơ quan', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: /Thái độ của cán bộ/ }));
    await page.getByRole('button', { name: 'Chuẩn mực, nhiệt tình' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
    await page.getByRole('button', { name: 'Xong' }).click();
    await startScreen(page);
  });

  it('a citizen who walks away during the extra questions still leaves the level', async () => {
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await page.getByRole('button', { name: 'Rất hài lòng', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Mã hồ sơ của Ông/Bà' }));
    await startScreen(page);
  });

  it('back online, the rating reaches the server with officer, counter, dossier and answers', async () => {
    await context.setOffline(false);
    const device = await staff.deviceByLabel('Quầy Quảng Điền');
    expect((await staff.waitForReceived(device.id, 2)).receivedCount).toBe(2);
    const items = sent.flatMap((batch) => batch.items);
    const rating = items.find((item) => 'dossierCode' in item);
    const walkedAway = items.find((item) => !('dossierCode' in item));
    expect(walkedAway).toMatchObject({ level: 3, counterId, officerId });
    expect(walkedAway).not.toHaveProperty('dossierCode');
    expect(walkedAway).not.toHaveProperty('answers');
    expect(rating).toMatchObject({
      counterId,
      officerId,
      dossierCode: DOSSIER,
      respondentType: 'organisation',
      answers: { visits: 2, agencies: 1, attitude: 'courteous' },
      level: 2,
    });
    // Stored with the officer: it is in the officer's row of this quarter's TT 01/2018 table,
    // visits 2 → 1 point, agencies 1 → 2, courteous → 2.
    const now = new Date(Date.now() + 7 * 3_600_000);
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const report = await ok(
      staff.call(`/api/v1/assessment?period=${quarter}&by=officer&node=${unitId}`),
    );
    const row = report.rows.find((r: { key: string }) => r.key === officerId);
    // The second citizen pressed within the repeat window of the first (5 s): kept, not counted.
    const counted = walkedAway!.possibleRepeat ? 1 : 2;
    expect(row).toMatchObject({ name: OFFICER.displayName, answers: counted, satisfied: counted });
    const points = Object.fromEntries(
      row.indicators.map((i: { indicator: number; points: number | null }) => [
        i.indicator,
        i.points,
      ]),
    );
    expect(points).toMatchObject({ 3: 1, 4: 2, 7: 2 });
    // The sign-in made offline reached the server too.
    await expect
      .poll(async () => {
        const duty = await ok(staff.call(`/api/v1/units/${unitId}/counter-duty`));
        return duty.counters.find((c: { counterId: string }) => c.counterId === counterId);
      })
      .toMatchObject({ officerId, officerName: OFFICER.displayName, source: 'tablet' });
    expect(offlineNoise(errors)).toEqual([]);
  });
});
