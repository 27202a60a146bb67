/**
 * The OpenAPI document as an integrator meets it: Redocly's recommended rules find no error in it,
 * and a typed client generated from it (openapi-typescript's types, openapi-fetch's client)
 * compiles — while a client that misuses a response does not.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
/** Inside the repository, so that the client's `openapi-fetch` import resolves. */
const WORK = join(ROOT, 'node_modules', '.cache', `hailong-openapi-${process.pid}`);
const PUBLIC_URL = 'https://hailong.tinh.gov.vn';

let database: DatabaseHandle;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let doc: any;

beforeAll(async () => {
  database = await freshDatabase('sqlite');
  const { app } = testApp(database, undefined, { publicUrl: PUBLIC_URL });
  doc = await (await new Session(app).get('/api/v1/openapi.json')).json();
  await mkdir(WORK, { recursive: true });
  await writeFile(join(WORK, 'openapi.json'), JSON.stringify(doc));
});
afterAll(async () => {
  await database?.close();
  await rm(WORK, { recursive: true, force: true });
});

describe('the OpenAPI document for integrators', () => {
  it('names the server, an operationId for every operation and who may call it', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: PUBLIC_URL })]);
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string; security?: unknown[] }>).map(
        ([method, op]) => ({ at: `${method} ${path}`, ...op }),
      ),
    );
    expect(operations.length).toBeGreaterThan(60);
    for (const op of operations) {
      expect(op.operationId, op.at).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
      expect(op.security, op.at).toBeInstanceOf(Array);
    }
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const byId = Object.fromEntries(operations.map((op) => [op.operationId, op]));
    expect(byId.getFeedbackById?.at).toBe('get /api/v1/feedback/{id}');
    expect(byId.postSync?.security).toEqual([{ device: [] }]);
    expect(byId.getPublicStats?.security).toEqual([]);
  });

  it('passes Redocly’s recommended rules with no error', async () => {
    const redocly = join(ROOT, 'node_modules', '.bin', 'redocly');
    const { stdout } = await promisify(execFile)(
      redocly,
      ['lint', join(WORK, 'openapi.json'), '--format=json'],
      {
        maxBuffer: 16 * 1024 * 1024,
        // Offline, as CI is: no telemetry, no update check.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      totals: { errors: number };
      problems: { ruleId: string; severity: string; location: { pointer: string }[] }[];
    };
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('generates a typed client that compiles, and refuses one that misreads an answer', async () => {
    const types = astToString(await openapiTS(doc));
    await writeFile(join(WORK, 'api.d.ts'), types);
    const client = (misuse: string) => `import createClient from 'openapi-fetch';
import type { paths } from './api.js';

const api = createClient<paths>({ baseUrl: '${PUBLIC_URL}' });

export async function lookUp(code: string): Promise<string | undefined> {
  const { data } = await api.GET('/api/v1/public/feedback/{code}', { params: { path: { code } } });
  return data?.items[0]?.${misuse};
}
`;
    const compile = async (name: string, source: string) => {
      const file = join(WORK, name);
      await writeFile(file, source);
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
      });
      return ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    };
    expect(await compile('good.ts', client('status'))).toEqual([]);
    const bad = await compile('bad.ts', client('contactPhone'));
    expect(bad.join('\n')).toMatch(/contactPhone/);
  });
});
