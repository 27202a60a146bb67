import { createHash } from 'node:crypto';
import { canonicalRecordId, type ClientRecord } from '@hailong/contracts';

/** JSON with object keys sorted at every level: one text for one content, whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 (hex) of a record as validated (defaults applied, text in NFC, id canonical): equal for
 * an identical resend, different when a resend under the same id changed anything.
 */
export function recordContentHash(record: ClientRecord): string {
  const text = canonicalJson({ ...record, id: canonicalRecordId(record.id) });
  return createHash('sha256').update(text).digest('hex');
}

/**
 * SHA-256 (hex) of a submission from a phone or from staff as validated: a retry with the same id
 * and content is a duplicate, the same id with other content a conflict. The tracking code the
 * server draws is not part of it.
 */
export function submissionHash(submission: unknown): string {
  return createHash('sha256').update(canonicalJson(submission)).digest('hex');
}
