/** The storage the running kiosk uses: one IndexedDB database holding outbox and device state. */
import { KioskDb } from '../lib/db/kiosk-db.ts';
import { DeviceStore } from '../lib/device/device-store.ts';
import { IdbOutbox } from '../lib/outbox/idb-outbox.ts';
import { StoredKeySigner } from '../lib/device/signing-key.ts';

/** Set when a newer version of the app upgraded the database: this page must reload when idle. */
export const stale = { value: false };

export const db = new KioskDb(undefined, {
  onStale: () => {
    stale.value = true;
  },
});
/** Signs and chains the records of a tablet that made a key at enrollment (issue 25). */
export const signer = new StoredKeySigner(db);
export const outbox = new IdbOutbox(db, signer);
export const deviceStore = new DeviceStore(db);
