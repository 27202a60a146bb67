/**
 * Officers at counters (issue 12): each officer's counter PIN (set by themselves, cleared by a
 * supervisor), who serves at each counter (set in the console or signed in on the tablet; the later
 * `since` wins), and the roster a tablet caches to check PINs offline. Only people attached to the
 * counter's own unit as staff or supervisor may serve there.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { makePinVerifier, mayServeAt } from '@hailong/domain';
import type { CounterDuty, CounterDutyView, RosterOfficer, UnitOfficer } from '@hailong/contracts';
import type { CounterDutyRow, DeviceRow, Repositories, UserRow } from '../repositories/index.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from '../auth/access.ts';

/** A tablet's clock may run ahead; a sign-in is never dated later than the server's now. */
const iso = (ms: number) => new Date(ms).toISOString();

const notAnOfficer = () =>
  new ApiError(422, 'not_an_officer', 'Người này không phải cán bộ của đơn vị có quầy này.', [
    { path: 'officerId', message: 'not an officer of the counter unit' },
  ]);

export function createOfficersService(repos: Repositories, clock: Clock) {
  async function audit(
    actorId: string | null,
    action: string,
    type: string,
    id: string,
    details: unknown,
  ) {
    await repos.audit.append({
      id: randomUUID(),
      at: clock(),
      actorId,
      action,
      entityType: type,
      entityId: id,
      details,
    });
  }

  async function officersOf(unitId: string): Promise<UserRow[]> {
    return (await repos.users.list()).filter((u) => mayServeAt(u, unitId, clock()));
  }

  async function dutyView(counterId: string): Promise<CounterDutyView> {
    const counter = (await repos.catalogue.findCounter(counterId))!;
    const duty = (await repos.survey.listDuties([counterId])).get(counterId);
    const officer = duty?.officerId ? await repos.users.findById(duty.officerId) : undefined;
    return toView(counter, duty, officer?.displayName ?? null);
  }

  return {
    async myPin(user: UserRow): Promise<{ hasPin: boolean }> {
      return { hasPin: (await repos.survey.listPins([user.id])).has(user.id) };
    },

    /** Sets or changes the signed-in person's own counter PIN; audited without the PIN. */
    async setMyPin(user: UserRow, pin: string): Promise<{ hasPin: boolean }> {
      const verifier = await makePinVerifier(pin, new Uint8Array(randomBytes(16)));
      await repos.survey.putPin({ userId: user.id, verifier, updatedAt: clock() });
      await audit(user.id, 'user.counter_pin', 'user', user.id, { set: true });
      return { hasPin: true };
    },

    /** A supervisor (within their subtree) or an admin clears someone's counter PIN; audited. */
    async clearPin(actor: UserRow, userId: string): Promise<void> {
      const target = await repos.users.findById(userId);
      if (!target) throw notFound('Người dùng');
      const access = await loadAccess(repos, actor);
      if (target.unitId === null) {
        if (actor.role !== 'admin') throw forbidden();
      } else {
        if (!access.visibleUnits([target.unitId]).length) throw notFound('Người dùng');
        access.requireManage(target.unitId);
      }
      const had = await repos.survey.deletePin(userId);
      await audit(actor.id, 'user.counter_pin_clear', 'user', userId, { had });
    },

    /** The people who may serve at the counters of a unit the user may see. */
    async officers(user: UserRow, unitId: string): Promise<UnitOfficer[]> {
      (await loadAccess(repos, user)).requireVisible(unitId);
      const officers = await officersOf(unitId);
      const pins = await repos.survey.listPins(officers.map((o) => o.id));
      return officers.map((o) => ({
        id: o.id,
        name: o.displayName,
        username: o.username,
        hasPin: pins.has(o.id),
      }));
    },

    /** The active counters of a unit the user may see, each with who serves there. */
    async duties(user: UserRow, unitId: string): Promise<CounterDutyView[]> {
      (await loadAccess(repos, user)).requireVisible(unitId);
      const counters = await repos.catalogue.listCounters(unitId, { activeOnly: true });
      const duties = await repos.survey.listDuties(counters.map((c) => c.id));
      const names = new Map((await repos.users.list()).map((u) => [u.id, u.displayName]));
      return counters.map((c) => {
        const duty = duties.get(c.id);
        return toView(c, duty, duty?.officerId ? (names.get(duty.officerId) ?? null) : null);
      });
    },

    /** A supervisor or admin sets who serves at a counter in scope, now; audited. */
    async setDuty(user: UserRow, counterId: string, officerId: string | null) {
      const counter = await repos.catalogue.findCounter(counterId);
      const access = await loadAccess(repos, user);
      if (!counter || !access.visibleUnits([counter.unitId]).length) throw notFound('Quầy');
      access.requireManage(counter.unitId);
      if (officerId !== null) {
        const officer = await repos.users.findById(officerId);
        if (!officer || !mayServeAt(officer, counter.unitId, clock())) throw notAnOfficer();
      }
      const now = clock();
      const stored = await repos.survey.putDutyIfNewer({
        counterId,
        officerId,
        since: now,
        source: 'console',
        setBy: user.id,
        updatedAt: now,
      });
      await audit(user.id, 'counter.duty', 'counter', counterId, {
        officerId,
        source: 'console',
        applied: stored.since === now && stored.officerId === officerId,
      });
      return dutyView(counterId);
    },

    /**
     * A tablet reports a sign-in or sign-out at its counter. The officer must be on its roster (of
     * its unit, with a PIN). Kept unless the server knows a newer duty; answers the duty in force.
     */
    async reportDuty(
      device: DeviceRow,
      report: { officerId: string | null; since: string },
    ): Promise<CounterDuty> {
      if (device.counterId === null) {
        throw new ApiError(409, 'no_counter', 'Máy tính bảng chưa được gắn với quầy nào.');
      }
      if (report.officerId !== null) {
        const officer = await repos.users.findById(report.officerId);
        const pins = await repos.survey.listPins([report.officerId]);
        if (!officer || !mayServeAt(officer, device.unitId, clock()) || !pins.has(officer.id)) {
          throw notAnOfficer();
        }
      }
      const now = clock();
      const since = Math.min(Date.parse(report.since), now);
      const stored = await repos.survey.putDutyIfNewer({
        counterId: device.counterId,
        officerId: report.officerId,
        since,
        source: 'tablet',
        setBy: device.id,
        updatedAt: now,
      });
      await audit(null, 'counter.duty', 'counter', device.counterId, {
        officerId: report.officerId,
        source: 'tablet',
        deviceId: device.id,
        since: iso(since),
        applied: stored.since === since && stored.officerId === report.officerId,
      });
      return { officerId: stored.officerId, since: iso(stored.since) };
    },

    /** The officers of a unit with a counter PIN, as a tablet caches them. */
    async roster(unitId: string): Promise<RosterOfficer[]> {
      const officers = await officersOf(unitId);
      const pins = await repos.survey.listPins(officers.map((o) => o.id));
      return officers
        .filter((o) => pins.has(o.id))
        .map((o) => ({ id: o.id, name: o.displayName, pinVerifier: pins.get(o.id)! }));
    },

    async dutyOf(counterId: string): Promise<CounterDuty | null> {
      const duty = (await repos.survey.listDuties([counterId])).get(counterId);
      return duty ? { officerId: duty.officerId, since: iso(duty.since) } : null;
    },
  };
}

function toView(
  counter: { id: string; name: string; unitId: string },
  duty: CounterDutyRow | undefined,
  officerName: string | null,
): CounterDutyView {
  return {
    counterId: counter.id,
    counterName: counter.name,
    unitId: counter.unitId,
    officerId: duty?.officerId ?? null,
    officerName: duty?.officerId ? officerName : null,
    since: duty ? iso(duty.since) : null,
    source: duty?.source ?? null,
  };
}

export type OfficersService = ReturnType<typeof createOfficersService>;
