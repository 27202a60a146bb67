/**
 * The public verifier page (issue 25 item 3) in real Chromium against a real server: once the
 * checkpoints job has signed a closed month, that month verifies on /public/verify —
 * fetched by unit and month, and as a file the reader chooses — with the signature checked by the
 * browser's own Ed25519; the same file with one level changed, one row added or one row removed
 * does not. A receipt's address shows that its rating is in the published figures, and before
 * the month is signed, that it is not signed yet.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatMonth, monthOf, ratingReceiptUrl } from '@hailong/domain';
import { launchBrowser, newContext, watchErrors } from './support/browser.ts';
import { visible } from './support/console.ts';
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import { makeDueCheckpoints } from '../../apps/api/src/evidence/checkpoints.service.ts';
import { Session, testApp, TestClock } from '../support/api-client.ts';
import { freshDatabaseUrl } from '../support/databases.ts';
import {
  freePort,
  startServer,
  stopServer,
  type ServerProcess,
} from '../support/server-process.ts';

/** 15/10/2026 10:00 in Hà Nội: October closed on 10/11, long before these tests run. */
const OCT = Date.UTC(2026, 9, 15, 3);
const LEVELS = [5, 5, 5, 4, 4, 3, 2, 1];

interface Row {
  recordHash: string;
  level: number;
  counted: boolean;
  scale: string;
}

let server: ServerProcess;
let baseUrl: string;
let disposeDatabase: () => Promise<void>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let dir: string;
const published = { unitId: 'xa-kiem-chung', month: '2026-10' };
const ratingIds = LEVELS.map(() => randomUUID());

/**
 * A server of its own over a database prepared in-process: the shared demo's units are made the
 * day it starts, so none of them has a closed month to sign. Here a unit made in September has
 * October's ratings (given through the phone page's real ingest, at October's clock), and the
 * checkpoints job has signed October before the server starts.
 */
async function prepareDatabase(url: string) {
  const database = await openDatabase(url);
  await database.migrate();
  const { repos } = database;
  const made = Date.UTC(2026, 8, 1);
  await repos.catalogue.createUnit({
    id: published.unitId,
    code: published.unitId,
    name: 'UBND xã Kiểm Chứng',
    kind: 'commune',
    scale: 'five',
    sortOrder: 0,
    createdAt: made,
    parentId: null,
    archivedAt: null,
    updatedAt: null,
  });
  await repos.catalogue.createSector({
    id: 'kc/ho-tich',
    unitId: published.unitId,
    code: 'ho-tich',
    name: 'Hộ tịch',
    sortOrder: 0,
    createdAt: made,
    archivedAt: null,
    updatedAt: null,
  });
  const clock = new TestClock(OCT);
  const citizen = new Session(testApp(database, clock).app);
  for (const [i, level] of LEVELS.entries()) {
    const res = await citizen.post(`/api/v1/phone/units/${published.unitId}/ratings`, {
      id: ratingIds[i],
      sectorId: 'kc/ho-tich',
      level,
    });
    expect(res.status).toBe(201);
    clock.advance(60_000);
  }
  expect(await makeDueCheckpoints(repos, Date.now())).toBeGreaterThan(0);
  await database.close();
}

beforeAll(async () => {
  const database = await freshDatabaseUrl('sqlite');
  disposeDatabase = database.dispose;
  await prepareDatabase(database.url);
  server = await startServer(await freePort(), { DATABASE_URL: database.url });
  baseUrl = server.baseUrl;
  dir = await mkdtemp(join(tmpdir(), 'hailong-verify-'));
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  page = await context.newPage();
  errors = watchErrors(page);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  await disposeDatabase?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function api(path: string) {
  const res = await fetch(baseUrl + path);
  expect(res.status, path).toBe(200);
  return res.json();
}

const result = () => page.locator('#verify-result');
const monthText = () => formatMonth(published.month);

async function chooseFile(name: string, document: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(document));
  await page.getByLabel('Tệp dữ liệu (.json)').setInputFiles(path);
  // The answer names the file it is about: never the previous file's answer.
  await visible(result().getByText(`Tệp ${name}`, { exact: true }));
  return (await result().textContent()) ?? '';
}

describe('the public verifier', () => {
  it('is linked from /public and verifies a signed month fetched by unit and month', async () => {
    await page.goto('/public');
    await page.getByRole('link', { name: /^Kiểm chứng số liệu/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Kiểm chứng số liệu' }));
    await page.goto(`/public/verify?unit=${published.unitId}&month=${published.month}`);
    await visible(page.getByText(`Số liệu tháng ${monthText()} khớp với điểm chốt đã ký.`));
    const text = (await result().textContent()) ?? '';
    expect(text).toContain('Chữ ký số của máy chủ trên điểm chốt hợp lệ.');
    expect(text).toContain('Gốc Merkle tính lại khớp với điểm chốt');
    expect(text).toContain('Khóa công khai trùng với khóa máy chủ đang công bố.');
    expect(await result().locator('li.bad').count()).toBe(0);
  });

  it('passes the dataset file as published, and catches one row changed, added or removed', async () => {
    const dataset = (await api(
      `/api/v1/public/datasets/${published.unitId}/${published.month}.json`,
    )) as { rows: Row[] };
    expect(await chooseFile('as-published.json', dataset)).toContain(
      `Số liệu tháng ${monthText()} khớp với điểm chốt đã ký.`,
    );

    const rows = dataset.rows;
    // Phone ratings without a dossier are out of the rate, but every row is under the root.
    const at = 0;
    const changed = {
      ...dataset,
      rows: rows.map((r, i) => (i === at ? { ...r, level: r.level === 1 ? 2 : r.level - 1 } : r)),
    };
    const added = { ...dataset, rows: [...rows, { ...rows[at]!, recordHash: 'f'.repeat(64) }] };
    const removed = { ...dataset, rows: rows.filter((_, i) => i !== at) };
    for (const [name, altered] of Object.entries({ changed, added, removed })) {
      const text = await chooseFile(`${name}.json`, altered);
      expect(text, name).toContain(`Số liệu tháng ${monthText()} KHÔNG KHỚP với điểm chốt đã ký.`);
      expect(text, name).toContain('Gốc Merkle không khớp');
      // The signature is the server's all the same: it is the rows that do not match it.
      expect(text, name).toContain('Chữ ký số của máy chủ trên điểm chốt hợp lệ.');
    }
  });

  it('shows a receipt’s rating in the published figures, and a month not yet signed as such', async () => {
    const receipt = ratingReceiptUrl('', {
      unitId: published.unitId,
      month: published.month,
      ratingId: ratingIds[0]!,
    });
    await page.goto(receipt);
    await visible(page.getByText('Phiếu đánh giá của bạn có trong số liệu đã công bố.'));
    const text = (await result().textContent()) ?? '';
    expect(text).toContain('Mã băm của phiếu tính lại từ mã kiểm chứng khớp');
    expect(text).toContain('Đường dẫn Merkle dẫn đúng tới gốc của điểm chốt');
    expect(await result().locator('li.bad').count()).toBe(0);

    const thisMonth = monthOf(Date.now());
    await page.goto(
      ratingReceiptUrl('', {
        unitId: published.unitId,
        month: thisMonth,
        ratingId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    await visible(page.getByText(/^Tháng này chưa chốt số liệu/));
    expect(errors).toEqual([]);
  });
});
