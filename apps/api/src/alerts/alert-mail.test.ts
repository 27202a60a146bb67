/**
 * A unit or counter saved with a line break before names were one line (or written straight into
 * the database) must not break a mail: in a Subject a CRLF starts a new header (a Bcc, a second
 * body), and in a digest one alert would spill over several lines. Every name is flattened.
 */
import { describe, expect, it } from 'vitest';
import type { AlertRow, UserRow } from '../repositories/types.ts';
import { digestMail, immediateMail } from './alert-mail.ts';

const NOW = Date.UTC(2026, 10, 23, 2, 5);
const LEGACY_UNIT = 'UBND phường Trung Tâm\r\nBcc: ke-xau@example.com\r\n\r\nNội dung giả';

const user: UserRow = {
  id: 'u1',
  username: 'giam.sat',
  displayName: 'Giám sát\r\nX-Header: 1',
  role: 'supervisor',
  unitId: null,
  passwordHash: 'x',
  disabledAt: null,
  createdAt: NOW,
  updatedAt: NOW,
  email: 'giam.sat@example.vn',
  alertDelivery: 'immediate',
  digestHour: 7,
};

const alert = (kind: AlertRow['kind'], facts: AlertRow['facts']): AlertRow => ({
  id: `a-${kind}`,
  kind,
  conditionKey: kind,
  unitId: 'unit-1',
  facts: { unitName: LEGACY_UNIT, ...facts },
  raisedAt: NOW,
  resolvedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
});

const alerts = [
  alert('unsatisfied_burst', {
    counterName: 'Quầy\u20281\u2029\u0085số 1\t',
    count: 3,
    from: NOW,
    to: NOW + 40 * 60_000,
  }),
  alert('rate_below_target', {
    sectorName: 'Hộ\ntịch',
    month: '2026-11',
    rateBp: 8750,
    targetBp: 9150,
    satisfied: 35,
    total: 40,
  }),
];

const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

describe('alert mails with names saved on several lines', () => {
  it('keep the subject on one line, with the name flattened', () => {
    for (const a of alerts) {
      const mail = immediateMail(a, user, NOW);
      expect(mail.subject).not.toMatch(LINE_BREAK);
      expect(mail.subject).toContain('UBND phường Trung Tâm Bcc: ke-xau@example.com Nội dung giả');
    }
    const digest = digestMail(alerts, user, '2026-11-23', NOW);
    expect(digest.subject).not.toMatch(LINE_BREAK);
  });

  it('keep each alert and the greeting on one line of the body', () => {
    const [burst] = alerts;
    const body = immediateMail(burst!, user, NOW).body.split('\n');
    expect(body[0]).toBe('Kính gửi Giám sát X-Header: 1,');
    expect(body[2]).toMatch(/^UBND phường Trung Tâm Bcc: .* – Quầy 1 số 1: 3 đánh giá/);
    const digest = digestMail(alerts, user, '2026-11-23', NOW).body.split('\n');
    const listed = digest.filter((line) => line.startsWith('- '));
    expect(listed).toHaveLength(2);
    expect(listed[1]).toContain('lĩnh vực Hộ tịch: tỷ lệ hài lòng');
    expect(digest.join('\n')).not.toMatch(/[\r\u0085\u2028\u2029\t]/);
  });
});
