/**
 * The survey store's contract on both dialects: a PIN verifier per person, replaced and deleted;
 * a counter's duty where the later `since` wins whatever order the writes arrive in (an equal one
 * replaces); a unit's survey settings kept as written and dropped again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { seedDemoCatalogue } from '../demo/seed.service.ts';
import type { CounterDutyRow, Repositories } from '../repositories/index.ts';

const T0 = 1_790_000_000_000;

describe.each(dialects)('survey repository on %s', (dialect) => {
  let database: DatabaseHandle;
  let repos: Repositories;
  let unitId: string;
  let counterId: string;
  const users = ['officer-1', 'officer-2'];

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    repos = database.repos;
    await seedDemoCatalogue(repos, () => T0);
    const unit = (await repos.catalogue.listUnits()).find((u) => u.code === 'ubnd-xa-quang-dien')!;
    unitId = unit.id;
    counterId = (await repos.catalogue.listCounters(unit.id))[0]!.id;
    for (const id of users) {
      await repos.users.create({
        id,
        username: id,
        displayName: id,
        role: 'staff',
        unitId,
        passwordHash: 'x',
        disabledAt: null,
        createdAt: T0,
        updatedAt: T0,
      });
    }
  });
  afterAll(() => database?.close());

  it('keeps one verifier per person', async () => {
    await repos.survey.putPin({ userId: 'officer-1', verifier: 'pbkdf2$1$a$b', updatedAt: T0 });
    await repos.survey.putPin({ userId: 'officer-1', verifier: 'pbkdf2$2$c$d', updatedAt: T0 + 1 });
    await repos.survey.putPin({ userId: 'officer-2', verifier: 'pbkdf2$3$e$f', updatedAt: T0 });
    expect(await repos.survey.listPins(['officer-1'])).toEqual(
      new Map([['officer-1', 'pbkdf2$2$c$d']]),
    );
    expect((await repos.survey.listPins()).size).toBe(2);
    expect(await repos.survey.listPins([])).toEqual(new Map());
    expect(await repos.survey.deletePin('officer-2')).toBe(true);
    expect(await repos.survey.deletePin('officer-2')).toBe(false);
  });

  it("lets the later since win a counter's duty, in any order of arrival", async () => {
    const duty = (officerId: string | null, since: number): CounterDutyRow => ({
      counterId,
      officerId,
      since,
      source: 'tablet',
      setBy: 'device-1',
      updatedAt: T0 + 100,
    });
    expect(await repos.survey.putDutyIfNewer(duty('officer-1', T0 + 10))).toMatchObject({
      officerId: 'officer-1',
      since: T0 + 10,
    });
    // An older report arriving late changes nothing.
    expect(await repos.survey.putDutyIfNewer(duty('officer-2', T0 + 5))).toMatchObject({
      officerId: 'officer-1',
      since: T0 + 10,
    });
    expect(await repos.survey.putDutyIfNewer(duty(null, T0 + 10))).toMatchObject({
      officerId: null,
    });
    expect(
      await repos.survey.putDutyIfNewer({ ...duty('officer-2', T0 + 20), source: 'console' }),
    ).toEqual({ ...duty('officer-2', T0 + 20), source: 'console' });
    expect((await repos.survey.listDuties([counterId])).get(counterId)?.officerId).toBe(
      'officer-2',
    );
    expect(await repos.survey.listDuties([])).toEqual(new Map());
  });

  it("keeps a unit's survey settings as written", async () => {
    const settings = {
      ...DEFAULT_SURVEY_SETTINGS,
      dossier: 'required' as const,
      dossierPattern: '^HS-\\d{4}$',
      questions: { visits: true, agencies: false, attitude: true },
    };
    await repos.survey.putSurveySettings({ unitId, settings, updatedAt: T0, updatedBy: null });
    await repos.survey.putSurveySettings({
      unitId,
      settings: { ...settings, respondentType: true },
      updatedAt: T0 + 1,
      updatedBy: 'officer-1',
    });
    expect(await repos.survey.listSurveySettings()).toEqual([
      {
        unitId,
        settings: { ...settings, respondentType: true },
        updatedAt: T0 + 1,
        updatedBy: 'officer-1',
      },
    ]);
    expect(await repos.survey.deleteSurveySettings(unitId)).toBe(true);
    expect(await repos.survey.listSurveySettings()).toEqual([]);
  });
});
