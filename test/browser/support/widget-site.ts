/**
 * A unit's own website for the widget's browser test: a tiny server on another origin than
 * hailong's, pages that embed the widget one way or all three, the agency an admin sets through the
 * API, and axe run in one document (the page, or the widget's frame).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { Resvg } from '@resvg/resvg-js';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
interface AxeGlobal {
  axe: {
    run(
      context: unknown,
      options: unknown,
    ): Promise<{ violations: AxeViolation[]; passes: unknown[] }>;
  };
}

/** An emblem such as a province uploads: a detailed 600 px PNG. */
export function emblem(): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 100 100">
<defs><radialGradient id="g"><stop offset="0" stop-color="#ffd700"/><stop offset="1" stop-color="#c00"/></radialGradient></defs>
<circle cx="50" cy="50" r="48" fill="url(#g)" stroke="#a00" stroke-width="2"/>
<polygon points="50,15 58,40 85,40 63,55 71,80 50,65 29,80 37,55 15,40 42,40" fill="#ff0"/>
<path d="M10 70 Q50 100 90 70" stroke="#333" stroke-width="3" fill="none"/></svg>`;
  return new Uint8Array(new Resvg(svg).render().asPng());
}

/** The admin names the agency and uploads its emblem, through the API as the console does. */
export async function setAgency(
  baseUrl: string,
  password: string,
  names: { name: string; shortName: string },
): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const headers = { origin: baseUrl, cookie };
  const named = await fetch(`${baseUrl}/api/v1/settings/agency`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(names),
  });
  expect(named.status).toBe(200);
  const logo = await fetch(`${baseUrl}/api/v1/settings/agency/logo`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'image/png' },
    body: Buffer.from(emblem()),
  });
  expect(logo.status).toBe(200);
}

/** The unit's website: its own words around one way of embedding (`frame`, `script`, `badge`) or `all`. */
export function sitePage(baseUrl: string, unitId: string, unitName: string, kind: string): string {
  const frame = `<iframe src="${baseUrl}/public/widget/${unitId}" title="Mức độ hài lòng của người dân, tổ chức với ${unitName}" width="100%" height="360" style="max-width:440px;border:0" referrerpolicy="no-referrer"></iframe>`;
  const script = `<script src="${baseUrl}/public/widget.js" data-unit="${unitId}" async referrerpolicy="no-referrer"></script>`;
  const badge = `<a href="${baseUrl}/public?node=${unitId}"><img src="${baseUrl}/public/widget/${unitId}/badge.svg" alt="Tỷ lệ hài lòng của người dân, tổ chức với ${unitName}" height="20" referrerpolicy="no-referrer"></a>`;
  const parts: Record<string, string> = {
    frame,
    script,
    badge,
    all: `<h2>Khung nhúng</h2>${frame}<h2>Đoạn mã</h2>${script}<h2>Huy hiệu</h2><p>${badge}</p>`,
  };
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Trang thông tin điện tử ${unitName}</title>
<style>body{font-family:sans-serif;margin:0;padding:16px;background:#f6f8fa}main{max-width:960px;margin:0 auto}</style></head>
<body><main><h1>Trang thông tin điện tử ${unitName}</h1><p>Công khai kết quả đánh giá sự hài lòng.</p>${parts[kind] ?? ''}</main></body></html>`;
}

export interface Site {
  /** `http://localhost:port`: another host and port than the server's 127.0.0.1, another site. */
  origin: string;
  close(): Promise<void>;
}

/** Serves `page(kind)` at `/{kind}.html`. */
export async function startSite(page: (kind: string) => string): Promise<Site> {
  const server = createServer((req, res) => {
    const kind = (req.url ?? '/').slice(1).replace(/\.html$/, '') || 'all';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(kind));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Serious and critical findings of axe in one document (a page, or a frame), as readable lines. */
export async function axeScan(target: Page | Frame, axeSource: string): Promise<string[]> {
  await target.addScriptTag({ content: axeSource });
  const { violations, passes } = await target.evaluate(() =>
    (globalThis as unknown as AxeGlobal).axe.run(
      (globalThis as unknown as { document: unknown }).document,
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    ),
  );
  // axe really looked: a document always passes some rules.
  expect(passes.length).toBeGreaterThan(5);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
