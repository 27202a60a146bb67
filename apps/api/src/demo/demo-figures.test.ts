/**
 * The demo province's figures do not move when ingest and the counters are redesigned (issue 22,
 * "Done when"): every tally (by node and period, by sector, trends, counters, channels), the
 * leagues, the TT 01/2018 assessment by officer, unit and sector, the on-time figures and the
 * public page, read through the API on both dialects, equal those of the code before the redesign
 * (commit 59d8fc8, where both dialects gave the same). The demo is seeded at a fixed instant, so
 * nothing depends on today's date. Where the redesign changes a figure on purpose (items 3 and 4),
 * adapt that section here and list the change in the closing note; when a route or its
 * response changes shape, adapt its collector in test/support/demo-figures.ts, never the JSON.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import {
  collectDemoFigures,
  DEMO_ADMIN_PASSWORD,
  DEMO_MONTHS,
  DEMO_NOW,
  type DemoFigures,
} from '../../../../test/support/demo-figures.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { onFeedbackReceived } from '../feedback/feedback-intake.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from './seed.service.ts';
import { seedDemoRatings } from './demo-ratings.ts';
import { seedDemoSurvey } from './demo-survey.ts';

const before = JSON.parse(
  readFileSync(
    new URL('../../../../test/fixtures/demo-figures.before.json', import.meta.url),
    'utf8',
  ),
) as DemoFigures;

/** The demo as a start with HAILONG_DEMO seeds it (main.ts), at DEMO_NOW. */
async function seedDemo(database: DatabaseHandle, clock: TestClock): Promise<void> {
  await seedDemoCatalogue(database.repos, clock.read);
  await ensureFirstAdmin(database.repos, clock.read, DEMO_ADMIN_PASSWORD);
  await seedDemoRatings(database.repos, clock.read, onFeedbackReceived, DEMO_MONTHS);
  await seedDemoSurvey(database.repos, clock.read);
}

describe.each(dialects)('the demo province’s figures on %s', (dialect) => {
  let database: DatabaseHandle;
  let after: DemoFigures;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const clock = new TestClock(DEMO_NOW);
    await seedDemo(database, clock);
    const admin = new Session(testApp(database, clock).app);
    expect((await admin.login('admin', DEMO_ADMIN_PASSWORD)).status).toBe(200);
    after = await collectDemoFigures(admin);
  }, 600_000);
  afterAll(() => database?.close());

  it('reads every kind of figure read before', () => {
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });

  it.each(Object.keys(before))('%s: the same as before the redesign', (section) => {
    expect(after[section]).toEqual(before[section]);
  });
});
