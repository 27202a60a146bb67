/**
 * A new kiosk version while records are queued and a second tab is open (reliability.md): the new
 * service worker waits; the idle tab applies it and reloads; the tab where a citizen is typing is
 * left alone until it is idle too; the queued records survive and are sent exactly once. The new
 * version is the served sw.js with one more line, so the browser sees a changed worker.
 */
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
  pendingShown,
  rate,
  startScreen,
} from './support/kiosk.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');
const LABEL = 'Quầy 6 – cập nhật';

interface WorkerGlobal {
  navigator: {
    serviceWorker: {
      getRegistration(): Promise<
        { update(): Promise<unknown>; waiting: object | null } | undefined
      >;
    };
  };
}

let browser: Browser;
let context: BrowserContext;
let idleTab: Page;
let busyTab: Page;
let staff: StaffApi;
let errors: string[] = [];
let version = 1;
/** While set, the server "fails" every upload, so records stay queued. */
let serverDown = true;
const navigations = new Map<Page, number>();

beforeAll(async () => {
  staff = await StaffApi.signIn(baseUrl, adminPassword);
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  await context.route('**/kiosk/sw.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n// version ${version}\n` });
  });
  await context.route('**/api/v1/sync', (route) =>
    serverDown ? route.fulfill({ status: 503, body: '' }) : route.continue(),
  );
  idleTab = await context.newPage();
  errors = watchErrors(idleTab);
});

afterAll(async () => {
  await browser?.close();
});

function hasWaitingWorker(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const registration = await (
      globalThis as unknown as WorkerGlobal
    ).navigator.serviceWorker.getRegistration();
    return registration?.waiting != null;
  });
}

function countNavigations(page: Page) {
  navigations.set(page, 0);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.set(page, (navigations.get(page) ?? 0) + 1);
  });
}

describe('a new version of the kiosk', () => {
  it('waits while a citizen types, and is applied by the idle tab without losing records', async () => {
    await idleTab.goto('/kiosk/');
    await enrollKiosk(idleTab, await staff.enrollmentCode('Sở Tài chính', LABEL));
    await controlledByServiceWorker(idleTab);
    for (const sector of ['Đăng ký kinh doanh', 'Đầu tư tại Việt Nam', 'Đấu thầu']) {
      await rate(idleTab, sector, 'Hài lòng');
    }

    busyTab = await context.newPage();
    const busyErrors = watchErrors(busyTab);
    await busyTab.goto('/kiosk/');
    await startScreen(busyTab);
    await busyTab.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await busyTab.getByRole('button', { name: /^Kiến nghị/ }).click();
    const content = busyTab.getByLabel('Nội dung kiến nghị');
    await content.fill('Đang gõ dở, không được mất khi có phiên bản mới…');
    countNavigations(idleTab);
    countNavigations(busyTab);

    version = 2;
    await idleTab.evaluate(async () => {
      const registration = await (
        globalThis as unknown as WorkerGlobal
      ).navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    // Installed, waiting: nothing reloads at once.
    await expect.poll(() => hasWaitingWorker(idleTab), { timeout: 10_000 }).toBe(true);
    await idleTab.waitForTimeout(2_000);
    expect(navigations.get(idleTab)).toBe(0);

    // After ten quiet seconds on the start screen, the idle tab applies it and reloads.
    await idleTab.waitForEvent('framenavigated', { timeout: 20_000 });
    await startScreen(idleTab);
    expect(navigations.get(busyTab)).toBe(0);
    expect(await content.inputValue()).toBe('Đang gõ dở, không được mất khi có phiên bản mới…');

    await openStaffPanel(idleTab);
    await pendingShown(idleTab, 3);
    serverDown = false;
    await idleTab.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await pendingShown(idleTab, 0);
    const device = await staff.waitForReceived((await staff.deviceByLabel(LABEL)).id, 3);
    expect(device).toMatchObject({ receivedCount: 3, highestSeq: 3, gaps: [] });
    await idleTab.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();

    // Once the citizen is done, the busy tab reloads into the new version too.
    await busyTab.bringToFront();
    await content.fill('');
    await busyTab.getByRole('button', { name: 'Quay lại' }).click();
    await busyTab.getByRole('button', { name: 'Quay lại' }).click();
    await startScreen(busyTab);
    await busyTab.waitForEvent('framenavigated', { timeout: 20_000 });
    await startScreen(busyTab);
    await visible(busyTab.getByText('Sở Tài chính', { exact: true }));
    expect(offlineNoise(busyErrors).filter((e) => !/503/.test(e))).toEqual([]);
    expect(offlineNoise(errors).filter((e) => !/503/.test(e))).toEqual([]);
  });
});
