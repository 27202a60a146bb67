/**
 * The verifier page as the server sends it: linked from /public; the unit, month and rating of a
 * receipt's address handed to the script, anything of the wrong shape or an unknown unit dropped
 * rather than echoed; and its script, bundled from the domain's code, allowed by the page's
 * Content-Security-Policy (same origin) and revalidated by its ETag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/databases.ts';
import { testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';

let database: DatabaseHandle;
let app: ReturnType<typeof testApp>['app'];

beforeAll(async () => {
  database = await freshDatabase('sqlite');
  await database.repos.catalogue.createUnit({
    id: 'xa-a',
    code: 'xa-a',
    name: 'UBND xã An Hòa',
    kind: 'commune',
    scale: 'five',
    sortOrder: 0,
    createdAt: 0,
    parentId: null,
    archivedAt: null,
    updatedAt: null,
  });
  app = testApp(database, new TestClock()).app;
});
afterAll(() => database?.close());

const page = async (path: string) => {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
};

describe('the verifier page', () => {
  it('is linked from the public page', async () => {
    const { text } = await page('/public');
    expect(text).toContain('href="/public/verify"');
    expect(text).toContain('Kiểm chứng số liệu');
  });

  it('hands a receipt’s unit, month and rating to its script, and names the unit in words', async () => {
    const { res, text } = await page('/public/verify?unit=xa-a&month=2026-10&rating=abc-123');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(text).toContain('data-unit="xa-a"');
    expect(text).toContain('data-month="2026-10"');
    expect(text).toContain('data-rating="abc-123"');
    expect(text).toContain('UBND xã An Hòa, tháng 10/2026');
    expect(text).toContain('<script src="/public/verify.js" defer></script>');
  });

  it('drops an unknown unit, a bad month or a rating id of the wrong shape', async () => {
    for (const query of [
      'unit=khong-co&month=2026-10&rating=abc',
      'unit=xa-a&month=2026-13&rating=abc',
      'unit=xa-a&month=2026-10&rating=%3Cscript%3E',
    ]) {
      const { text } = await page(`/public/verify?${query}`);
      expect(text, query).toContain('data-rating=""');
      expect(text, query).not.toContain('khong-co');
    }
  });

  it('serves its bundled script with an ETag that revalidates', async () => {
    const res = await app.request('/public/verify.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const code = await res.text();
    // The domain's own code inside: the checks' Vietnamese and the RFC 6962 leaf/node hashing.
    expect(code).toContain('Gốc Merkle tính lại khớp với điểm chốt');
    expect(code).toContain('Ed25519');
    const etag = res.headers.get('etag')!;
    const again = await app.request('/public/verify.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});
