/**
 * The tablet's record chain on arrival (issue 25 item 1): a tablet enrolled with a P-256 key signs
 * each record and names its previous one's hash; the server verifies both, keeps them, and flags a
 * break, a fork, a bad or missing signature in `chain_flags` — the record itself is stored and
 * counted as ever. Keys and signatures are made with node:crypto, as a second implementation of
 * what the kiosk does with WebCrypto.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientRecord, type RatingRecord } from '@hailong/contracts';
import { GENESIS_HASH, recordChainHash, recordSigningBytes, toBase64Url } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import { parsePrometheusText, sampleValue } from '../../../../test/support/prometheus-text.ts';
import { gatherConditions, loadRuleBook } from '../alerts/alert-facts.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';

interface SigningTablet extends TestDevice {
  privateKey: KeyObject;
  /** Chain hash of the last record made, by seq. */
  hashes: Map<number, string>;
}

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = toBase64Url(new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })));
  return { spki, privateKey };
}

async function enrollWithKey(w: SyncWorld, label: string, spki: string) {
  const enrollment = await w.admin.post('/api/v1/enrollments', { unitId: w.unit.id, label });
  const { code } = await enrollment.json();
  return new Session(w.app).post('/api/v1/devices/enroll', {
    code,
    publicKey: { algorithm: 'ECDSA-P256-SHA256', spki },
  });
}

async function signingTablet(w: SyncWorld, label: string): Promise<SigningTablet> {
  const { spki, privateKey } = keyPair();
  const enrolled = await enrollWithKey(w, label, spki);
  expect(enrolled.status).toBe(201);
  const { deviceId, token } = await enrolled.json();
  return { deviceId, token, privateKey, hashes: new Map() };
}

/** A record signed as the kiosk signs it; `prevHash` defaults to the chain hash of seq - 1. */
function signed(
  tablet: SigningTablet,
  seq: number,
  fields: Partial<RatingRecord> & Pick<RatingRecord, 'sectorId' | 'level'>,
  prevHash = tablet.hashes.get(seq - 1) ?? GENESIS_HASH,
): RatingRecord {
  const record = ClientRecord.parse({ ...rating(tablet, seq, fields), prevHash }) as RatingRecord;
  const signature = toBase64Url(
    new Uint8Array(
      sign('sha256', recordSigningBytes(record), {
        key: tablet.privateKey,
        dsaEncoding: 'ieee-p1363',
      }),
    ),
  );
  const full = { ...record, signature };
  tablet.hashes.set(seq, recordChainHash(full));
  return full;
}

describe.each(dialects)('the record chain on arrival, on %s', (dialect) => {
  let w: SyncWorld;

  beforeAll(async () => {
    w = await syncWorld(dialect);
    w.clock.advance(60 * 60_000);
  });
  afterAll(() => w.database.close());

  const flags = (deviceId: string) =>
    w.database.db
      .selectFrom('chainFlags')
      .select(['seq', 'kind', 'recordId', 'unitId', 'detail'])
      .where('deviceId', '=', deviceId)
      .orderBy('seq')
      .orderBy('kind')
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, seq: Number(r.seq) })));
  const statuses = async (res: Awaited<ReturnType<typeof sync>>) => {
    expect(res.status).toBe(200);
    return (await res.json()).results.map((r: { status: string }) => r.status);
  };
  const listed = async (deviceId: string) => {
    const { devices } = await (await w.admin.get('/api/v1/devices')).json();
    return devices.find((d: { id: string }) => d.id === deviceId);
  };
  const sector = () => w.sectors[0]!.id;

  it('refuses a key that is not a P-256 public key, and enrolls nothing', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const ed = toBase64Url(new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })));
    const before = (await w.database.repos.devices.list()).length;
    for (const spki of [ed, 'A'.repeat(60)]) {
      const res = await enrollWithKey(w, 'Khóa hỏng', spki);
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message).toMatch(/khóa/i);
    }
    expect((await w.database.repos.devices.list()).length).toBe(before);
  });

  it('stores a signed chain with its fields and flags nothing; a resend flags nothing', async () => {
    const tablet = await signingTablet(w, 'Quầy ký số');
    const records = [1, 2, 3].map((seq) => signed(tablet, seq, { sectorId: sector(), level: 5 }));
    expect(await statuses(await sync(w.tablet(), tablet, records))).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    const stored = await w.database.db
      .selectFrom('records')
      .select(['seq', 'prevHash', 'signature', 'chainHash'])
      .where('deviceId', '=', tablet.deviceId)
      .orderBy('seq')
      .execute();
    expect(stored.map((r) => r.chainHash)).toEqual([1, 2, 3].map((s) => tablet.hashes.get(s)));
    expect(stored[0]!.prevHash).toBe(GENESIS_HASH);
    expect(stored[2]!.signature).toBe(records[2]!.signature);
    expect(await flags(tablet.deviceId)).toEqual([]);
    expect(await statuses(await sync(w.tablet(), tablet, records))).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(await flags(tablet.deviceId)).toEqual([]);
    expect(await listed(tablet.deviceId)).toMatchObject({ signed: true, integrityFlags: 0 });
  });

  it('stores and counts a record altered after signing, flagged once as a bad signature', async () => {
    const tablet = await signingTablet(w, 'Quầy bị sửa');
    const first = signed(tablet, 1, { sectorId: sector(), level: 1 });
    const altered = { ...first, level: 5 };
    expect(await statuses(await sync(w.tablet(), tablet, [altered]))).toEqual(['accepted']);
    expect(
      await w.database.db
        .selectFrom('ratings')
        .select('level')
        .where('id', '=', first.id)
        .executeTakeFirst(),
    ).toEqual({ level: 5 });
    const found = await flags(tablet.deviceId);
    expect(found).toMatchObject([{ seq: 1, kind: 'bad_signature', recordId: first.id }]);
    expect(found[0]!.detail).toMatch(/chữ ký/i);
    expect(await statuses(await sync(w.tablet(), tablet, [altered]))).toEqual(['duplicate']);
    expect(await flags(tablet.deviceId)).toHaveLength(1);
    expect(await listed(tablet.deviceId)).toMatchObject({ signed: true, integrityFlags: 1 });
    // The unit's supervisors hear of it through the tablet alert, keyed by the flags so far.
    const repos = w.database.repos;
    const conditions = await gatherConditions(repos, await loadRuleBook(repos), w.clock.now);
    expect(conditions.filter((c) => c.facts.deviceId === tablet.deviceId)).toMatchObject([
      {
        kind: 'device_silent',
        key: `device_silent:${tablet.deviceId}:chain:1`,
        facts: { problem: 'chain', flags: 1 },
      },
    ]);
  });

  it('checks a link when the missing record arrives later', async () => {
    const tablet = await signingTablet(w, 'Quầy mất mạng');
    const r1 = signed(tablet, 1, { sectorId: sector(), level: 4 });
    const r2 = signed(tablet, 2, { sectorId: sector(), level: 4 });
    const r3 = signed(tablet, 3, { sectorId: sector(), level: 4 });
    // The fourth names a hash that is not the third's: seen only once the third has arrived.
    const r4 = signed(tablet, 4, { sectorId: sector(), level: 4 }, 'f'.repeat(64));
    const r5 = signed(tablet, 5, { sectorId: sector(), level: 4 });
    await statuses(await sync(w.tablet(), tablet, [r1, r2, r4, r5]));
    expect(await flags(tablet.deviceId)).toEqual([]);
    await statuses(await sync(w.tablet(), tablet, [r3]));
    expect(await flags(tablet.deviceId)).toMatchObject([
      { seq: 4, kind: 'break', recordId: r4.id },
    ]);
  });

  it('flags the second of two records naming one previous record as a fork', async () => {
    const tablet = await signingTablet(w, 'Quầy rẽ nhánh');
    const r1 = signed(tablet, 1, { sectorId: sector(), level: 4 });
    const r2 = signed(tablet, 2, { sectorId: sector(), level: 4 });
    await statuses(await sync(w.tablet(), tablet, [r1, r2]));
    const other = signed(tablet, 3, { sectorId: sector(), level: 5 }, tablet.hashes.get(1));
    await statuses(await sync(w.tablet(), tablet, [other]));
    const found = await flags(tablet.deviceId);
    expect(found.filter((f) => f.kind === 'fork')).toMatchObject([{ seq: 3, recordId: other.id }]);
  });

  it("flags a keyed tablet's unsigned record, and stores it", async () => {
    const tablet = await signingTablet(w, 'Quầy quên ký');
    const plain = rating(tablet, 1, { sectorId: sector(), level: 5 });
    expect(await statuses(await sync(w.tablet(), tablet, [plain]))).toEqual(['accepted']);
    expect(await flags(tablet.deviceId)).toMatchObject([
      { seq: 1, kind: 'missing_signature', recordId: plain.id, unitId: w.unit.id },
    ]);
  });

  it('lets a tablet without a key sync as before, labelled unsigned', async () => {
    const old = await w.enroll('Quầy máy cũ');
    const records = [1, 2].map((seq) => rating(old, seq, { sectorId: sector(), level: 5 }));
    expect(await statuses(await sync(w.tablet(), old, records))).toEqual(['accepted', 'accepted']);
    expect(await flags(old.deviceId)).toEqual([]);
    expect(
      await w.database.db
        .selectFrom('records')
        .select(['prevHash', 'signature', 'chainHash'])
        .where('deviceId', '=', old.deviceId)
        .execute(),
    ).toEqual([
      { prevHash: null, signature: null, chainHash: null },
      { prevHash: null, signature: null, chainHash: null },
    ]);
    expect(await listed(old.deviceId)).toMatchObject({ signed: false, integrityFlags: 0 });
  });

  it('flags nothing when two batches of one tablet arrive at once', async () => {
    const tablet = await signingTablet(w, 'Quầy song song');
    const records = Array.from({ length: 40 }, (_, i) =>
      signed(tablet, i + 1, { sectorId: sector(), level: 1 + (i % 5) }),
    );
    const odd = records.filter((_, i) => i % 2 === 0);
    const even = records.filter((_, i) => i % 2 === 1);
    const [a, b] = await Promise.all([
      sync(w.tablet(), tablet, odd),
      sync(w.tablet(), tablet, even),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await flags(tablet.deviceId)).toEqual([]);
    expect(
      Number(
        (
          await w.database.db
            .selectFrom('records')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('deviceId', '=', tablet.deviceId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(40);
  });

  it('counts the flags raised so far by kind in /metrics', async () => {
    const token = 'c0ffee'.repeat(8);
    const { app } = testApp(w.database, w.clock, { metricsToken: token });
    const res = await new Session(app).get('/metrics', {
      headers: { authorization: `Bearer ${token}` },
    });
    const families = parsePrometheusText(await res.text());
    const count = (kind: string) => sampleValue(families, 'hailong_chain_flags_total', { kind });
    // Raised above: the late link's break, the fork (also a break: its predecessor is not the
    // record it names), the altered record, the unsigned one.
    expect(['break', 'fork', 'bad_signature', 'missing_signature'].map(count)).toEqual([
      2, 1, 1, 1,
    ]);
  });
});
