/**
 * The verifier page's script (bundled by verify-script.ts), run in the reader's browser so that
 * the check does not rest on this server's word: the figures, the Merkle root and the receipt's
 * inclusion proof are recomputed with the domain's own code (verify-checks.ts, the same checks
 * `npm run verify` makes), and the checkpoint's Ed25519 signature is checked with WebCrypto — a
 * browser without Ed25519 is told so, never passed. Three ways in: a unit and month in the address
 * (the dataset is fetched), a file the reader chooses, and a receipt (unit, month, rating id) whose
 * rating is looked for in the month's dataset and proven included.
 */
import {
  checkpointBytes,
  datasetChecks,
  formatMonth,
  fromHex,
  inclusionChecks,
  recordHashOf,
  type Check,
  type DatasetRow,
  type ProofOf,
  type PublishedKey,
  type SignedCheckpoint,
} from '@hailong/domain';

interface DatasetDocument {
  format: string;
  checkpoint: SignedCheckpoint;
  publicKey: PublishedKey;
  rows: DatasetRow[];
}

/*
 * The few DOM types this script uses, declared here: the API's project compiles for Node.js, and
 * the DOM library there would retype its fetch bodies (test/support/api-client.ts).
 */
interface Element {
  className: string;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  append(...nodes: Element[]): void;
  replaceChildren(...nodes: Element[]): void;
  addEventListener(type: string, listener: () => void): void;
}
interface FileInput extends Element {
  files: ArrayLike<{ name: string; text(): Promise<string> }> | null;
}
declare const document: {
  getElementById(id: string): Element | null;
  createElement(tag: string): Element;
};

const API = '/api/v1/public';
const root = document.getElementById('verify')!;
const result = document.getElementById('verify-result')!;

/** The bytes on an ArrayBuffer of their own, as WebCrypto's types ask. */
const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** Whether the checkpoint's signature is the key's: null when this browser has no Ed25519. */
async function signatureOk(
  checkpoint: SignedCheckpoint,
  key: PublishedKey,
): Promise<boolean | null> {
  const { signature, ...statement } = checkpoint;
  let raw: Uint8Array;
  let sig: Uint8Array;
  try {
    raw = fromHex(key.publicKey);
    sig = fromHex(signature);
  } catch {
    return false;
  }
  if (raw.length !== 32 || sig.length !== 64) return false;
  let imported: Awaited<ReturnType<typeof crypto.subtle.importKey>>;
  try {
    imported = await crypto.subtle.importKey('raw', copy(raw), { name: 'Ed25519' }, false, [
      'verify',
    ]);
  } catch {
    return null;
  }
  try {
    return await crypto.subtle.verify(
      'Ed25519',
      imported,
      copy(sig),
      copy(checkpointBytes(statement)),
    );
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const HASH = /^[0-9a-f]{64}$/;

/** The shape the checks read: anything else is "not a dataset", not a crash. */
function isRow(r: unknown): r is DatasetRow {
  return (
    isObject(r) &&
    typeof r.recordHash === 'string' &&
    HASH.test(r.recordHash) &&
    typeof r.day === 'string' &&
    typeof r.sectorCode === 'string' &&
    Number.isSafeInteger(r.level) &&
    (r.scale === 'five' || r.scale === 'three') &&
    typeof r.channel === 'string' &&
    typeof r.counted === 'boolean' &&
    (r.excludedWhy === null || typeof r.excludedWhy === 'string')
  );
}

function isCheckpoint(c: unknown): c is SignedCheckpoint {
  return (
    isObject(c) &&
    ['id', 'unitId', 'month', 'root', 'keyId', 'signature'].every(
      (k) => typeof c[k] === 'string',
    ) &&
    ['version', 'size', 'counted', 'satisfied', 'signedAt'].every((k) =>
      Number.isSafeInteger(c[k]),
    ) &&
    isObject(c.countsByLevel)
  );
}

const isKey = (k: unknown): k is PublishedKey =>
  isObject(k) && typeof k.keyId === 'string' && typeof k.publicKey === 'string';

function isDataset(d: unknown): d is DatasetDocument {
  return (
    isObject(d) &&
    d.format === 'hailong-dataset/1' &&
    isCheckpoint(d.checkpoint) &&
    isKey(d.publicKey) &&
    Array.isArray(d.rows) &&
    d.rows.every(isRow)
  );
}

async function publishedKeys(): Promise<string[] | undefined> {
  try {
    const res = await fetch(`${API}/keys`);
    const body = (await res.json()) as { keys: PublishedKey[] };
    return body.keys.map((k) => k.publicKey);
  } catch {
    return undefined;
  }
}

function paragraph(text: string, className?: string): Element {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

/** The verdict first, then each check with ✓ or ✗. */
function show(verdict: { ok: boolean; text: string }, checks: readonly Check[], lead?: string) {
  const list = document.createElement('ul');
  list.className = 'checks';
  for (const c of checks) {
    const item = document.createElement('li');
    item.className = c.ok ? 'ok' : 'bad';
    item.textContent = `${c.text}${c.ok ? '' : ' (không khớp)'}`;
    list.append(item);
  }
  const parts: Element[] = [paragraph(verdict.text, verdict.ok ? 'verdict-ok' : 'verdict-bad')];
  if (lead) parts.push(paragraph(lead));
  result.replaceChildren(...parts, list);
}

const say = (text: string) => result.replaceChildren(paragraph(text));

async function checkDataset(document: unknown, source: string) {
  if (!isDataset(document)) {
    show({ ok: false, text: `${source}: KHÔNG KHỚP.` }, [
      { ok: false, text: 'Tệp không đúng định dạng bộ dữ liệu công khai (hailong-dataset/1).' },
    ]);
    return;
  }
  const [sig, keys] = await Promise.all([
    signatureOk(document.checkpoint, document.publicKey),
    publishedKeys(),
  ]);
  const checks = datasetChecks(document, sig, keys);
  const ok = checks.every((c) => c.ok);
  show(
    {
      ok,
      text: ok
        ? `Số liệu tháng ${formatMonth(document.checkpoint.month)} khớp với điểm chốt đã ký.`
        : `Số liệu tháng ${formatMonth(document.checkpoint.month)} KHÔNG KHỚP với điểm chốt đã ký.`,
    },
    checks,
    source,
  );
}

async function fetchJson(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(path);
  return { status: res.status, body: res.ok ? await res.json() : null };
}

async function checkMonth(unit: string, month: string) {
  const { status, body } = await fetchJson(
    `${API}/datasets/${encodeURIComponent(unit)}/${month}.json`,
  );
  if (status === 404) {
    say(
      `Tháng này chưa chốt số liệu: số liệu tháng ${formatMonth(month)} được chốt và ký sau khi tháng khóa sổ.`,
    );
    return;
  }
  if (status !== 200) {
    say('Không tải được bộ dữ liệu. Vui lòng thử lại sau.');
    return;
  }
  await checkDataset(body, 'Bộ dữ liệu tải từ máy chủ');
}

async function checkReceipt(unit: string, month: string, ratingId: string) {
  const dataset = await fetchJson(`${API}/datasets/${encodeURIComponent(unit)}/${month}.json`);
  if (dataset.status === 404) {
    say(
      `Tháng này chưa chốt số liệu. Số liệu tháng ${formatMonth(month)} được chốt và ký sau khi tháng khóa sổ; khi đó, mở lại mã kiểm chứng này để thấy phiếu của bạn có trong số liệu đã công bố.`,
    );
    return;
  }
  if (!isDataset(dataset.body)) {
    say('Không tải được bộ dữ liệu. Vui lòng thử lại sau.');
    return;
  }
  const id = ratingId.toLowerCase();
  const row = dataset.body.rows.find((r) => recordHashOf(r, id) === r.recordHash);
  if (!row) {
    show(
      { ok: false, text: 'Không tìm thấy phiếu của bạn trong số liệu đã công bố của tháng này.' },
      [],
    );
    return;
  }
  const proof = await fetchJson(
    `${API}/proofs/${encodeURIComponent(unit)}/${month}/${row.recordHash}`,
  );
  const found = proof.body as ProofOf | null;
  if (!found || !isCheckpoint(found.checkpoint) || !isKey(found.publicKey) || !isRow(found.row)) {
    say('Không tải được bằng chứng của phiếu. Vui lòng thử lại sau.');
    return;
  }
  const [sig, keys] = await Promise.all([
    signatureOk(found.checkpoint, found.publicKey),
    publishedKeys(),
  ]);
  const checks = inclusionChecks(found, id, sig, keys);
  const ok = checks.every((c) => c.ok);
  show(
    {
      ok,
      text: ok
        ? 'Phiếu đánh giá của bạn có trong số liệu đã công bố.'
        : 'Không chứng minh được phiếu của bạn có trong số liệu đã công bố (không khớp).',
    },
    checks,
    ok ? `Số liệu tháng ${formatMonth(month)}, đã được máy chủ ký số.` : undefined,
  );
}

const input = document.getElementById('dataset-file') as FileInput | null;
input?.addEventListener('change', () => {
  const file = input.files?.[0];
  if (!file) return;
  say('Đang kiểm chứng…');
  file
    .text()
    .then((text) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      return checkDataset(parsed, `Tệp ${file.name}`);
    })
    .catch(() => say('Không đọc được tệp.'));
});

const { unit, month, rating } = root.dataset;
if (unit && month) {
  (rating ? checkReceipt(unit, month, rating) : checkMonth(unit, month)).catch(() =>
    say('Không kết nối được máy chủ. Vui lòng thử lại sau.'),
  );
}
