/**
 * The indicator file for the provincial reporting system (issue 24, item 3), on both dialects: the
 * figures are the tally's and the assessment's for the same node and period, the JSON validates
 * against the published JSON Schema, the CSV says the same; the pull route opens only with an
 * unrevoked token an admin created, within the token's subtree.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssessmentReport,
  IndicatorFile,
  NodeTally,
  PullTokenCreated,
  PullTokenList,
  type Indicator,
} from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { parseCsv, tallyWorld, type TallyWorld } from '../../test/fixtures/tally-fixture.ts';
import { INDICATOR_CSV_HEADER } from './indicators-csv.ts';

const SCHEMA = JSON.parse(
  readFileSync(
    new URL('../../../../packages/contracts/schemas/indicators.schema.json', import.meta.url),
    'utf8',
  ),
);
const validate = new Ajv({ allErrors: true }).compile(SCHEMA);
const PERIOD = '2026-Q4';

const byCode = (file: IndicatorFile) => new Map(file.indicators.map((i) => [i.code, i]));

describe.each(dialects)('the indicator file on %s', (dialect) => {
  let w: TallyWorld;
  let citizen: Session;
  beforeAll(async () => {
    w = await tallyWorld(dialect);
    citizen = new Session(w.app);
  });
  afterAll(() => w?.database.close());

  const pull = (token: string, query: string) =>
    citizen.get(`/api/v1/pull/indicators?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  const createToken = async (body: unknown) => {
    const res = await w.admin.post('/api/v1/settings/pull-tokens', body);
    expect(res.status).toBe(201);
    return PullTokenCreated.parse(await res.json());
  };

  it('gives the tally’s and the assessment’s figures under stable codes, valid against the schema', async () => {
    for (const node of [undefined, w.unit.id]) {
      const q = `period=${PERIOD}${node ? `&node=${node}` : ''}`;
      const res = await w.admin.get(`/api/v1/indicators?${q}`);
      expect(res.status).toBe(200);
      const json = await res.json();
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      const file = IndicatorFile.parse(json);
      const tally = NodeTally.parse(await (await w.admin.get(`/api/v1/tally/node?${q}`)).json());
      const codes = byCode(file);
      expect(file.node.id).toBe(tally.node.id);
      expect(file.period).toMatchObject({ id: PERIOD, from: '2026-10-01', to: '2026-12-31' });
      const overall = codes.get('HL.TYLE_CHUNG')!;
      expect(overall).toMatchObject({
        unit: 'ratio',
        numerator: tally.totals.satisfied,
        denominator: tally.totals.total,
        value: tally.totals.rate,
      });
      expect(tally.totals.total).toBeGreaterThan(0);
      expect(codes.get('HL.SO_PHIEU')!.value).toBe(tally.totals.total);
      expect(codes.get('HL.CHITIEU')!.value).toBe(tally.totals.target);
      // The one verdict rule's, in the file's codes.
      expect(codes.get('HL.KETQUA')!.value).toBe(tally.totals.verdict?.replace('-', '_') ?? null);
      for (const s of tally.sectors) {
        expect(codes.get(`HL.TYLE_LINHVUC.${s.sectorCode}`), s.sectorCode).toMatchObject({
          numerator: s.satisfied,
          denominator: s.total,
        });
      }
      expect(codes.has('HL.PA_DUNGHAN')).toBe(true);
      // TT 01: exactly the indicators some unit of the node measured.
      const tt = AssessmentReport.parse(
        await (await w.admin.get(`/api/v1/assessment?${q}&by=unit`)).json(),
      );
      const measured = new Set(
        tt.rows.flatMap((r) => r.indicators.filter((s) => s.points !== null && s.n > 0)),
      );
      expect([...codes.keys()].filter((c) => c.startsWith('TT01.')).sort()).toEqual(
        [...new Set([...measured].map((s) => `TT01.CS${s.indicator}`))].sort(),
      );
      for (const i of file.indicators) expect(i.definition.length, i.code).toBeGreaterThan(20);
    }
  });

  it('writes the same file as CSV with stable columns and plain numbers', async () => {
    const json = IndicatorFile.parse(
      await (await w.admin.get(`/api/v1/indicators?period=${PERIOD}&node=${w.unit.id}`)).json(),
    );
    const res = await w.admin.get(
      `/api/v1/indicators?period=${PERIOD}&node=${w.unit.id}&format=csv`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(INDICATOR_CSV_HEADER);
    const col = (name: string) => INDICATOR_CSV_HEADER.indexOf(name);
    expect(rows.slice(1).map((r) => r[col('code')])).toEqual(json.indicators.map((i) => i.code));
    const overall = rows.find((r) => r[col('code')] === 'HL.TYLE_CHUNG')!;
    const figure = byCode(json).get('HL.TYLE_CHUNG')!;
    expect(Number(overall[col('value')])).toBe(figure.value);
    expect(overall[col('numerator')]).toBe(String(figure.numerator));
    expect(overall[col('display')]).toBe(figure.display);
  });

  it('lets only an admin create a token, shows it once, keeps only its hash, audits it', async () => {
    expect((await w.staff.post('/api/v1/settings/pull-tokens', { label: 'x' })).status).toBe(403);
    expect((await w.viewer.get('/api/v1/settings/pull-tokens')).status).toBe(403);
    const created = await createToken({ label: 'Hệ thống báo cáo của tỉnh' });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = await w.admin.get('/api/v1/settings/pull-tokens');
    const text = await list.text();
    expect(text).not.toContain(created.token);
    expect(PullTokenList.parse(JSON.parse(text)).tokens.map((t) => t.id)).toContain(
      created.pullToken.id,
    );
    const stored = await w.database.repos.pullTokens.find(created.pullToken.id);
    expect(stored!.tokenHash).not.toContain(created.token);
    const audit = await w.database.repos.audit.list({ entityId: created.pullToken.id, limit: 5 });
    expect(audit.map((a) => a.action)).toEqual(['pull_token.created']);
  });

  it('pulls with a token the same figures a signed-in reader sees; refuses wrong tokens with 401', async () => {
    const { token } = await createToken({ label: 'Tỉnh' });
    const q = `period=${PERIOD}&node=${w.unit.id}`;
    const res = await pull(token, q);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const pulled = IndicatorFile.parse(await res.json());
    const seen = IndicatorFile.parse(await (await w.admin.get(`/api/v1/indicators?${q}`)).json());
    expect(pulled.indicators).toEqual(seen.indicators);
    expect((await pull(token, `period=${PERIOD}&format=csv`)).status).toBe(200);

    const wrong = await pull('A'.repeat(43), q);
    expect([wrong.status, (await wrong.json()).error.code]).toEqual([401, 'unauthenticated']);
    expect((await citizen.get(`/api/v1/pull/indicators?${q}`)).status).toBe(401);
    const malformed = await citizen.get(`/api/v1/pull/indicators?${q}`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(malformed.status).toBe(401);
    // A pull token opens nothing else.
    const elsewhere = await citizen.get(`/api/v1/indicators?${q}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(elsewhere.status).toBe(403);
  });

  it('keeps a token limited to a node within its subtree: 403 outside, its node by default', async () => {
    const { token } = await createToken({ label: 'Sở Tư pháp', nodeId: w.unit.id });
    const own = await pull(token, `period=${PERIOD}`);
    expect(own.status).toBe(200);
    expect(IndicatorFile.parse(await own.json()).node.id).toBe(w.unit.id);
    const outside = await pull(token, `period=${PERIOD}&node=${w.ward.id}`);
    expect([outside.status, (await outside.json()).error.code]).toEqual([403, 'forbidden']);
    expect((await pull(token, `period=${PERIOD}&node=no-such-unit`)).status).toBe(404);
    expect((await pull(token, 'period=2026-Q9')).status).toBe(422);
  });

  it('creates two tokens at once, both working', async () => {
    const [a, b] = await Promise.all([
      createToken({ label: 'Một' }),
      createToken({ label: 'Hai' }),
    ]);
    expect(a.token).not.toBe(b.token);
    for (const { token } of [a, b])
      expect((await pull(token, `period=${PERIOD}`)).status).toBe(200);
  });

  it('refuses every pull after a revocation made while pulls run, and audits it', async () => {
    const { token, pullToken } = await createToken({ label: 'Thu hồi' });
    const q = `period=${PERIOD}&node=${w.unit.id}`;
    const during = Array.from({ length: 6 }, () => pull(token, q));
    const revoked = await w.admin.send('DELETE', `/api/v1/settings/pull-tokens/${pullToken.id}`);
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).revokedAt).not.toBeNull();
    for (const res of await Promise.all(during)) expect([200, 401]).toContain(res.status);
    const after = await Promise.all(Array.from({ length: 4 }, () => pull(token, q)));
    expect(after.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    const audit = await w.database.repos.audit.list({ entityId: pullToken.id, limit: 5 });
    expect(audit.map((a) => a.action).sort()).toEqual(['pull_token.created', 'pull_token.revoked']);
    expect(
      (await w.admin.send('DELETE', '/api/v1/settings/pull-tokens/no-such-token')).status,
    ).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await citizen.get('/api/v1/openapi.json')).json();
    expect(doc.paths['/api/v1/pull/indicators'].get.security).toEqual([{ pull: [] }]);
    expect(doc.paths['/api/v1/indicators'].get).toBeDefined();
    expect(doc.components.securitySchemes.pull).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

describe('the JSON Schema of the indicator file', () => {
  it('is the one generated from the zod schema', async () => {
    const { indicatorFileJsonSchema } = await import('@hailong/contracts');
    expect(SCHEMA).toEqual(JSON.parse(JSON.stringify(indicatorFileJsonSchema())));
  });

  it('refuses what the zod schema refuses', () => {
    const good: IndicatorFile = {
      version: 'hailong.indicators/1',
      node: { id: null, code: null, name: 'Tỉnh' },
      period: { id: '2026', label: 'Năm 2026', from: '2026-01-01', to: '2026-12-31' },
      generatedAt: '2026-11-20T03:00:00.000Z',
      indicators: [],
    };
    const bad: Indicator = {
      code: 'tyle',
      name: 'x',
      definition: 'x',
      unit: 'ratio',
      value: 1,
      display: '',
      numerator: null,
      denominator: null,
      sample: null,
    };
    expect(validate(good)).toBe(true);
    expect(IndicatorFile.safeParse(good).success).toBe(true);
    const wrong = { ...good, indicators: [bad] };
    expect(validate(wrong)).toBe(false);
    expect(IndicatorFile.safeParse(wrong).success).toBe(false);
  });
});
