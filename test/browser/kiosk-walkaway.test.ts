/**
 * Issue 21: a level counts from the moment it is pressed. On one enrolled tablet of a unit that asks
 * the survey steps, citizens press the lowest or a satisfied level and then walk away (the idle
 * reset), reload the page, close it and open the kiosk again, or leave for a phản ánh; each rating
 * reaches the server and the month's tally moves by exactly one, unsatisfied or satisfied. Reasons and answers
 * given before walking away arrive with the rating, and no record is ever sent twice with different
 * content. The steps share the tablet and run in order; the tablet stays online.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CatalogueUnit, UnitsTally } from '@hailong/contracts';
import { monthOf } from '@hailong/domain';
import { launchBrowser, newContext, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import { StaffApi, enrollKiosk, openStaffPanel, startScreen } from './support/kiosk.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

const UNIT = 'Bộ phận một cửa thử nghiệm bỏ dở';
const SECTOR = 'Hộ tịch';
const LOWEST = 'Rất không hài lòng';
const SATISFIED = 'Hài lòng';
const SURVEY = {
  officerAttribution: false,
  dossier: 'off',
  dossierPattern: '^HS-\\d{6}$',
  respondentType: true,
  questions: { visits: true, agencies: false, attitude: false },
};
/** The unit's repeat window is 5 s: presses closer than that are kept but left out of the rate. */
const BETWEEN_CITIZENS_MS = 6_000;

let staff: StaffApi;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let unitId: string;
let deviceId: string;
const errors: string[] = [];
/** Every record the tablet uploaded, as sent (resends included). */
const sent: Record<string, unknown>[] = [];
let presses = 0;
let lastPressAt = 0;

interface Figures {
  total: number;
  unsatisfied: number;
  satisfied: number;
  repeats: number;
  reasons: Record<string, number>;
}

async function ok(response: Promise<Response>, status = 200): Promise<unknown> {
  const res = await response;
  if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** This month's figures of the test unit, as the API's tally computes them. */
async function tally(): Promise<Figures> {
  const body = await ok(
    staff.call(`/api/v1/tally/units?month=${monthOf(Date.now())}&unit=${unitId}`),
  );
  const { totals } = UnitsTally.parse(body).units[0]!;
  return {
    total: totals.total,
    unsatisfied: totals.total - totals.satisfied,
    satisfied: totals.satisfied,
    repeats: totals.repeats,
    reasons: Object.fromEntries(totals.reasons.map((r) => [r.reason, r.count])),
  };
}

/** A new kiosk page of the tablet, watched for errors and uploads. */
async function openKiosk(): Promise<Page> {
  const opened = await context.newPage();
  errors.push(...watchErrors(opened));
  opened.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/sync')) {
      sent.push(...(JSON.parse(request.postData() ?? '{}') as { items: [] }).items);
    }
  });
  await opened.goto('/kiosk/');
  return opened;
}

/** A new citizen chooses the sector and presses `level`. */
async function press(level: string): Promise<void> {
  const wait = lastPressAt + BETWEEN_CITIZENS_MS - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.getByRole('button', { name: SECTOR, exact: true }).click();
  await page.getByRole('button', { name: level, exact: true }).click();
  lastPressAt = Date.now();
  presses += 1;
}

const reasonsScreen = () =>
  visible(page.getByRole('heading', { level: 1, name: 'Ông/Bà chưa hài lòng vì điều gì?' }));
const respondentStep = () =>
  visible(page.getByRole('heading', { level: 1, name: 'Ông/Bà đánh giá với tư cách' }));
const visitsStep = () => visible(page.getByRole('heading', { level: 1, name: /bao nhiêu lần/ }));

/** Every press so far has reached the server, exactly once. */
async function allReceived(): Promise<void> {
  const device = await staff.waitForReceived(deviceId, presses);
  expect(device).toMatchObject({ receivedCount: presses, highestSeq: presses, gaps: [] });
}

/** The record the tablet numbered last, as it was uploaded. */
function lastSent(): Record<string, unknown> {
  const bySeq = new Map(sent.map((item) => [item['seq'] as number, item]));
  return bySeq.get(presses)!;
}

beforeAll(async () => {
  staff = await StaffApi.signIn(baseUrl, adminPassword);
  // A unit of its own, so no other test's ratings move its tally.
  const unit = CatalogueUnit.parse(
    await ok(
      staff.call('/api/v1/units', 'POST', {
        code: 'thu-nghiem-bo-do',
        name: UNIT,
        kind: 'other',
        scale: 'five',
        // Under the demo province, as a real unit is: a second root would change the pages
        // other tests read (the overview, /public).
        parentId: await staff.unitId('Thành phố Huế'),
      }),
      201,
    ),
  );
  unitId = unit.id;
  await ok(
    staff.call(`/api/v1/units/${unitId}/sectors`, 'POST', { code: 'ho-tich', name: SECTOR }),
    201,
  );
  await ok(staff.call(`/api/v1/units/${unitId}/survey-settings`, 'PUT', SURVEY));
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  page = await openKiosk();
  await enrollKiosk(page, await staff.enrollmentCode(UNIT, 'Quầy bỏ dở'));
  deviceId = (await staff.deviceByLabel('Quầy bỏ dở')).id;
  // A short idle timeout, for the citizens who walk away.
  await openStaffPanel(page);
  await page.getByLabel('Tự về màn hình đầu sau (giây)').fill('10');
  await page.getByLabel('Tự về màn hình đầu sau (giây)').press('Tab');
  await page.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();
  await startScreen(page);
});

afterAll(async () => {
  await browser?.close();
  expect(errors).toEqual([]);
});

describe('a level pressed is a rating, whatever the citizen does next', () => {
  it('the idle reset on the reasons screen keeps the lowest level', async () => {
    const before = await tally();
    await press(LOWEST);
    await reasonsScreen();
    await page
      .getByRole('heading', { level: 1, name: 'Xin mời Ông/Bà đánh giá mức độ hài lòng' })
      .waitFor({ state: 'visible', timeout: 20_000 });
    await allReceived();
    expect(await tally()).toEqual({
      ...before,
      total: before.total + 1,
      unsatisfied: before.unsatisfied + 1,
    });
    expect(lastSent()).toMatchObject({ level: 1, reasons: [] });
  });

  it('the idle reset on a survey step keeps a satisfied level', async () => {
    const before = await tally();
    await press(SATISFIED);
    await respondentStep();
    await page
      .getByRole('heading', { level: 1, name: 'Xin mời Ông/Bà đánh giá mức độ hài lòng' })
      .waitFor({ state: 'visible', timeout: 20_000 });
    await allReceived();
    expect(await tally()).toEqual({
      ...before,
      total: before.total + 1,
      satisfied: before.satisfied + 1,
    });
  });

  it('a reload on the reasons screen keeps the lowest level', async () => {
    const before = await tally();
    await press(LOWEST);
    await reasonsScreen();
    await page.reload();
    await startScreen(page);
    await allReceived();
    expect(await tally()).toEqual({
      ...before,
      total: before.total + 1,
      unsatisfied: before.unsatisfied + 1,
    });
  });

  it('a reload on a survey step keeps a satisfied level', async () => {
    const before = await tally();
    await press(SATISFIED);
    await respondentStep();
    await page.reload();
    await startScreen(page);
    await allReceived();
    expect(await tally()).toEqual({
      ...before,
      total: before.total + 1,
      satisfied: before.satisfied + 1,
    });
  });

  it('the page closed on a survey step keeps the lowest level and its reasons', async () => {
    const before = await tally();
    await press(LOWEST);
    await reasonsScreen();
    await page.getByRole('button', { name: 'Phải chờ lâu' }).click();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await respondentStep();
    await page.close();
    page = await openKiosk();
    await startScreen(page);
    await allReceived();
    expect(await tally()).toEqual({
      ...before,
      total: before.total + 1,
      unsatisfied: before.unsatisfied + 1,
      reasons: { ...before.reasons, waiting_time: (before.reasons['waiting_time'] ?? 0) + 1 },
    });
    expect(lastSent()).toMatchObject({ level: 1, reasons: ['waiting_time'] });
  });

  it('the page closed on a survey step keeps a satisfied level and the answers given', async () => {
    const before = await tally();
    await press(SATISFIED);
    await respondentStep();
    await page.getByRole('button', { name: 'Cá nhân', exact: true }).click();
    await visitsStep();
    await page.close();
    page = await openKiosk();
    await startScreen(page);
    await allReceived();
    expect(await tally()).toEqual({
      ...before,
      total: before.total + 1,
      satisfied: before.satisfied + 1,
    });
    expect(lastSent()).toMatchObject({ level: 4, respondentType: 'individual' });
    expect(lastSent()).not.toHaveProperty('answers');
  });

  it('reasons and answers given to the end arrive with the rating, counted once', async () => {
    const before = await tally();
    await press(LOWEST);
    await reasonsScreen();
    await page.getByRole('button', { name: 'Thái độ của cán bộ' }).click();
    await page.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ không hướng dẫn');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await respondentStep();
    await page.getByRole('button', { name: 'Tổ chức, doanh nghiệp' }).click();
    await visitsStep();
    await page.getByRole('button', { name: '2 lần', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
    await page.getByRole('button', { name: 'Xong' }).click();
    await startScreen(page);
    await allReceived();
    expect(await tally()).toEqual({
      ...before,
      total: before.total + 1,
      unsatisfied: before.unsatisfied + 1,
      reasons: { ...before.reasons, staff_attitude: (before.reasons['staff_attitude'] ?? 0) + 1 },
    });
    expect(lastSent()).toMatchObject({
      level: 1,
      reasons: ['staff_attitude'],
      comment: 'Cán bộ không hướng dẫn',
      respondentType: 'organisation',
      answers: { visits: 2 },
    });
  });

  it('leaving the reasons screen for a phản ánh and back to the start keeps the level', async () => {
    const before = await tally();
    await press(LOWEST);
    await reasonsScreen();
    // No way back to another level: a low press that could be undone could be erased.
    await expect(page.getByRole('button', { name: 'Quay lại' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await startScreen(page);
    await allReceived();
    expect(await tally()).toEqual({
      ...before,
      total: before.total + 1,
      unsatisfied: before.unsatisfied + 1,
    });
  });

  it('counted every press once, and never sent one record with two contents', async () => {
    const figures = await tally();
    expect(figures).toMatchObject({ total: presses, repeats: 0 });
    const byId = new Map<string, string>();
    for (const item of sent) {
      const id = item['id'] as string;
      const content = JSON.stringify(item);
      expect(byId.get(id) ?? content).toBe(content);
      byId.set(id, content);
    }
    expect(byId.size).toBe(presses);
  });
});
