/**
 * A small province for the catalogue import tests, as a sheet and as files: the province root, its
 * public-service centre, two departments and two communes, with sectors and counters; and the
 * calls the console makes to import a file.
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { CATALOGUE_HEADER } from '@hailong/domain';
import { freshDatabase, type TestDialect } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { randomUUID } from 'node:crypto';
import type { Role } from '@hailong/domain';
import { SESSION_COOKIE } from '../http/session.ts';
import { SESSION_TTL_MS } from '../services/auth.service.ts';
import { hashPassword } from '../services/passwords.ts';
import { hashSecret, newSecret } from '../services/tokens.ts';

const PASSWORD = 'quản-trị-nhập-danh-mục';
// scrypt takes seconds on a busy machine: hash once per file; sign-in itself is tested elsewhere.
let passwordHash: Promise<string> | undefined;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 6 units, 6 sectors, 5 counters: 17 rows under the header (lines 2–18). */
export const PROVINCE: string[][] = [
  ['đơn vị', 'tinh', '', 'UBND tỉnh Mẫu', 'tỉnh', '5 mức', '', ''],
  ['đơn vị', 'ttpvhcc', 'tinh', 'Trung tâm Phục vụ hành chính công tỉnh', 'trung tâm', '', '', ''],
  ['đơn vị', 'so-tp', 'tinh', 'Sở Tư pháp', 'sở, ban, ngành', '', '', ''],
  ['lĩnh vực', 'ho-tich', 'tinh/so-tp', 'Hộ tịch', '', '', '', ''],
  ['lĩnh vực', 'ly-lich-tu-phap', 'tinh/so-tp', 'Lý lịch tư pháp', '', '', '', ''],
  ['quầy', 'quay-1', 'tinh/so-tp', 'Quầy số 1', '', '', '', ''],
  ['đơn vị', 'so-khdt', 'tinh', 'Sở Kế hoạch và Đầu tư', 'sở, ban, ngành', '', '', ''],
  ['lĩnh vực', 'dang-ky-kinh-doanh', 'tinh/so-khdt', 'Đăng ký kinh doanh', '', '', '', ''],
  ['quầy', 'quay-1', 'tinh/so-khdt', 'Quầy số 1', '', '', '', ''],
  ['đơn vị', 'xa-a', 'tinh', 'UBND xã A', 'xã, phường', '3 mức', '', ''],
  ['lĩnh vực', 'ho-tich', 'tinh/xa-a', 'Hộ tịch', '', '', '', ''],
  ['lĩnh vực', 'chung-thuc', 'tinh/xa-a', 'Chứng thực', '', '', '', ''],
  ['quầy', 'quay-1', 'tinh/xa-a', 'Quầy 1', '', '', '', ''],
  ['quầy', 'quay-2', 'tinh/xa-a', 'Quầy 2', '', '', '', ''],
  ['đơn vị', 'phuong-b', 'tinh', 'UBND phường B', 'xã, phường', '3 mức', '', ''],
  ['lĩnh vực', 'ho-tich', 'tinh/phuong-b', 'Hộ tịch', '', '', '', ''],
  ['quầy', 'quay-1', 'tinh/phuong-b', 'Quầy 1', '', '', '', ''],
];

const quote = (cell: string, sep: string) =>
  cell.includes(sep) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/** The rows as CSV bytes under the Vietnamese header. */
export function csvFile(
  rows: readonly string[][],
  { sep = ',', bom = true, header = CATALOGUE_HEADER } = {},
): Uint8Array {
  const text = [header, ...rows].map((r) => r.map((c) => quote(c, sep)).join(sep)).join('\r\n');
  return new TextEncoder().encode((bom ? '\uFEFF' : '') + text + '\r\n');
}

/** The rows as an XLSX workbook under the Vietnamese header. */
export async function xlsxFile(rows: readonly string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục');
  [CATALOGUE_HEADER, ...rows].forEach((r, i) => (sheet.getRow(i + 1).values = [...r]));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface ImportWorld {
  database: DatabaseHandle;
  app: ReturnType<typeof testApp>['app'];
  clock: TestClock;
  admin: Session;
}

export async function importWorld(dialect: TestDialect): Promise<ImportWorld> {
  const database = await freshDatabase(dialect);
  const clock = new TestClock(Date.UTC(2026, 10, 23, 3));
  const { app } = testApp(database, clock);
  const admin = await signedIn(database, app, clock, 'admin', 'admin');
  return { database, app, clock, admin };
}

/** A user of `role` and a browser-like session of theirs, without going through sign-in. */
export async function signedIn(
  database: DatabaseHandle,
  app: ImportWorld['app'],
  clock: TestClock,
  username: string,
  role: Role,
  unitId: string | null = null,
): Promise<Session> {
  const id = randomUUID();
  const now = clock.now;
  passwordHash ??= hashPassword(PASSWORD);
  await database.repos.users.create({
    id,
    username,
    displayName: username,
    role,
    unitId,
    passwordHash: await passwordHash,
    disabledAt: null,
    createdAt: now,
    updatedAt: now,
  });
  const token = newSecret();
  await database.repos.sessions.create({
    idHash: hashSecret(token),
    userId: id,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    lastSeenAt: now,
  });
  const session = new Session(app);
  session.cookie = `${SESSION_COOKIE}=${token}`;
  expect((await session.get('/api/v1/auth/me')).status).toBe(200);
  return session;
}

/** Sends a file the way the console does: multipart with a `file` field. */
export function upload(
  session: Session,
  bytes: Uint8Array,
  { apply = false, name = 'danh-muc.csv', type = 'text/csv' } = {},
) {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  return session.send('POST', `/api/v1/catalogue/import?dryRun=${apply ? 0 : 1}`, { raw: form });
}

/** What the catalogue holds, for before/after comparisons. */
export async function catalogueState(database: DatabaseHandle) {
  const { catalogue, audit } = database.repos;
  return {
    units: await catalogue.listUnits(),
    sectors: await catalogue.listSectors(),
    counters: await catalogue.listCounters(),
    history: await catalogue.listHistory(),
    audit: await audit.list({ limit: 10_000 }),
  };
}
