/**
 * The phone page's abuse limits, on both dialects: 200 submissions fired at once from one address
 * are held to the burst limit (reserved atomically: never one more than it allows), while 30
 * citizens behind one Wi-Fi (one address) rating and writing at a normal pace all get through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';
import { PHONE_THROTTLE } from './phone-intake.service.ts';

describe.each(dialects)('phone abuse limits on %s', (dialect) => {
  let w: FeedbackWorld;
  let unitId: string;
  let counterId: string;
  let sectorId: string;

  beforeAll(async () => {
    w = await feedbackWorld(dialect);
    unitId = w.unit.id;
    counterId = (await w.database.repos.catalogue.listCounters(unitId))[0]!.id;
    sectorId = (await w.database.repos.catalogue.listSectors(unitId))[0]!.id;
  });
  afterAll(() => w.database.close());

  const phoneRatings = () =>
    w.database.db
      .selectFrom('ratings')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('channel', '=', 'phone')
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  it('limits 200 rapid submissions from one address to the burst allowance', async () => {
    const client = new Session(w.app);
    const before = await phoneRatings();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        client.post(`/api/v1/phone/units/${unitId}/ratings`, {
          id: randomUUID(),
          counterId,
          sectorId,
          level: 1,
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    const accepted = statuses.filter((s) => s === 201).length;
    expect(accepted).toBe(PHONE_THROTTLE.burst.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - accepted);
    const limited = answers.find((r) => r.status === 429)!;
    const body = await limited.json();
    expect(body.error.code).toBe('too_many_requests');
    expect(body.error.message).toContain('Vui lòng đợi');
    expect(body.error.details).toEqual({ retryAfterSeconds: 60 });
    expect((await phoneRatings()) - before).toBe(accepted);
  });

  it('lets 30 citizens behind one address at a normal pace all rate and write', async () => {
    w.clock.advance(2 * 60 * 60 * 1000);
    const before = await phoneRatings();
    for (let i = 0; i < 30; i++) {
      // One citizen every 40 seconds at the counter; each rates, and every third writes too.
      w.clock.advance(40_000);
      const phone = new Session(w.app);
      const config = await phone.get(`/api/v1/phone/config?unit=${unitId}&counter=${counterId}`);
      expect(config.status).toBe(200);
      const rated = await phone.post(`/api/v1/phone/units/${unitId}/ratings`, {
        id: randomUUID(),
        counterId,
        sectorId,
        level: 4 + (i % 2),
      });
      expect(rated.status).toBe(201);
      if (i % 3 === 0) {
        w.clock.advance(20_000);
        const wrote = await phone.post(`/api/v1/phone/units/${unitId}/feedback`, {
          id: randomUUID(),
          counterId,
          feedbackKind: 'kien_nghi',
          content: `Đề nghị bố trí thêm ghế chờ (${i}).`,
        });
        expect(wrote.status).toBe(201);
      }
    }
    expect((await phoneRatings()) - before).toBe(30);
  });
});
