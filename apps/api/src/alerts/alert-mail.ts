/**
 * The mails alerts send, in Vietnamese: one per alert for people who want them at once, one
 * digest a day for the others. Plain text, so every mail client shows it the same way.
 */
import { createHash } from 'node:crypto';
import { ALERT_KIND_LABELS, alertText, formatDate, formatDateTime, oneLine } from '@hailong/domain';
import type { AlertRow, DeliveryRow, UserRow } from '../repositories/types.ts';

/** A delivery's id follows from its key, so a mail queued again after a restart is the same mail. */
export function deliveryId(dedupeKey: string): string {
  return createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32);
}

const footer = (consoleUrl: string | undefined) =>
  [
    '',
    consoleUrl
      ? `Xem và xác nhận đã xử lý: ${consoleUrl}/alerts`
      : 'Xem và xác nhận đã xử lý trong trang quản trị, mục Cảnh báo.',
    '',
    '—',
    'Thư tự động của hệ thống khảo sát mức độ hài lòng (hailong). Đổi cách nhận thư (ngay, bản tin',
    'hằng ngày hay không nhận) trong trang quản trị, mục Cảnh báo.',
  ].join('\n');

function mail(
  key: string,
  user: UserRow,
  now: number,
  subject: string,
  lines: string[],
): DeliveryRow {
  return {
    id: deliveryId(key),
    dedupeKey: key,
    userId: user.id,
    toAddress: user.email!,
    // A line break in a Subject starts another header: whatever was interpolated, it is one line.
    subject: oneLine(subject),
    body: lines.join('\n'),
    status: 'pending',
    attempts: 0,
    notBefore: now,
    claimedBy: null,
    claimedUntil: null,
    sentAt: null,
    lastError: null,
    createdAt: now,
  };
}

/** The mail of one alert, sent as soon as it is raised. */
export function immediateMail(
  alert: AlertRow,
  user: UserRow,
  now: number,
  consoleUrl?: string,
): DeliveryRow {
  const label = ALERT_KIND_LABELS[alert.kind].vi;
  const unit = oneLine(String(alert.facts.unitName ?? ''));
  return mail(`immediate:${alert.id}:${user.id}`, user, now, `[Cảnh báo] ${label} – ${unit}`, [
    `Kính gửi ${oneLine(user.displayName)},`,
    '',
    alertText(alert),
    `Phát hiện lúc ${formatDateTime(alert.raisedAt)}.`,
    footer(consoleUrl),
  ]);
}

/** A digest stays readable: the first alerts are listed, the rest counted. */
const DIGEST_LINES = 50;

/** One digest of the alerts raised for `user` since their last mail. */
export function digestMail(
  alerts: readonly AlertRow[],
  user: UserRow,
  date: string,
  now: number,
  consoleUrl?: string,
): DeliveryRow {
  const open = alerts.filter((a) => a.resolvedAt === null).length;
  const lines = alerts.slice(0, DIGEST_LINES).map((a) => {
    const state = a.resolvedAt === null ? '' : ' (đã hết)';
    return `- ${formatDateTime(a.raisedAt)} · ${ALERT_KIND_LABELS[a.kind].vi}${state}: ${alertText(a)}`;
  });
  return mail(
    `digest:${date}:${user.id}`,
    user,
    now,
    `[Bản tin cảnh báo] ${formatDate(now)}: ${alerts.length} cảnh báo, ${open} chưa hết`,
    [
      `Kính gửi ${oneLine(user.displayName)},`,
      '',
      `Các cảnh báo mới từ bản tin trước (${alerts.length}):`,
      '',
      ...lines,
      ...(alerts.length > DIGEST_LINES
        ? [`… và ${alerts.length - DIGEST_LINES} cảnh báo khác, xem trong trang quản trị.`]
        : []),
      footer(consoleUrl),
    ],
  );
}
