import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import type { DeviceConfig, UnitSurveySettings } from '@hailong/contracts';
import { attributionOf, dutyInForce, officerOnDuty, type LocalDuty } from './officer-duty.ts';

const settings = (change: Partial<UnitSurveySettings>): UnitSurveySettings => ({
  ...structuredClone(DEFAULT_SURVEY_SETTINGS),
  ...change,
});
const all = settings({
  dossier: 'optional',
  respondentType: true,
  questions: { visits: true, agencies: true, attitude: true },
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, minute)).toISOString();
const roster = [
  { id: 'an', name: 'Nguyễn Văn An', pinVerifier: 'pbkdf2$…' },
  { id: 'binh', name: 'Trần Thị Bình', pinVerifier: 'pbkdf2$…' },
];
const config = (change: Partial<DeviceConfig> = {}): DeviceConfig => ({
  device: { id: 'd1', label: 'Quầy 1' },
  unit: { id: 'u1', name: 'UBND phường', scale: 'five' },
  counter: { id: 'c1', name: 'Quầy 1' },
  sectors: [],
  settings: { idleTimeoutSeconds: 30, repeatWindowSeconds: 5, consentVersion: 'v1' },
  survey: all,
  roster,
  duty: { officerId: 'an', since: at(0) },
  ...change,
});
const local = (officerId: string | null, minute: number): LocalDuty => ({
  officerId,
  since: at(minute),
  reported: false,
});

describe('the officer on duty', () => {
  it('is the later of the server’s duty and the tablet’s own', () => {
    expect(dutyInForce(null, null)).toBeNull();
    expect(dutyInForce({ officerId: 'an', since: at(0) }, null)).toEqual({
      officerId: 'an',
      since: at(0),
    });
    expect(dutyInForce({ officerId: 'an', since: at(0) }, local('binh', 5))).toEqual({
      officerId: 'binh',
      since: at(5),
    });
    expect(dutyInForce({ officerId: 'an', since: at(10) }, local('binh', 5))).toEqual({
      officerId: 'an',
      since: at(10),
    });
    expect(dutyInForce({ officerId: 'an', since: at(5) }, local(null, 5))).toEqual({
      officerId: null,
      since: at(5),
    });
  });

  it('is shown only when the unit records officers and the officer is on the roster', () => {
    expect(officerOnDuty(config(), null)?.name).toBe('Nguyễn Văn An');
    expect(officerOnDuty(config(), local('binh', 1))?.name).toBe('Trần Thị Bình');
    expect(officerOnDuty(config(), local(null, 1))).toBeNull();
    expect(officerOnDuty(config({ roster: [] }), null)).toBeNull();
    expect(
      officerOnDuty(config({ survey: settings({ officerAttribution: false }) }), null),
    ).toBeNull();
    expect(officerOnDuty(null, local('an', 1))).toBeNull();
  });

  it('goes with the rating as counter and officer; left out when attribution is off', () => {
    expect(attributionOf(config(), null)).toEqual({ counterId: 'c1', officerId: 'an' });
    expect(attributionOf(config({ counter: null, duty: null }), null)).toEqual({
      counterId: null,
      officerId: null,
    });
    expect(
      attributionOf(config({ survey: settings({ officerAttribution: false }) }), null),
    ).toEqual({
      counterId: 'c1',
    });
    // An older server sends no survey settings: the counter still goes, with no officer.
    expect(
      attributionOf(config({ survey: undefined, roster: undefined, duty: undefined }), null),
    ).toEqual({
      counterId: 'c1',
      officerId: null,
    });
  });
});
