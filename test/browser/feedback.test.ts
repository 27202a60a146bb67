/**
 * The register in the console, end to end against the real server: a tablet at Sở Tư pháp sends
 * phản ánh through POST /api/v1/sync; the admin finds one by a search without diacritics, assigns
 * it to a staff member, classifies it (correcting its lĩnh vực), handles it, and answers it, which
 * publishes nothing until publication is chosen (unless the unit preselects it); a stale page's action is
 * refused with the server's reason; a viewer sees the contact data masked while the assigned staff
 * member sees it, has no assignment control, and finds each view of the contact data in the
 * history; hostile markup in a citizen's text stays inert; and a citizen, signed out, looks the
 * item up by its code typed in lower case without the dash. The steps run in order.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn, watchErrors } from './support/browser.ts';
import { atPath, mainNav, visible } from './support/console.ts';
import { AdminApi, Tablet } from './feedback-kiosk.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

const staff = { username: 'hoa.tuphap', displayName: 'Lê Thị Hoa', password: 'mat-khau-hoa-2026' };
const viewer = { username: 'an.xem', displayName: 'Phạm An', password: 'mat-khau-an-2026' };
const citizen = { name: 'Nguyễn Văn Bình', phone: '0912345678' };
const content = 'Hồ sơ khai sinh của con tôi bị trễ hẹn ba ngày, cán bộ không giải thích.';
const hostile = '<img src=x onerror=alert(1)>';
const answer = 'Sở đã kiểm tra: hồ sơ đã được trả kết quả. Chúng tôi xin lỗi vì sự chậm trễ.';

let browser: Browser;
const contexts: BrowserContext[] = [];
let admin: Page;
let errors: string[] = [];
let dialogs = 0;
let codes: { main: string; hostile: string; stale: string };
let api: AdminApi;

async function page(): Promise<Page> {
  const context = await newContext(browser, baseUrl);
  contexts.push(context);
  const p = await context.newPage();
  p.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  return p;
}

/** Opens an item from the inbox by its tracking code. */
async function openItem(p: Page, code: string): Promise<void> {
  await p.goto(`/feedback?q=${encodeURIComponent(code)}`);
  await (await visible(p.getByRole('link', { name: code, exact: true }))).click();
  await visible(p.getByRole('heading', { level: 1, name: new RegExp(code) }));
}

beforeAll(async () => {
  browser = await launchBrowser();
  api = await AdminApi.signIn(baseUrl, 'admin', adminPassword);
  const unit = await api.unit('Sở Tư pháp');
  await api.createUser({ ...staff, role: 'staff', unitId: unit.id });
  await api.createUser({ ...viewer, role: 'viewer' });
  const tablet = await Tablet.enroll(api, unit.id, 'Quầy Hộ tịch – phản ánh');
  const sector = unit.sectors.find((s) => s.name === 'Hộ tịch')!.id;
  const consent = { consentVersion: 'pd-2026-01', consentAt: new Date().toISOString() };
  codes = {
    main: await tablet.send({ content, sectorId: sector, contact: { ...citizen, ...consent } }),
    hostile: await tablet.send({ content: hostile }),
    stale: await tablet.send({ content: 'Nhân viên bảo vệ không hướng dẫn chỗ để xe.' }),
  };
  admin = await page();
  errors = watchErrors(admin);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('the phản ánh, kiến nghị register in the console', () => {
  it('lists the new items in the inbox with their deadline and counts', async () => {
    await admin.goto('/login');
    await signIn(admin, 'admin', adminPassword);
    await mainNav(admin).getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await atPath(admin, '/feedback');
    await visible(admin.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }));
    const row = await visible(
      admin.getByRole('row').filter({ has: admin.getByRole('link', { name: codes.main }) }),
    );
    const text = await row.textContent();
    expect(text).toContain('Mới tiếp nhận');
    expect(text).toContain('Hộ tịch');
    const counts = admin.getByRole('navigation', { name: 'Số lượng theo trạng thái' });
    expect(await counts.getByRole('link', { name: /Mới tiếp nhận/ }).textContent()).toMatch(/\d/);
  });

  it('finds an item by a search typed without diacritics', async () => {
    await admin.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('KHAI SINH cua con toi');
    await admin.getByRole('button', { name: 'Lọc' }).click();
    await atPath(admin, '/feedback?q=KHAI+SINH+cua+con+toi');
    await visible(admin.getByRole('link', { name: codes.main, exact: true }));
    expect(await admin.getByRole('link', { name: codes.hostile }).count()).toBe(0);
  });

  it('shows a citizen’s markup as text and never runs it', async () => {
    await openItem(admin, codes.hostile);
    const shown = admin.getByTestId('feedback-content');
    expect(await shown.textContent()).toBe(hostile);
    expect(await shown.locator('img').count()).toBe(0);
    expect(await admin.locator('main img[src="x"]').count()).toBe(0);
    await admin.goto(`/feedback?q=${encodeURIComponent('onerror')}`);
    const cell = await visible(admin.getByRole('cell', { name: hostile }));
    expect(await cell.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('takes an item through assignment, classification, handling and a published answer', async () => {
    await openItem(admin, codes.main);
    await admin.getByLabel('Cán bộ xử lý').selectOption({ label: staff.displayName });
    await admin.getByRole('button', { name: 'Giao', exact: true }).click();
    await visible(admin.getByRole('status').filter({ hasText: 'Đã giao xử lý.' }));

    await admin.getByLabel('Kết quả phân loại').selectOption({ label: 'Thuộc thẩm quyền xử lý' });
    // The citizen chose Hộ tịch; the content is about a criminal record extract.
    const sector = admin.getByLabel('Lĩnh vực', { exact: true });
    expect(await sector.locator('option:checked').textContent()).toBe('Hộ tịch');
    await sector.selectOption({ label: 'Lý lịch tư pháp' });
    await admin.getByRole('button', { name: 'Phân loại', exact: true }).click();
    await visible(admin.getByRole('status').filter({ hasText: 'Đã cập nhật: Đã phân loại.' }));
    const details = admin.getByRole('region', { name: 'Thông tin tiếp nhận' });
    await visible(details.getByText('Lý lịch tư pháp', { exact: true }));
    await admin.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    await visible(admin.getByRole('status').filter({ hasText: 'Đã cập nhật: Đang xử lý.' }));

    // Nothing is chosen for the staff member: sending without choosing is refused, in Vietnamese.
    await admin.getByLabel('Nội dung trả lời').fill(answer);
    const publish = admin.getByRole('group', { name: 'Công khai câu trả lời trên trang tra cứu?' });
    expect(await publish.getByRole('radio', { name: 'Công khai ngay' }).isChecked()).toBe(false);
    expect(await publish.getByRole('radio', { name: /^Chưa công khai/ }).isChecked()).toBe(false);
    await admin.getByRole('button', { name: 'Gửi trả lời' }).click();
    const refused = await visible(
      admin.getByRole('alert').filter({ hasText: 'Vui lòng chọn hình thức trả lời.' }),
    );
    expect(await refused.textContent()).toContain(
      'Vui lòng chọn có công khai câu trả lời hay không.',
    );
    await admin.getByLabel('Hình thức trả lời').selectOption({ label: 'Điện thoại' });
    expect(await publish.getByRole('radio', { name: 'Công khai ngay' }).isChecked()).toBe(false);
    await publish.getByRole('radio', { name: 'Công khai ngay' }).check();
    await admin.getByRole('button', { name: 'Gửi trả lời' }).click();
    await visible(admin.getByRole('status').filter({ hasText: 'Đã cập nhật: Đã công khai.' }));
    const history = admin.getByRole('region', { name: 'Lịch sử xử lý' });
    for (const step of [
      'Tiếp nhận',
      'Giao xử lý',
      'Phân loại',
      'Bắt đầu xử lý',
      'Trả lời',
      'Công khai',
    ])
      await visible(history.getByText(step, { exact: true }));
    await visible(history.getByText('Lĩnh vực: Lý lịch tư pháp'));
  });

  it('preselects publication only for a unit whose admin chose that default', async () => {
    const list = await (await api.call(`/api/v1/feedback?q=${codes.hostile}`)).json();
    const id = (list as { items: { id: string }[] }).items[0]!.id;
    for (const body of [
      { action: 'classify', classification: 'within_authority' },
      { action: 'start' },
    ]) {
      expect((await api.call(`/api/v1/feedback/${id}/transitions`, 'POST', body)).status).toBe(200);
    }
    await openItem(admin, codes.hostile);
    const publish = admin.getByRole('group', { name: 'Công khai câu trả lời trên trang tra cứu?' });
    expect(await publish.getByRole('radio', { name: 'Công khai ngay' }).isChecked()).toBe(false);

    await admin.goto('/holidays');
    const box = admin.getByRole('checkbox', {
      name: 'Chọn sẵn “Công khai ngay” cho Sở Tư pháp',
    });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await visible(
      admin
        .getByRole('status')
        .filter({ hasText: 'Đã lưu: Sở Tư pháp chọn sẵn “Công khai ngay”.' }),
    );
    await openItem(admin, codes.hostile);
    expect(await publish.getByRole('radio', { name: 'Công khai ngay' }).isChecked()).toBe(true);
    await visible(publish.getByText(/Mặc định của đơn vị: chọn sẵn “Công khai ngay”/));

    await admin.goto('/holidays');
    await box.uncheck();
    await visible(admin.getByRole('status').filter({ hasText: 'không chọn sẵn công khai' }));
  });

  it('refuses an action the workflow no longer allows, with the server’s reason', async () => {
    const desk = await page();
    await desk.goto('/login');
    await signIn(desk, staff.username, staff.password);
    await atPath(desk, '/');
    await openItem(desk, codes.stale);
    // Meanwhile the admin closes it as a duplicate of the first item.
    await openItem(admin, codes.stale);
    await admin
      .getByLabel('Lý do', { exact: true })
      .selectOption({ label: 'Trùng với phản ánh, kiến nghị khác' });
    await admin
      .getByLabel('Mã tra cứu của phản ánh, kiến nghị bị trùng')
      .fill(codes.main.toLowerCase());
    await admin.getByRole('button', { name: 'Đóng phản ánh, kiến nghị' }).click();
    await visible(admin.getByRole('status').filter({ hasText: 'Đã cập nhật: Đóng.' }));

    await desk.getByLabel('Kết quả phân loại').selectOption({ label: 'Thuộc thẩm quyền xử lý' });
    await desk.getByRole('button', { name: 'Phân loại', exact: true }).click();
    await visible(desk.getByRole('alert').filter({ hasText: 'trạng thái "Đóng"' }));
  });

  it('masks contact data for a viewer and shows it to the assigned staff member', async () => {
    const reader = await page();
    await reader.goto('/login');
    await signIn(reader, viewer.username, viewer.password);
    await atPath(reader, '/');
    await openItem(reader, codes.main);
    const box = reader.getByRole('region', { name: 'Thông tin liên hệ' });
    await visible(box.getByText(/^Đã ẩn\./));
    expect(await box.textContent()).not.toContain(citizen.name);
    expect(await reader.content()).not.toContain(citizen.phone);
    expect(await reader.content()).not.toContain('0912 345 678');
    expect(
      await reader.getByRole('region', { name: 'Xử lý', exact: true }).textContent(),
    ).toContain('Không có thao tác nào');

    const desk = await page();
    await desk.goto('/login');
    await signIn(desk, staff.username, staff.password);
    await atPath(desk, '/');
    await openItem(desk, codes.main);
    const own = desk.getByRole('region', { name: 'Thông tin liên hệ' });
    await visible(own.getByText(citizen.name));
    // Grouped for reading; the link dials the number as typed.
    const phone = await visible(own.getByRole('link', { name: '0912 345 678' }));
    expect(await phone.getAttribute('href')).toBe(`tel:${citizen.phone}`);
    // Only a supervisor or an admin assigns: staff get no assignment control.
    expect(await desk.getByRole('region', { name: 'Giao xử lý' }).count()).toBe(0);
    expect(await desk.getByLabel('Cán bộ xử lý').count()).toBe(0);
    // Every view of the contact data is in the history, with who looked.
    const history = desk.getByRole('region', { name: 'Lịch sử xử lý' });
    const views = history.getByRole('listitem').filter({ hasText: 'Xem thông tin liên hệ' });
    await visible(views.filter({ hasText: staff.displayName }).first());
    expect(await views.filter({ hasText: 'Quản trị' }).count()).toBeGreaterThan(0);
  });

  it('lets a citizen look the item up by its code in lower case without the dash', async () => {
    const visitor = await page();
    const visitorErrors = watchErrors(visitor);
    await visitor.goto('/public');
    const lookup = visitor.getByRole('region', {
      name: 'Tra cứu kết quả xử lý phản ánh, kiến nghị',
    });
    await lookup.getByLabel('Mã tra cứu').fill(codes.main.toLowerCase().replace('-', ''));
    await lookup.getByRole('button', { name: 'Tra cứu' }).click();
    await visible(lookup.getByRole('heading', { name: `Kết quả tra cứu mã ${codes.main}` }));
    await visible(lookup.getByText('Đã công khai', { exact: true }));
    await visible(lookup.getByText(answer));
    const shown = (await lookup.textContent()) ?? '';
    expect(shown).not.toContain(citizen.name);
    expect(shown).not.toContain(content);

    await lookup.getByLabel('Mã tra cứu').fill('ZZZZ-ZZZZ');
    await lookup.getByRole('button', { name: 'Tra cứu' }).click();
    await visible(
      lookup.getByText('Không tìm thấy phản ánh, kiến nghị với mã tra cứu này.', { exact: false }),
    );
    expect(visitorErrors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('ran without page errors', () => {
    expect(errors).toEqual([]);
    expect(dialogs).toBe(0);
  });
});
