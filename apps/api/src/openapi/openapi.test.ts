import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';

/** Served outside /api/v1 for supervisors and scrapers, and documented all the same. */
const SYSTEM = ['/healthz', '/readyz', '/metrics'];

describe('OpenAPI document', () => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    app = testApp(database).app;
  });
  afterAll(() => database.close());

  it('is generated from the routes and lists every one of them', async () => {
    const res = await new Session(app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const served = app.routes
      .filter(
        (r) => r.method !== 'ALL' && (r.path.startsWith('/api/v1/') || SYSTEM.includes(r.path)),
      )
      .filter((r) => r.path !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThanOrEqual(8);
    for (const route of served) expect(documented, route).toContain(route);
    expect(doc.components.schemas).toHaveProperty('ErrorBody');
    expect(doc.components.securitySchemes.session).toMatchObject({ in: 'cookie' });
  });
});
