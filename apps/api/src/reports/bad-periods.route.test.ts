/**
 * No route answers 5xx to a client's mistake about time: every operation in the OpenAPI document is
 * called with out-of-range months, years, dates, ranges and numbers in its path, query and body, as
 * the role that gets furthest into it (admin, the tablet, or nobody on public routes). A period,
 * month or year with whitespace around it is refused with 422 on every route that takes one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import type { Session, TestResponse } from '../../../../test/support/api-client.ts';
import { feedback, rating, sync } from '../../../../test/support/devices.ts';
import {
  ADMIN_PASSWORD,
  feedbackWorld,
  type FeedbackWorld,
} from '../../test/fixtures/feedback-fixture.ts';

const BAD_MONTHS = [
  '0000-01',
  '0001-01',
  '1999-12',
  '2101-01',
  '9999-12',
  '2026-00',
  '2026-13',
  '-001-01',
  '+2026-01',
  '2026-1',
  '',
  'x',
];
const BAD_YEARS = ['0', '-1', '1999', '2101', '99999', '1e9', '1e308', 'NaN', 'Infinity', '2026.5'];
const BAD_DATES = [
  '0000-01-01',
  '0001-01-01',
  '1999-12-31',
  '2101-01-01',
  '9999-12-31',
  '2026-02-30',
];
const BAD_NUMBERS = ['-1', '1e308', '99999999999999999999', 'NaN', '0x7fffffff'];
const BAD_RANGES: Record<string, string>[] = [
  { from: '2026-12', to: '2026-01' },
  { from: '2000-01', to: '2100-12' },
  { from: '0000-01', to: '9999-12' },
  { from: '2026-01' },
  { to: '2026-01' },
  { month: '2026-01', from: '2026-01', to: '2026-02' },
];
/** Query parameters that name a period, a month or a year. */
const PERIOD_PARAM = /^(period|month|from|to|year)$/;
/** Well-formed values of each: only the whitespace around them is wrong. */
const GOOD_VALUES: Record<string, string[]> = {
  period: ['2026-03', '2026-Q1', '2026-H1', '2026-9M', '2026'],
  month: ['2026-03'],
  from: ['2026-01'],
  to: ['2026-03'],
  year: ['2026'],
};
/** The error object of a JSON error body, or undefined for anything else (a file, HTML). */
function parseError(body: string): { code?: string; message?: string } | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string; message?: string } }).error;
  } catch {
    return undefined;
  }
}
/** A value with a trailing line break, space, tab or CRLF, or a leading space. */
const spaced = (value: string) => [
  `${value}\n`,
  `${value} `,
  `${value}\t`,
  `${value}\r\n`,
  ` ${value}`,
];
const BAD_INSTANTS = ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59Z'];

/** The bad values to try for a parameter or field, by its name. */
function badValuesFor(name: string): string[] {
  if (/^(month|from|to)$/i.test(name)) return BAD_MONTHS;
  if (/year/i.test(name)) return BAD_YEARS;
  if (/date/i.test(name)) return BAD_DATES;
  return [...BAD_NUMBERS, ...BAD_MONTHS.slice(0, 3), 'x'.repeat(300)];
}

type JsonSchema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
};

interface Operation {
  method: string;
  path: string;
  security?: Record<string, unknown>[];
  parameters?: { in: 'path' | 'query'; name: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/**
 * A body that follows `schema` except that every month, year, date or instant in it is `bad`
 * (numbers where the schema wants a number), so that the value reaches the field's own check.
 */
function sample(
  doc: { components: { schemas: Record<string, JsonSchema> } },
  schema: JsonSchema,
  bad: string,
  key = '',
): unknown {
  if (schema.$ref)
    return sample(doc, doc.components.schemas[schema.$ref.split('/').pop()!]!, bad, key);
  const options = schema.oneOf ?? schema.anyOf;
  if (options) return sample(doc, options.find((o) => o.type !== 'null') ?? options[0]!, bad, key);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const periodKey = /^(month|from|to)$|year|date$/i.test(key);
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sample(doc, s, bad, k)]),
      );
    case 'array':
      return schema.items ? [sample(doc, schema.items, bad, key)] : [];
    case 'integer':
    case 'number':
      return periodKey ? Number(bad) : (schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date-time') return bad.includes('T') ? bad : BAD_INSTANTS[0];
      if (periodKey) return bad;
      return schema.enum ? schema.enum[0] : 'x';
    default:
      return schema.enum ? schema.enum[0] : 'x';
  }
}

describe.each(dialects)('bad months, years and ranges on %s', (dialect) => {
  let w: FeedbackWorld;
  let operations: Operation[];
  let doc: { components: { schemas: Record<string, JsonSchema> } };
  const failures: string[] = [];
  /** A pull token of the provincial reporting system, for the routes it may call. */
  let pullToken: string;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    const created = await w.admin.post('/api/v1/settings/pull-tokens', { label: 'Hệ thống tỉnh' });
    expect(created.status).toBe(201);
    pullToken = ((await created.json()) as { token: string }).token;
    const res = await w.admin.get('/api/v1/openapi.json');
    doc = await res.json();
    operations = Object.entries(doc as unknown as { paths: Record<string, object> }).length
      ? Object.entries(
          (doc as unknown as { paths: Record<string, Record<string, Operation>> }).paths,
        )
          .flatMap(([path, ops]) =>
            Object.entries(ops).map(([method, op]) => ({
              ...op,
              method: method.toUpperCase(),
              path,
            })),
          )
          // Signing out would end the session the other calls need; it takes no input anyway.
          .filter((op) => op.path !== '/api/v1/auth/logout')
      : [];
  });
  afterAll(() => w?.database.close());

  /** Sends as the caller the operation is for: the tablet, the provincial system, an admin, or nobody. */
  async function call(op: Operation, path: string, body?: unknown): Promise<TestResponse> {
    const device = op.security?.some((s) => 'device' in s);
    const pull = op.security?.some((s) => 'pull' in s);
    const session: Session = w.admin;
    const bearer = device ? w.device.token : pull ? pullToken : undefined;
    const headers = bearer ? { authorization: `Bearer ${bearer}` } : undefined;
    let res = await session.send(op.method, path, { body, headers });
    if (res.status === 401 && !bearer && (await w.admin.get('/api/v1/auth/me')).status === 401) {
      // A previous call ended the admin's session (e.g. a password change): sign in and retry.
      expect((await w.admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
      res = await session.send(op.method, path, { body, headers });
    }
    if (res.status >= 500)
      failures.push(`${op.method} ${path} ${JSON.stringify(body)} → ${res.status}`);
    return res;
  }

  function query(params: Record<string, string>): string {
    const q = new URLSearchParams(params).toString();
    return q ? `?${q}` : '';
  }

  it('never answers 5xx, whatever the period or number in the path, query or body', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    for (const op of operations) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const fill = (value: (name: string) => string) =>
        pathParams.reduce(
          (p, param) => p.replace(`{${param.name}}`, encodeURIComponent(value(param.name))),
          op.path,
        );
      const plainPath = fill(() => 'x');
      for (const param of pathParams) {
        for (const bad of badValuesFor(param.name)) {
          await call(
            op,
            fill((name) => (name === param.name ? bad : 'x')),
          );
        }
      }
      for (const param of queryParams) {
        for (const bad of badValuesFor(param.name))
          await call(op, plainPath + query({ [param.name]: bad }));
      }
      if (queryParams.some((p) => p.name === 'from')) {
        for (const range of BAD_RANGES) await call(op, plainPath + query(range));
      }
      const schema = op.requestBody?.content['application/json']?.schema;
      if (schema) {
        for (const bad of [...BAD_MONTHS, ...BAD_YEARS, ...BAD_DATES, ...BAD_INSTANTS]) {
          await call(op, plainPath, sample(doc, schema, bad));
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('refuses a period, month or year with whitespace around it on every route that takes one', async () => {
    const taking = operations
      .map((op) => ({
        op,
        names: (op.parameters ?? [])
          .filter((p) => p.in === 'query' && PERIOD_PARAM.test(p.name))
          .map((p) => p.name),
      }))
      .filter(({ op, names }) => names.length > 0 && !op.path.includes('{'));
    const paths = taking.map(({ op }) => op.path);
    // Found in the OpenAPI document, so a new route is covered when it is added; these at least
    // (the assessment export once answered 500 to "2026-Q1\n", its file name carrying the line break).
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/tally/node',
        '/api/v1/tally/node/trend',
        '/api/v1/tally/units',
        '/api/v1/tally/units/trend',
        '/api/v1/tally/channels',
        '/api/v1/exports/tally.csv',
        '/api/v1/exports/tally.xlsx',
        '/api/v1/assessment',
        '/api/v1/exports/assessment.xlsx',
        '/api/v1/public/stats',
        '/api/v1/holidays',
        '/api/v1/targets',
      ]),
    );
    const wrong: string[] = [];
    for (const { op, names } of taking) {
      for (const name of names) {
        const good = GOOD_VALUES[name]!;
        for (const value of good.flatMap(spaced)) {
          // A range needs both ends: the other end stays well-formed.
          const params: Record<string, string> =
            name === 'from'
              ? { from: value, to: '2026-03' }
              : name === 'to'
                ? { from: '2026-01', to: value }
                : { [name]: value };
          const res = await call(op, op.path + query(params));
          const body = await res.text();
          const error = parseError(body);
          // A Vietnamese message has letters outside ASCII (diacritics).
          if (
            res.status !== 422 ||
            error?.code !== 'validation_failed' ||
            !/[^ -~]/.test(error.message ?? '')
          ) {
            wrong.push(
              `${op.method} ${op.path} ${name}=${JSON.stringify(value)} → ${res.status} ${body.slice(0, 120)}`,
            );
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(failures).toEqual([]);
  }, 300_000);

  it('refuses a holiday date with whitespace around it with 422', async () => {
    for (const date of spaced('2026-09-02')) {
      const res = await w.admin.send('PUT', `/api/v1/holidays/${encodeURIComponent(date)}`, {
        body: { name: 'Ngày lạ' },
      });
      expect(res.status, JSON.stringify(date)).toBe(422);
    }
  });

  it('refuses a period with whitespace around it on the public page with 400', async () => {
    for (const value of ['2026-03', '2026-Q1', '2026'].flatMap(spaced)) {
      const res = await w.app.request(`/public?period=${encodeURIComponent(value)}`);
      expect(res.status, JSON.stringify(value)).toBe(400);
    }
  });

  it('stores or refuses records whose times are out of range, one by one, never 5xx', async () => {
    const tablet = w.admin;
    let seq = 1000;
    for (const deviceTime of BAD_INSTANTS) {
      const items = [
        rating(w.device, ++seq, { sectorId: 'x', level: 5, deviceTime }),
        feedback(w.device, ++seq, {
          deviceTime,
          contact: { name: 'A', consentVersion: 'v1', consentAt: deviceTime },
        }),
      ];
      const res = await sync(tablet, w.device, items);
      expect(res.status, deviceTime).toBeLessThan(500);
    }
  });

  it.each([
    ['/api/v1/public/stats?month=0000-01'],
    ['/api/v1/public/stats?month=9999-12'],
    ['/api/v1/public/stats?month=1999-12'],
    ['/api/v1/tally/units?month=0000-01'],
    ['/api/v1/tally/units?month=2101-01'],
    ['/api/v1/tally/units/trend?from=0000-01&to=0000-02'],
    ['/api/v1/tally/node/trend?from=2000-01&to=2100-12'],
    ['/api/v1/tally/node/trend?from=2026-12&to=2026-01'],
    ['/api/v1/tally/node?period=0000'],
    ['/api/v1/exports/tally.csv?month=0000-01'],
    ['/api/v1/exports/tally.xlsx?month=9999-12'],
    ['/api/v1/feedback/on-time?month=0000-01'],
    ['/api/v1/holidays?year=99999'],
    ['/api/v1/targets?year=0'],
    ['/api/v1/feedback?offset=1e308'],
    ['/api/v1/feedback?limit=1e308'],
  ])('refuses %s with 422 and a Vietnamese message', async (path) => {
    const res = await w.admin.get(path);
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({
      code: 'validation_failed',
      message: expect.any(String),
    });
  });

  it('refuses a holiday outside the years it keeps with 422', async () => {
    for (const date of ['0100-01-01', '9999-12-31']) {
      const res = await w.admin.send('PUT', `/api/v1/holidays/${date}`, {
        body: { name: 'Ngày lạ' },
      });
      expect(res.status, date).toBe(422);
    }
  });
});
