/**
 * Imports under files built to exhaust the server (issue 21, item 8), and under a realistic large
 * one: each file is sent to the real import route of a fresh server in its own process, so that the
 * process's peak memory is the file's. Reports the time to answer and that peak: the 307 KB workbook
 * with a cell in Excel's last column on every line (2.4 GB and 27 s before the streaming reader), a
 * workbook declaring 20 KB that inflates to a gigabyte, a CSV with a 4 MB cell, and a province of
 * about 5,000 lines, checked (read and planned) and applied.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { CATALOGUE_HEADER } from '@hailong/domain';
import { createApp } from '../../apps/api/src/app.ts';
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import { SESSION_COOKIE } from '../../apps/api/src/http/session.ts';
import { UNUSABLE_HASH } from '../../apps/api/src/auth/passwords.ts';
import { hashSecret, newSecret } from '../../apps/api/src/auth/tokens.ts';
import {
  inlineCell,
  part,
  repeated,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookParts,
  zipOf,
} from '../../apps/api/src/catalogue/files/zip-fixture.ts';
import type { BenchResult } from './run.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = 'xl/worksheets/sheet1.xml';
const MB = 1024 * 1024;

function lastColumn(): Uint8Array {
  let rows = '';
  for (let i = 1; i <= 20_000; i++) {
    rows += `<row r="${i}">${inlineCell(`A${i}`, `HS-${(i * 7919) % 100_003}`)}<c r="XFD${i}"><v>${i * 31}</v></c></row>`;
  }
  return zipOf(workbookParts(part(SHEET, SHEET_HEAD + rows + SHEET_TAIL)));
}

function lyingBomb(): Uint8Array {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const { data } = repeated(SHEET_HEAD, row.repeat(Math.ceil(MB / row.length)), 1024, SHEET_TAIL);
  return zipOf(workbookParts({ name: SHEET, data, size: 20_000 }));
}

/** A province: 30 departments and 800 communes, each with 3 sectors and 2 counters. */
async function province(): Promise<Uint8Array> {
  const rows: string[][] = [
    ['đơn vị', 'tinh', '', 'UBND tỉnh Lớn', 'tỉnh', '5 mức', '', ''],
    ['đơn vị', 'ttpvhcc', 'tinh', 'Trung tâm Phục vụ hành chính công', 'trung tâm', '', '', ''],
  ];
  const unit = (code: string, name: string, kind: string) => {
    rows.push(['đơn vị', code, 'tinh', name, kind, '', '', '']);
    for (const [s, n] of [
      ['ho-tich', 'Hộ tịch'],
      ['chung-thuc', 'Chứng thực'],
      ['dat-dai', 'Đất đai'],
    ]) {
      rows.push(['lĩnh vực', s!, `tinh/${code}`, n!, '', '', '', '']);
    }
    for (const q of [1, 2])
      rows.push(['quầy', `quay-${q}`, `tinh/${code}`, `Quầy ${q}`, '', '', '', '']);
  };
  for (let i = 1; i <= 30; i++) unit(`so-${i}`, `Sở số ${i}`, 'sở, ban, ngành');
  for (let i = 1; i <= 800; i++) unit(`xa-${i}`, `UBND xã số ${i}`, 'xã, phường');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục');
  [CATALOGUE_HEADER, ...rows].forEach((r, i) => (sheet.getRow(i + 1).values = [...r]));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const FILES = {
  lastColumn: async () => ({ bytes: lastColumn(), type: XLSX }),
  lyingBomb: async () => ({ bytes: lyingBomb(), type: XLSX }),
  longCell: async () => ({
    bytes: new TextEncoder().encode(
      `Loại,Mã,Thuộc,Tên\r\nđơn vị,tinh,,"${'x'.repeat(4 * MB)}"\r\n`,
    ),
    type: 'text/csv',
  }),
  province: async () => ({ bytes: await province(), type: XLSX }),
  provinceChecked: async () => ({ bytes: await province(), type: XLSX, dryRun: true }),
};
type FileName = keyof typeof FILES;

/** In the child: a fresh server, one import of the file (applied), and what it cost. */
async function probe(name: FileName) {
  const { bytes, type, ...file } = await FILES[name]();
  const path = 'dryRun' in file ? 'import?dryRun=1' : 'import/apply';
  const dir = await mkdtemp(join(tmpdir(), 'hailong-bench-imports-'));
  const database = await openDatabase(`file:${join(dir, 'bench.db')}`);
  try {
    await database.migrate();
    const app = createApp({
      repos: database.repos,
      dialect: database.dialect,
      clock: Date.now,
      ping: async () => void (await sql`select 1`.execute(database.db)),
      pendingMigrations: database.pendingMigrations,
    });
    // A session made directly: signing in would put scrypt's 128 MiB into the peak.
    const now = Date.now();
    const id = randomUUID();
    await database.repos.users.create({
      ...{ id, username: 'admin', displayName: 'admin', role: 'admin', unitId: null },
      ...{ passwordHash: UNUSABLE_HASH, disabledAt: null, createdAt: now, updatedAt: now },
    });
    const token = newSecret();
    await database.repos.sessions.create({
      ...{ idHash: hashSecret(token), userId: id, createdAt: now },
      ...{ expiresAt: now + 3_600_000, lastSeenAt: now },
    });
    const origin = 'http://bench.local';
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const res = await app.request(`${origin}/api/v1/catalogue/${path}`, {
      method: 'POST',
      headers: { origin, cookie: `${SESSION_COOKIE}=${token}`, 'content-type': type },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    const body = (await res.json()) as { counts?: { create: number }; error?: { code: string } };
    const ms = performance.now() - started;
    const answer = body.error?.code ?? `${body.counts?.create} to create`;
    const peak = process.resourceUsage().maxRSS * 1024;
    return { size: bytes.length, status: res.status, answer, ms, before, peak };
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const here = fileURLToPath(import.meta.url);
const mib = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

function inChild(name: FileName): Awaited<ReturnType<typeof probe>> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', here, name], {
    encoding: 'utf8',
    maxBuffer: 10 * MB,
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`imports bench ${name} failed: ${child.stderr}`);
  }
  return JSON.parse(line);
}

export async function benchImports(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const labels: Record<FileName, string> = {
    lastColumn: 'imports: refuse 307 KB workbook, cells in column XFD',
    lyingBomb: 'imports: refuse workbook declaring 20 KB, inflating to 1 GiB',
    longCell: 'imports: refuse CSV with a 4 MB cell',
    province: 'imports: apply a 4,982-line province (XLSX)',
    provinceChecked: 'imports: check (dry run) the same province',
  };
  for (const name of Object.keys(FILES) as FileName[]) {
    const r = inChild(name);
    const what = `${Math.round(r.size / 1024)} KB file, answered ${r.status} ${r.answer}`;
    results.push(
      {
        name: `${labels[name]}: time`,
        value: Math.round(r.ms),
        unit: 'ms',
        target: name.startsWith('province') ? undefined : '< 1000 ms',
        note: what,
      },
      {
        name: `${labels[name]}: peak RSS`,
        value: mib(r.peak),
        unit: 'MiB',
        note: `the whole process (a fresh server); ${mib(r.before)} MiB before the request`,
      },
    );
  }
  return results;
}

if (process.argv[1] === here) {
  const name = process.argv[2] as FileName;
  console.log(JSON.stringify(await probe(name)));
}
