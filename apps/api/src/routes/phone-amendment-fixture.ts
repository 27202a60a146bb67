/**
 * A world for the phone page's level-and-amendment tests (issue 21): the demo catalogue, an admin
 * who reads the tally, a citizen's session, Sở Tư pháp with a counter and a sector; the requests the
 * page makes; and every row a rating writes or moves, to compare two worlds.
 */
import { expect } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import type { UnitSurveySettings } from '@hailong/contracts';
import { freshDatabase, type TestDialect } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { CounterRow, SectorRow, UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../services/seed.service.ts';

const PASSWORD = 'quản-trị-đánh-giá-1';
/** Friday 20/11/2026, 10:00 in Hà Nội. */
const START = Date.UTC(2026, 10, 20, 3);
const MONTH = '2026-11';

export interface World {
  database: DatabaseHandle;
  clock: TestClock;
  citizen: Session;
  admin: Session;
  unit: UnitRow;
  counter: CounterRow;
  sector: SectorRow;
}

export async function world(dialect: TestDialect): Promise<World> {
  const database = await freshDatabase(dialect);
  const clock = new TestClock(START);
  await seedDemoCatalogue(database.repos, clock.read);
  await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
  const { app } = testApp(database, clock);
  const admin = new Session(app);
  expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  const unit = (await database.repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
  const [counter] = await database.repos.catalogue.listCounters(unit.id);
  const [sector] = await database.repos.catalogue.listSectors(unit.id);
  return {
    database,
    clock,
    citizen: new Session(app),
    admin,
    unit,
    counter: counter!,
    sector: sector!,
  };
}

export const survey = (w: World, changes: Partial<UnitSurveySettings>) =>
  w.database.repos.survey.putSurveySettings({
    unitId: w.unit.id,
    settings: { ...DEFAULT_SURVEY_SETTINGS, ...changes },
    updatedAt: w.clock.now,
    updatedBy: null,
  });

export const ALL_ASKED: Partial<UnitSurveySettings> = {
  dossier: 'optional',
  respondentType: true,
  questions: { visits: true, agencies: true, attitude: true },
};

export const newKey = () => randomBytes(32).toString('base64url');

export const rate = (w: World, body: Record<string, unknown>) =>
  w.citizen.post(`/api/v1/phone/units/${w.unit.id}/ratings`, body);
export const amend = (w: World, id: string, body: Record<string, unknown>) =>
  w.citizen.post(`/api/v1/phone/units/${w.unit.id}/ratings/${id}/amendment`, body);

/** The level as the page sends it on the press: its id, its key, nothing that follows. */
export const level = (w: World, value: number, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  amendKey: newKey(),
  counterId: w.counter.id,
  sectorId: w.sector.id,
  level: value,
  ...extra,
});

export async function total(w: World): Promise<number> {
  const res = await w.admin.get(`/api/v1/tally?node=${w.unit.id}&period=${MONTH}`);
  expect(res.status).toBe(200);
  return (await res.json()).totals.total;
}

/**
 * Every row a rating writes or moves, sorted, with the world's own catalogue ids named by their
 * codes (two worlds seed the same catalogue under other ids). Counters at zero are left out: the
 * node counters keep a row that fell to zero, and a rating counted and moved leaves one where a
 * rating stored in its final place leaves none — the same figures either way. The ledger's content
 * hash is not here: it is the hash of what was sent.
 */
export async function stored(w: World) {
  const db = w.database.db;
  const [units, sectors, counters, sources] = await Promise.all([
    db.selectFrom('units').select(['id', 'code']).execute(),
    db.selectFrom('sectors').select(['id', 'code']).execute(),
    db.selectFrom('counters').select(['id', 'code']).execute(),
    db.selectFrom('devices').select(['id', 'channel as code']).execute(),
  ]);
  const names = new Map(
    [...units, ...sectors, ...counters, ...sources].map((r) => [r.id, `<${r.code}>`]),
  );
  const sorted = (rows: object[]) =>
    rows
      .filter((r) => !('count' in r) || Number(r.count) !== 0)
      .map((r) =>
        JSON.stringify(r).replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (id) => names.get(id) ?? id),
      )
      .sort();
  return {
    ratings: sorted(await db.selectFrom('ratings').selectAll().execute()),
    dossierRatings: sorted(await db.selectFrom('dossierRatings').selectAll().execute()),
    ratingRollups: sorted(await db.selectFrom('ratingRollups').selectAll().execute()),
    ratingReasonRollups: sorted(await db.selectFrom('ratingReasonRollups').selectAll().execute()),
    nodeRollups: sorted(await db.selectFrom('nodeRollups').selectAll().execute()),
    nodeTotals: sorted(await db.selectFrom('nodeTotals').selectAll().execute()),
    nodeReasonRollups: sorted(await db.selectFrom('nodeReasonRollups').selectAll().execute()),
    counterRollups: sorted(await db.selectFrom('counterRollups').selectAll().execute()),
    alertUnhappy: sorted(await db.selectFrom('alertUnhappy').selectAll().execute()),
  };
}
