/**
 * What the tablet remembers besides its records: its enrollment (device id, token, PIN hash), the
 * unit's configuration for offline use, the settings staff chose on the tablet, and sync memory.
 * All in the kiosk database's meta store, next to the outbox.
 */
import type { DeviceConfig } from '@hailong/contracts';
import type { Locale } from '@hailong/domain';
import type { KioskDb } from '../db/kiosk-db.ts';
import type { PinHash } from './pin.ts';
import type { LocalDuty } from '../officer-duty.ts';
import { SIGNING_KEY, type SigningKey } from './signing-key.ts';

export interface Enrollment {
  deviceId: string;
  /** Bearer token; shown once by the server, kept only here. */
  token: string;
  unit: { id: string; name: string };
  enrolledAt: string;
  pin: PinHash;
}

export interface CachedConfig {
  config: DeviceConfig;
  etag: string | null;
  fetchedAt: string;
}

/** Set by staff on the tablet; each overrides the unit's setting when not null. */
export interface LocalSettings {
  locale: Locale;
  idleTimeoutSeconds: number | null;
  fixedSectorId: string | null;
}

export interface SyncMemory {
  lastSuccessAt: number | null;
  /** The server refused the token (revoked): staff must re-enroll. */
  unauthorized: boolean;
}

export interface DeviceState {
  enrollment: Enrollment | null;
  config: CachedConfig | null;
  settings: LocalSettings;
  sync: SyncMemory;
  /** The last sign-in or sign-out at this tablet's counter (issue 12). */
  duty: LocalDuty | null;
}

export const DEFAULT_LOCAL_SETTINGS: LocalSettings = {
  locale: 'vi',
  idleTimeoutSeconds: null,
  fixedSectorId: null,
};

const KEYS = ['enrollment', 'config', 'settings', 'sync', 'duty'] as const;

export class DeviceStore {
  constructor(private readonly db: KioskDb) {}

  load(): Promise<DeviceState> {
    return this.db.run(async (db) => {
      const tx = db.transaction('meta');
      const [enrollment, config, settings, sync, duty] = await Promise.all(
        KEYS.map((key) => tx.store.get(key)),
      );
      return {
        enrollment: (enrollment as Enrollment | undefined) ?? null,
        config: (config as CachedConfig | undefined) ?? null,
        settings: { ...DEFAULT_LOCAL_SETTINGS, ...(settings as Partial<LocalSettings>) },
        sync: { lastSuccessAt: null, unauthorized: false, ...(sync as Partial<SyncMemory>) },
        duty: (duty as LocalDuty | undefined) ?? null,
      };
    });
  }

  /**
   * Stores the enrollment and, when the tablet made one, its signing key, in one transaction: a
   * tablet never holds a token whose key it lost. The key is stored as it is (CryptoKeys are
   * cloned by IndexedDB, never turned into JSON).
   */
  saveEnrollment(enrollment: Enrollment, key: SigningKey | null = null): Promise<void> {
    return this.db.run(async (db) => {
      const tx = db.transaction('meta', 'readwrite');
      await Promise.all([
        tx.store.put(plain(enrollment), 'enrollment'),
        key ? tx.store.put(key, SIGNING_KEY) : tx.store.delete(SIGNING_KEY),
        tx.done,
      ]);
    });
  }

  saveConfig(config: CachedConfig): Promise<void> {
    return this.#put('config', config);
  }

  saveSettings(settings: LocalSettings): Promise<void> {
    return this.#put('settings', settings);
  }

  saveSync(memory: SyncMemory): Promise<void> {
    return this.#put('sync', memory);
  }

  saveDuty(duty: LocalDuty): Promise<void> {
    return this.#put('duty', duty);
  }

  /** Forgets the enrollment and everything tied to it (the outbox is cleared separately). */
  forget(): Promise<void> {
    return this.db.run(async (db) => {
      const tx = db.transaction('meta', 'readwrite');
      await Promise.all([...[...KEYS, SIGNING_KEY].map((key) => tx.store.delete(key)), tx.done]);
    });
  }

  #put(key: (typeof KEYS)[number], value: unknown): Promise<void> {
    return this.db.run(async (db) => {
      await db.put('meta', plain(value), key);
    });
  }
}

/** A plain copy: Svelte's reactive proxies cannot be cloned into IndexedDB as they are. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
