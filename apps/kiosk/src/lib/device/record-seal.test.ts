import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '@hailong/contracts';
import { GENESIS_HASH, fromBase64Url, recordChainHash, recordSigningBytes } from '@hailong/domain';
import { DEVICE, hold, pressedAndAnswered, ratingDraft } from '../outbox/contract-fixtures.ts';
import { MemoryOutbox } from '../outbox/memory-outbox.ts';
import type { RecordSigner, SignBytes } from './record-seal.ts';
import { makeSigningKey, signBytes } from './signing-key.ts';

/** A signer over a real WebCrypto key of DEVICE, with its SPKI; `failing` makes its signing throw. */
async function keyedSigner() {
  const key = (await makeSigningKey())!;
  const control = { failing: false };
  const signer: RecordSigner = {
    signerFor: async (deviceId): Promise<SignBytes | null> =>
      deviceId === DEVICE
        ? (bytes) =>
            control.failing ? Promise.reject(new Error('no key')) : signBytes(key.keys, bytes)
        : null,
  };
  return { signer, spki: key.publicKey.spki, control };
}

/** Whether `record`'s signature verifies over its signing bytes with the SPKI, as a verifier does. */
function verifies(record: ClientRecord, spki: string): boolean {
  const publicKey = createPublicKey({
    key: Buffer.from(fromBase64Url(spki)),
    format: 'der',
    type: 'spki',
  });
  return verify(
    'sha256',
    recordSigningBytes(record),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    fromBase64Url(record.signature!),
  );
}

/** Every record names the chain hash of the one before it (the first the genesis hash). */
function linked(records: readonly ClientRecord[]): boolean {
  return records.every(
    (r, i) => r.prevHash === (i === 0 ? GENESIS_HASH : recordChainHash(records[i - 1]!)),
  );
}

describe('records sealed into the tablet chain (memory outbox with a signer)', () => {
  it('makes a P-256 key whose private half cannot be exported', async () => {
    const key = (await makeSigningKey())!;
    expect(key.publicKey.algorithm).toBe('ECDSA-P256-SHA256');
    expect(key.keys.privateKey.extractable).toBe(false);
    expect(fromBase64Url(key.publicKey.spki)).toHaveLength(91);
  });

  it('chains each record on the one before from the genesis hash and signs it', async () => {
    const { signer, spki } = await keyedSigner();
    const outbox = new MemoryOutbox(signer);
    const records: ClientRecord[] = [];
    for (let i = 0; i < 5; i++) records.push(await outbox.put(ratingDraft(i)));
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(linked(records)).toBe(true);
    expect(records.every((r) => verifies(r, spki))).toBe(true);
    expect(await outbox.takeOldest(10)).toEqual(records);
    expect(await outbox.chainHead(DEVICE)).toMatchObject({
      seq: 5,
      hash: recordChainHash(records[4]!),
      unsigned: 0,
    });
  });

  it('keeps the chain linear under concurrent puts', async () => {
    const { signer, spki } = await keyedSigner();
    const outbox = new MemoryOutbox(signer);
    await Promise.all(Array.from({ length: 20 }, (_, i) => outbox.put(ratingDraft(i))));
    const records = await outbox.takeOldest(100);
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(linked(records)).toBe(true);
    expect(records.every((r) => verifies(r, spki))).toBe(true);
  });

  it('a changed field, an inserted or a removed record no longer verifies or links', async () => {
    const { signer, spki } = await keyedSigner();
    const outbox = new MemoryOutbox(signer);
    const records = [await outbox.put(ratingDraft(0)), await outbox.put(ratingDraft(1))];
    const altered = { ...records[0]!, level: 1 } as ClientRecord;
    expect(verifies(altered, spki)).toBe(false);
    expect(linked([altered, records[1]!])).toBe(false);
    expect(linked([records[1]!])).toBe(false);
  });

  it('stores a record unsigned when signing fails, counts it, and chains the next on it', async () => {
    const { signer, spki, control } = await keyedSigner();
    const outbox = new MemoryOutbox(signer);
    const first = await outbox.put(ratingDraft(0));
    control.failing = true;
    const unsigned = await outbox.put(ratingDraft(1));
    control.failing = false;
    const third = await outbox.put(ratingDraft(2));
    expect(unsigned.seq).toBe(2);
    expect(unsigned).not.toHaveProperty('signature');
    expect(unsigned).not.toHaveProperty('prevHash');
    expect(third.prevHash).toBe(recordChainHash(unsigned));
    expect([first, third].every((r) => verifies(r, spki))).toBe(true);
    expect(await outbox.chainHead(DEVICE)).toMatchObject({ seq: 3, unsigned: 1 });
  });

  it('signs an amended held record again on the same link, and the next chains on it', async () => {
    const { signer, spki } = await keyedSigner();
    const outbox = new MemoryOutbox(signer);
    const before = await outbox.put(ratingDraft(0));
    const [pressed, answered] = pressedAndAnswered();
    const held = await outbox.put(pressed, hold());
    expect(await outbox.amend(answered, null)).toBe(true);
    const next = await outbox.put(ratingDraft(2));
    const records = await outbox.takeOldest(10);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    const amended = records[1]!;
    expect(amended).toMatchObject({ reasons: ['waiting_time'], prevHash: held.prevHash });
    expect(amended.signature).not.toBe(held.signature);
    expect(linked([before, amended, next])).toBe(true);
    expect(records.every((r) => verifies(r, spki))).toBe(true);
  });

  it('refuses to amend a held record a later one already chains on, and releases it as it is', async () => {
    const { signer } = await keyedSigner();
    const outbox = new MemoryOutbox(signer);
    const [pressed, answered] = pressedAndAnswered();
    const held = await outbox.put(pressed, hold());
    const later = await outbox.put(ratingDraft(1));
    expect(await outbox.amend(answered, null)).toBe(false);
    expect(await outbox.takeOldest(10)).toEqual([held, later]);
    expect(later.prevHash).toBe(recordChainHash(held));
  });

  it('leaves the records of a device without a key unsigned and unchained', async () => {
    const { signer } = await keyedSigner();
    const outbox = new MemoryOutbox(signer);
    const record = await outbox.put(ratingDraft(0, 'device-b'));
    expect(record).not.toHaveProperty('prevHash');
    expect(record).not.toHaveProperty('signature');
    expect(await outbox.chainHead('device-b')).toBeNull();
  });
});
