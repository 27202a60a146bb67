/**
 * The demo's officers at counters and survey (issue 12): UBND xã Quảng Điền asks the extra questions
 * (dossier code optional, respondent type, visits, agencies, attitude), its two demo staff accounts
 * have counter PINs (clerk 1234, leader 5678; demo only, see the README) and the clerk is on duty
 * at its counter, so a kiosk enrolled there shows the whole flow.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_SURVEY_SETTINGS, makePinVerifier } from '@hailong/domain';
import type { Repositories } from '../repositories/index.ts';
import type { Clock } from '../jobs/clock.ts';

export const DEMO_SURVEY_UNIT = 'ubnd-xa-quang-dien';
export const DEMO_COUNTER_PINS: Readonly<Record<string, string>> = {
  [`demo.${DEMO_SURVEY_UNIT}`]: '1234',
  [`demo.ld.${DEMO_SURVEY_UNIT}`]: '5678',
};

export async function seedDemoSurvey(repos: Repositories, clock: Clock): Promise<void> {
  const unit = (await repos.catalogue.listUnits()).find((u) => u.code === DEMO_SURVEY_UNIT);
  if (!unit) return;
  const now = clock();
  await repos.survey.putSurveySettings({
    unitId: unit.id,
    settings: {
      ...DEFAULT_SURVEY_SETTINGS,
      dossier: 'optional',
      respondentType: true,
      questions: { visits: true, agencies: true, attitude: true },
    },
    updatedAt: now,
    updatedBy: null,
  });
  for (const [username, pin] of Object.entries(DEMO_COUNTER_PINS)) {
    const user = await repos.users.findByUsername(username);
    if (!user) continue;
    const verifier = await makePinVerifier(pin, new Uint8Array(randomBytes(16)));
    await repos.survey.putPin({ userId: user.id, verifier, updatedAt: now });
  }
  const [counter] = await repos.catalogue.listCounters(unit.id, { activeOnly: true });
  const clerk = await repos.users.findByUsername(`demo.${DEMO_SURVEY_UNIT}`);
  if (counter && clerk) {
    await repos.survey.putDutyIfNewer({
      counterId: counter.id,
      officerId: clerk.id,
      since: now,
      source: 'console',
      setBy: null,
      updatedAt: now,
    });
  }
}
