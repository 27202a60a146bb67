import { describe, expect, it } from 'vitest';
import { ClientRecord } from '@hailong/contracts';
import {
  hashVerdictToken,
  newTrackingCode,
  newVerdictToken,
  VERDICT_TOKEN_BYTES,
} from '@hailong/domain';
import { buildFeedback, buildRating, isPossibleRepeat, type FeedbackInput } from './records.ts';

const capture = {
  id: '0b6f3a9e-5c1d-4d0e-9a43-2f1b7c8d9e01',
  deviceId: 'device-1',
  at: Date.parse('2026-11-23T08:30:00.000Z'),
};

const feedback: FeedbackInput = {
  feedbackKind: 'phan_anh',
  trackingCode: newTrackingCode(new Uint8Array([1, 2, 3, 4, 5])),
  sectorId: null,
  content: 'Hồ sơ trễ hẹn 😞',
  consent: false,
  name: 'Nguyễn Thị Hoà',
  phone: '0912 345 678',
  consentVersion: 'dong-y-2026-01',
};

/** What the server will see: the draft with its place in the sequence, through the shared schema. */
const asRecord = (draft: object) => ClientRecord.parse({ ...draft, seq: 1, schemaVersion: 1 });

describe('isPossibleRepeat', () => {
  it.each([
    [null, 0, 5, false],
    [0, 4_999, 5, true],
    [0, 5_000, 5, false],
    [10_000, 6_000, 5, true],
    [0, 1, 0, false],
  ])('previous %s, now %i, window %i s → %s', (previous, at, window, expected) => {
    expect(isPossibleRepeat(previous, at, window)).toBe(expected);
  });
});

describe('buildRating', () => {
  it('builds a rating the server accepts, flagged when it follows the previous too closely', () => {
    const draft = buildRating(capture, {
      sectorId: 'dat-dai',
      level: 2,
      reasons: ['waiting_time', 'waiting_time', 'staff_attitude'],
      comment: '  Chờ lâu  ',
      previousRatingAt: capture.at - 2_000,
      repeatWindowSeconds: 5,
      mode: { language: 'vi', audio: false, largeText: false },
    });
    expect(asRecord(draft)).toEqual({
      id: capture.id,
      deviceId: 'device-1',
      deviceTime: '2026-11-23T08:30:00.000Z',
      seq: 1,
      schemaVersion: 1,
      kind: 'rating',
      sectorId: 'dat-dai',
      level: 2,
      reasons: ['waiting_time', 'staff_attitude'],
      comment: 'Chờ lâu',
      possibleRepeat: true,
      language: 'vi',
      audio: false,
      largeText: false,
    });
  });

  it('carries how the citizen answered: the language, the spoken prompts, the large text', () => {
    const draft = buildRating(capture, {
      sectorId: 'dat-dai',
      level: 4,
      reasons: [],
      comment: '',
      previousRatingAt: null,
      repeatWindowSeconds: 5,
      mode: { language: 'km', audio: true, largeText: true },
    });
    expect(asRecord(draft)).toMatchObject({ language: 'km', audio: true, largeText: true });
  });

  it('leaves out an empty comment', () => {
    const draft = buildRating(capture, {
      sectorId: 'dat-dai',
      level: 5,
      reasons: [],
      comment: '   ',
      previousRatingAt: null,
      repeatWindowSeconds: 5,
      mode: { language: 'vi', audio: false, largeText: false },
    });
    expect(draft).not.toHaveProperty('comment');
    expect(asRecord(draft)).toMatchObject({ possibleRepeat: false, reasons: [] });
  });
});

describe('buildFeedback', () => {
  it('keeps no contact data at all without consent', () => {
    const draft = buildFeedback(capture, feedback);
    expect(draft).toMatchObject({ contact: null });
    expect(JSON.stringify(draft)).not.toContain('Hoà');
    expect(JSON.stringify(draft)).not.toContain('345');
  });

  it('keeps the contact with the consent text version and time when the box is ticked', () => {
    const record = asRecord(buildFeedback(capture, { ...feedback, consent: true }));
    expect(record).toMatchObject({
      kind: 'feedback',
      contact: {
        name: 'Nguyễn Thị Hoà',
        phone: '0912345678',
        consentVersion: 'dong-y-2026-01',
        consentAt: '2026-11-23T08:30:00.000Z',
      },
    });
  });

  it('keeps no contact when consent is given but nothing was typed', () => {
    const draft = buildFeedback(capture, { ...feedback, consent: true, name: ' ', phone: '' });
    expect(draft).toMatchObject({ contact: null });
  });

  it('keeps only the fields that were filled in', () => {
    const draft = buildFeedback(capture, { ...feedback, consent: true, name: '' });
    expect(asRecord(draft)).toMatchObject({ contact: { phone: '0912345678' } });
    expect((asRecord(draft) as { contact: object }).contact).not.toHaveProperty('name');
  });
  it('carries the verdict token’s hash, never the token, and none for an old draft', async () => {
    const token = newVerdictToken(new Uint8Array(VERDICT_TOKEN_BYTES).fill(7));
    const verdictTokenHash = await hashVerdictToken(token);
    const record = asRecord(buildFeedback(capture, { ...feedback, verdictTokenHash }));
    expect(record).toMatchObject({ verdictTokenHash });
    expect(JSON.stringify(record)).not.toContain(token.slice(0, 9));
    expect(asRecord(buildFeedback(capture, feedback))).not.toHaveProperty('verdictTokenHash');
  });
});
