/**
 * Issue 25, item 1, the tablet's side: a kiosk enrolled against the real server makes a signing key
 * and registers its public half; offline it takes ratings (one amended by its reasons) and a phản
 * ánh, is reloaded, takes more, and back online sends them. Every record it stored and sent is
 * checked here with node:crypto against the key it registered: each signature verifies over the
 * record's signing bytes, and each `prevHash` names the chain hash of the record before it.
 */
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ClientRecord } from '@hailong/contracts';
import { GENESIS_HASH, fromBase64Url, recordChainHash, recordSigningBytes } from '@hailong/domain';
import { launchBrowser, newContext, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import {
  StaffApi,
  controlledByServiceWorker,
  enrollKiosk,
  offlineNoise,
  openStaffPanel,
  rate,
  startScreen,
} from './support/kiosk.ts';
import { openTestEntry, serveTestEntry, type TestEntryGlobal } from './support/kiosk-test-entry.ts';

const baseUrl = inject('baseUrl');
const adminPassword = inject('adminPassword');

const UNIT = 'Sở Tư pháp';
const LABEL = 'Quầy 2 – kiểm thử chữ ký số';
const SECTOR = 'Hộ tịch';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let storage: Page;
let staff: StaffApi;
let errors: string[];
/** What the kiosk sent: the public key with its enrollment, and the records of its uploads. */
let publicKey: { algorithm: string; spki: string } | undefined;
const sent: ClientRecord[] = [];
let stored: ClientRecord[] = [];

beforeAll(async () => {
  staff = await StaffApi.signIn(baseUrl, adminPassword);
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  await serveTestEntry(context, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
  page.on('request', (request) => {
    if (request.method() !== 'POST') return;
    const path = new URL(request.url()).pathname;
    const body = request.postDataJSON() as {
      publicKey?: typeof publicKey;
      items?: ClientRecord[];
    };
    if (path.endsWith('/devices/enroll')) publicKey = body.publicKey;
    if (path.endsWith('/sync')) sent.push(...(body.items ?? []));
  });
});

afterAll(async () => {
  await browser?.close();
});

const pending = () =>
  storage.evaluate(() => (globalThis as unknown as TestEntryGlobal).kioskTest.pending());

/** Whether `record`'s signature verifies over its signing bytes with the registered key. */
function verifies(record: ClientRecord): boolean {
  const key = createPublicKey({
    key: Buffer.from(fromBase64Url(publicKey!.spki)),
    format: 'der',
    type: 'spki',
  });
  return verify(
    'sha256',
    recordSigningBytes(record),
    { key, dsaEncoding: 'ieee-p1363' },
    fromBase64Url(record.signature!),
  );
}

async function lowRatingWithReason(): Promise<void> {
  await page.getByRole('button', { name: SECTOR, exact: true }).click();
  await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
  await page.getByRole('button', { name: 'Phải chờ lâu' }).click();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
  await page.getByRole('button', { name: 'Xong' }).click();
}

async function sendFeedback(content: string): Promise<void> {
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await page.getByRole('button', { name: /^Phản ánh/ }).click();
  await page.getByLabel('Nội dung phản ánh').fill(content);
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Cảm ơn Ông/Bà!' }));
  await page.getByRole('button', { name: 'Xong' }).click();
}

describe('a kiosk with a signing key', () => {
  it('registers the public half of a P-256 key made at enrollment', async () => {
    await page.goto('/kiosk/');
    await enrollKiosk(page, await staff.enrollmentCode(UNIT, LABEL));
    await controlledByServiceWorker(page);
    expect(publicKey?.algorithm).toBe('ECDSA-P256-SHA256');
    // SPKI DER of a P-256 key: 91 bytes.
    expect(fromBase64Url(publicKey!.spki)).toHaveLength(91);
    storage = await openTestEntry(context, baseUrl);
    await page.bringToFront();
  });

  it('signs and chains the records it makes offline, across a reload', async () => {
    await context.setOffline(true);
    await rate(page, SECTOR, 'Rất hài lòng');
    await lowRatingWithReason();
    await sendFeedback('Phòng chờ thiếu chỗ ngồi, người cao tuổi phải đứng lâu.');
    await page.reload();
    await startScreen(page);
    await rate(page, SECTOR, 'Hài lòng');
    await lowRatingWithReason();

    stored = await pending();
    expect(stored.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(stored.map((r) => r.kind)).toEqual(['rating', 'rating', 'feedback', 'rating', 'rating']);
    // The low ratings were stored at the press and amended by their reason: signed as amended.
    const answered = stored.filter((r) => r.kind === 'rating' && r.reasons.length > 0);
    expect(answered.map((r) => r.seq)).toEqual([2, 5]);
    stored.forEach((record, i) => {
      expect(record.prevHash).toBe(i === 0 ? GENESIS_HASH : recordChainHash(stored[i - 1]!));
      expect(verifies(record), `record ${record.seq} verifies`).toBe(true);
    });
    // What was signed is what is stored: one changed field and the signature no longer holds.
    const altered = { ...stored[1]!, reasons: [] } as ClientRecord;
    expect(verifies(altered)).toBe(false);
  });

  it('staff mode says the records are signed', async () => {
    const panel = await openStaffPanel(page);
    expect(panel).toBeTruthy();
    await visible(page.getByText('Bản ghi được ký số', { exact: true }));
    await page.getByRole('button', { name: 'Đóng chế độ cán bộ' }).click();
  });

  it('sends exactly the records it signed when the network comes back', async () => {
    await context.setOffline(false);
    const { id } = await staff.deviceByLabel(LABEL);
    const device = await staff.waitForReceived(id, 5);
    expect(device).toMatchObject({ receivedCount: 5, highestSeq: 5, gaps: [] });
    const byId = new Map(sent.map((r) => [r.id, r]));
    expect(stored.map((r) => byId.get(r.id))).toEqual(stored);
    expect(offlineNoise(errors)).toEqual([]);
  });
});
