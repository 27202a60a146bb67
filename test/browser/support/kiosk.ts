/**
 * Helpers for kiosk tests and benchmarks: the staff side through the API (as an admin, from Node),
 * and the tablet side through the kiosk page, found by role and accessible name as a person would.
 * No test framework in here: the benchmarks use it too.
 */
import type { Locator, Page } from 'playwright-core';
import { DeviceList, Enrollment, UnitList, type Device } from '@hailong/contracts';
import { visible } from './console.ts';

export const KIOSK_PIN = '246810';
const TIMEOUT = 15_000;

/** An admin's session, for the calls staff make in the console. */
export class StaffApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, password: string): Promise<StaffApi> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { origin: baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('no session cookie');
    return new StaffApi(baseUrl, cookie);
  }

  /** Any API call as the admin (for set-ups the helpers below do not cover). */
  call(path: string, method = 'GET', body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { origin: this.baseUrl, cookie: this.cookie };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
  }

  async unitId(name: string): Promise<string> {
    const units = UnitList.parse(await (await this.call('/api/v1/units')).json()).units;
    const unit = units.find((u) => u.name === name);
    if (!unit) throw new Error(`no unit named ${name}`);
    return unit.id;
  }

  /** A one-time enrollment code, as staff create it on the devices page. */
  async enrollmentCode(unitName: string, label: string): Promise<string> {
    const response = await this.call('/api/v1/enrollments', 'POST', {
      unitId: await this.unitId(unitName),
      label,
    });
    if (response.status !== 201) throw new Error(`enrollment answered ${response.status}`);
    return Enrollment.parse(await response.json()).code;
  }

  async device(id: string): Promise<Device> {
    const list = DeviceList.parse(await (await this.call('/api/v1/devices')).json());
    const device = list.devices.find((d) => d.id === id);
    if (!device) throw new Error(`no device ${id}`);
    return device;
  }

  /** The device enrolled under `label` (tests give each tablet a label of its own). */
  async deviceByLabel(label: string): Promise<Device> {
    const list = DeviceList.parse(await (await this.call('/api/v1/devices')).json());
    const device = list.devices.find((d) => d.label === label);
    if (!device) throw new Error(`no device labelled ${label}`);
    return device;
  }

  /** Waits until the server has received `count` records of the device. */
  async waitForReceived(id: string, count: number, timeout = 30_000): Promise<Device> {
    const deadline = Date.now() + timeout;
    let device = await this.device(id);
    while (device.receivedCount < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      device = await this.device(id);
    }
    return device;
  }

  async revoke(id: string): Promise<void> {
    const response = await this.call(`/api/v1/devices/${id}/revoke`, 'POST');
    if (response.status !== 204) throw new Error(`revoke answered ${response.status}`);
  }
}

/** Enrolls the kiosk open in `page` with `code` and the test PIN; resolves on the start screen. */
export async function enrollKiosk(page: Page, code: string, pin = KIOSK_PIN): Promise<void> {
  await visible(page.getByRole('heading', { level: 1, name: 'Đăng ký thiết bị' }));
  await page.getByLabel('Mã đăng ký').fill(code);
  await page.getByLabel('Mã PIN cán bộ').fill(pin);
  await page.getByLabel('Nhập lại mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
  await startScreen(page);
}

/** The start screen (sector choice), once it is showing. */
export async function startScreen(page: Page): Promise<void> {
  await visible(
    page.getByRole('heading', { level: 1, name: 'Xin mời Ông/Bà đánh giá mức độ hài lòng' }),
  );
}

/** The little of the DOM's types these helpers need inside the page (test/ has no DOM types). */
interface ServiceWorkerGlobal {
  navigator: { serviceWorker: { controller: object | null } };
}

/** Waits until the page is controlled by the kiosk's service worker (so it can start offline). */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  // A function, not a string: the kiosk's CSP forbids evaluating strings.
  await page.waitForFunction(
    () =>
      (globalThis as unknown as ServiceWorkerGlobal).navigator.serviceWorker.controller !== null,
    null,
    { timeout: TIMEOUT },
  );
}

/** One rating, as a citizen gives it: sector (unless fixed), level, then "Xong" on the thank-you. */
export async function rate(page: Page, sector: string | null, level: string): Promise<void> {
  if (sector) await page.getByRole('button', { name: sector, exact: true }).click();
  await page.getByRole('button', { name: level, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
  await page.getByRole('button', { name: 'Xong' }).click();
}

/** Opens staff mode with the hidden gesture (hold the top-left corner 3 s) and the PIN. */
export async function openStaffPanel(page: Page, pin = KIOSK_PIN): Promise<Locator> {
  await holdCorner(page);
  await page.getByLabel('Mã PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Mở' }).click();
  return visible(page.getByRole('heading', { level: 1, name: 'Chế độ cán bộ' }));
}

export async function holdCorner(page: Page): Promise<void> {
  await page.mouse.move(8, 8);
  await page.mouse.down();
  await page.waitForTimeout(3_200);
  await page.mouse.up();
  await visible(page.getByLabel('Mã PIN', { exact: true }));
}

/** The number of pending records the staff panel shows. */
export async function pendingShown(page: Page, count: number): Promise<void> {
  const section = page.getByRole('region', { name: 'Đồng bộ dữ liệu' });
  await visible(section.getByText(`${count} bản ghi`, { exact: true }));
}

/** Page errors, without the failed requests a kiosk is expected to make while offline. */
export function offlineNoise(errors: readonly string[]): string[] {
  return errors.filter((e) => !/net::ERR_(INTERNET_DISCONNECTED|NETWORK_CHANGED)/.test(e));
}
