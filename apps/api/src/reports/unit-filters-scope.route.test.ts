/**
 * Every filter that names a unit or node refuses one outside the reader's scope with 404 (access.ts)
 * and never answers with the reader's own units instead (issue 21, item 5). Commune A's supervisor
 * and staff member ask each list, report and export about commune B, and about an id that names
 * no unit: each is "not found". The same question about commune A is answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import type { Session } from '../../../../test/support/api-client.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

const PERIOD = '2026-11';

/** Every read that takes a unit or node, as a path with `{u}` where the unit goes. */
const FILTERS = [
  '/api/v1/feedback?unitId={u}',
  `/api/v1/feedback/on-time?month=${PERIOD}&unitId={u}`,
  `/api/v1/tally/units?month=${PERIOD}&unit={u}`,
  `/api/v1/tally/units/trend?from=2026-10&to=${PERIOD}&unit={u}`,
  `/api/v1/tally/node?period=${PERIOD}&node={u}`,
  `/api/v1/tally/node/trend?from=2026-10&to=${PERIOD}&node={u}`,
  `/api/v1/tally/counters?unit={u}&period=${PERIOD}`,
  `/api/v1/tally/comments?period=${PERIOD}&node={u}`,
  `/api/v1/tally/channels?period=${PERIOD}&node={u}`,
  `/api/v1/league?period=${PERIOD}&parent={u}`,
  `/api/v1/assessment?period=${PERIOD}&by=officer&node={u}`,
  `/api/v1/exports/tally.csv?month=${PERIOD}&unitId={u}`,
  `/api/v1/exports/tally.csv?period=${PERIOD}&node={u}`,
  `/api/v1/exports/tally.xlsx?period=${PERIOD}&node={u}`,
  `/api/v1/exports/comments.csv?period=${PERIOD}&node={u}`,
  `/api/v1/exports/assessment.xlsx?period=${PERIOD}&by=unit&node={u}`,
  '/api/v1/units/{u}/officers',
  '/api/v1/units/{u}/counter-duty',
  '/api/v1/units/{u}/survey-settings',
  '/api/v1/alert-rules?unitId={u}',
];

describe.each(dialects)('unit filters by scope on %s', (dialect) => {
  let w: ScopeWorld;

  beforeAll(async () => {
    w = await scopeWorld(dialect);
  });
  afterAll(() => w.database.close());

  const statuses = async (session: Session, unitId: string) => {
    const out: [string, number][] = [];
    for (const path of FILTERS) {
      const res = await session.get(path.replace('{u}', unitId));
      out.push([path, res.status]);
    }
    return out;
  };

  it("answers 404 to commune A's supervisor and staff asking about commune B or no unit at all", async () => {
    for (const session of [w.supA, w.staffA]) {
      for (const unitId of [w.communeB.id, 'khong-co-don-vi']) {
        expect(await statuses(session, unitId)).toEqual(FILTERS.map((p) => [p, 404]));
      }
    }
  });

  it('answers the same questions about commune A', async () => {
    expect(await statuses(w.supA, w.communeA.id)).toEqual(FILTERS.map((p) => [p, 200]));
  });
});
