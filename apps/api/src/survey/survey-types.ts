/** Rows and the repository of officers' counter PINs, counter duty and unit survey settings. */
import type { UnitSurveySettings } from '@hailong/contracts';

export type DutySource = 'console' | 'tablet';

export interface CounterPinRow {
  userId: string;
  verifier: string;
  updatedAt: number;
}

export interface CounterDutyRow {
  counterId: string;
  officerId: string | null;
  since: number;
  source: DutySource;
  setBy: string | null;
  updatedAt: number;
}

export interface UnitSurveySettingRow {
  unitId: string;
  settings: UnitSurveySettings;
  updatedAt: number;
  updatedBy: string | null;
}

export interface SurveyRepository {
  /** The verifiers of these users (all when omitted), by user id. */
  listPins(userIds?: readonly string[]): Promise<Map<string, string>>;
  putPin(row: CounterPinRow): Promise<void>;
  /** True when the user had a PIN. */
  deletePin(userId: string): Promise<boolean>;
  /** The duty of these counters (all when omitted), by counter id. */
  listDuties(counterIds?: readonly string[]): Promise<Map<string, CounterDutyRow>>;
  /**
   * Stores the duty unless the counter's duty in force is newer (`since` later): the last writer
   * by `since` wins, whatever order the console and the tablet reach the server in. Answers the
   * duty in force afterwards.
   */
  putDutyIfNewer(row: CounterDutyRow): Promise<CounterDutyRow>;
  listSurveySettings(): Promise<UnitSurveySettingRow[]>;
  putSurveySettings(row: UnitSurveySettingRow): Promise<void>;
  /** True when the unit had its own settings. */
  deleteSurveySettings(unitId: string): Promise<boolean>;
}
