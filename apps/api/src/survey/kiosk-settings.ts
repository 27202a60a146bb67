/**
 * A unit's kiosk settings: what its tablets are told in their configuration, and what the server
 * judges their records by (the repeat window), from one place so the two can never differ. Every
 * unit has the defaults until units can set their own.
 */
import type { KioskSettings } from '@hailong/contracts';
import { DEFAULT_KIOSK_SETTINGS } from '@hailong/domain';
import type { UnitRow } from '../repositories/types.ts';

export type KioskSettingsOf = (unit: UnitRow) => KioskSettings;

export const kioskSettingsOf: KioskSettingsOf = () => ({ ...DEFAULT_KIOSK_SETTINGS });
