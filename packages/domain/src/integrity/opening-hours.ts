/**
 * A unit's opening hours (giờ làm việc): spans of the day, Monday to Friday and Saturday. The
 * default follows the hours most units keep under Nghị định 61/2018/NĐ-CP and the provinces' rules
 * on the one-stop shop: 7:30–11:30 and 13:30–17:00 on working days; Saturday morning only where a
 * unit says so. Times are minutes after midnight, Việt Nam time.
 */
export interface TimeSpan {
  /** Minutes after midnight, inclusive. */
  from: number;
  /** Minutes after midnight, exclusive. */
  to: number;
}

export interface OpeningHours {
  weekdays: readonly TimeSpan[];
  saturday: readonly TimeSpan[];
}

const at = (h: number, m: number) => h * 60 + m;

export const DEFAULT_OPENING_HOURS: OpeningHours = {
  weekdays: [
    { from: at(7, 30), to: at(11, 30) },
    { from: at(13, 30), to: at(17, 0) },
  ],
  saturday: [],
};

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The weekday ('Mon'…'Sun') and minute of the day of an instant in Việt Nam. */
export function vnClockOf(epochMs: number): { weekday: string; minute: number } {
  const parts = clock.formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Whether the unit is open at an instant (Sunday never). */
export function isOpenAt(hours: OpeningHours, epochMs: number): boolean {
  const { weekday, minute } = vnClockOf(epochMs);
  const spans = weekday === 'Sun' ? [] : weekday === 'Sat' ? hours.saturday : hours.weekdays;
  return spans.some((s) => minute >= s.from && minute < s.to);
}

/** "7:30" for 450 minutes after midnight. */
export function formatClock(minute: number): string {
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
}

/** Minutes after midnight of "7:30", "07:30", "7h30" or "7" (24-hour); null if not a time of day. */
export function parseClock(text: string): number | null {
  const match = /^\s*(\d{1,2})(?:\s*[:hg.]\s*(\d{2}))?\s*$/i.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** "7:30–11:30, 13:30–17:00" */
export function formatSpans(spans: readonly TimeSpan[]): string {
  return spans.map((s) => `${formatClock(s.from)}–${formatClock(s.to)}`).join(', ');
}

/** The hours in words, for an explanation. */
export function describeOpeningHours(hours: OpeningHours): string {
  const week = `thứ Hai đến thứ Sáu ${formatSpans(hours.weekdays) || 'không làm việc'}`;
  const sat = hours.saturday.length ? `; thứ Bảy ${formatSpans(hours.saturday)}` : '';
  return week + sat;
}
