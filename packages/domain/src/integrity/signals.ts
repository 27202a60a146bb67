/**
 * Integrity signals (dấu hiệu cần kiểm tra, issue 25 item 5): from one unit's day of ratings and
 * what else is known of that day, the patterns an inspector should look at, each explained in
 * plain Vietnamese with the records behind it. Data in, data out: the API reads the day and
 * its context; nothing here changes a figure — a supervisor concludes, and only an exclusion with
 * a reason moves the counters.
 *
 * What each signal needs, and what it does not claim:
 * - outside_hours: a rating stamped when the unit is closed (opening-hours.ts); a kiosk clock
 *   far off shows here too (those are `bad_clock` already and are skipped).
 * - more_than_dossiers: only for a day the one-stop import covers (`dossiersReturned` given);
 *   a counter rated more times than dossiers were returned there.
 * - top_run: INTEGRITY_THRESHOLDS.runMinRatings top ratings in a row at one counter, seconds
 *   apart, none naming a dossier — a hand on the tablet rather than citizens served.
 * - officer_not_on_duty: a rating credited to an officer while the counter's duty names another.
 *   Where no duty is known for that moment, nothing is said.
 * - phone_share: the day's phone share far above the unit's usual share, with a minimum count.
 */
import { RATING_SCALES, type ScaleId } from '../scales.ts';
import { formatNumber, formatPercent } from '../vi-format.ts';
import { describeOpeningHours, isOpenAt, type OpeningHours } from './opening-hours.ts';
import { INTEGRITY_THRESHOLDS, type IntegrityThresholds } from './thresholds.ts';

export const SIGNAL_KINDS = [
  'outside_hours',
  'more_than_dossiers',
  'top_run',
  'officer_not_on_duty',
  'phone_share',
  'chain_flag',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** "quầy Tiếp nhận hồ sơ", but "Quầy số 1" as it is: a counter's name often says "quầy" already. */
const counterPhrase = (name: string) => (/^quầy\b/iu.test(name) ? name : `quầy ${name}`);

/** The server's chain flags (table chain_flags) in words. */
const CHAIN_FLAG_WORDS: Readonly<Record<string, string>> = {
  break: 'không nối với bản ghi trước',
  fork: 'hai bản ghi cùng nối vào một bản ghi trước',
  bad_signature: 'chữ ký số không hợp lệ',
  missing_signature: 'thiếu chữ ký số',
};

/** One rating of the day, as the signals read it. */
export interface IntegrityRating {
  id: string;
  /** When it was pressed (device time), epoch ms. */
  at: number;
  counterId: string | null;
  level: number;
  scale: ScaleId;
  channel: string;
  officerId: string | null;
  deviceId: string | null;
  dossierCode: string | null;
  /** Its category; `bad_clock` ones are left to that flag. */
  category: string;
}

/** An officer named on duty at a counter from `from` until `to` (null: still). */
export interface DutySpan {
  counterId: string;
  officerId: string | null;
  from: number;
  to: number | null;
}

export interface IntegrityContext {
  /** 'YYYY-MM-DD', Việt Nam. */
  day: string;
  openingHours: OpeningHours;
  /** False when the unit never set its hours and the defaults applied: the explanation says so. */
  openingHoursChosen: boolean;
  /**
   * Dossiers returned that day per counter id; null when no dossier file covers the day (then
   * the signal is not computed: no file is not zero dossiers).
   */
  dossiersReturned: ReadonlyMap<string, number> | null;
  duties: readonly DutySpan[];
  /** The unit's usual phone and all ratings (the counters of recent months); null: none known. */
  usual: { phone: number; total: number } | null;
  /**
   * The day's records the server flagged on arrival (their tablet's chain broke or forked, or a
   * signature failed), by rating id, with the kinds of flag; absent: none.
   */
  chainFlags?: ReadonlyMap<string, readonly string[]>;
  /** Names for explanations: counters and officers (staff-facing). */
  counterName?: (id: string) => string;
  officerName?: (id: string) => string;
}

export interface IntegritySignal {
  kind: SignalKind;
  /** Null for a signal of the whole unit (phone share, phone ratings outside hours). */
  counterId: string | null;
  day: string;
  /** Plain Vietnamese, with the threshold applied. */
  explanation: string;
  /** The records behind it, at most `maxRecordsPerSignal`, earliest first. */
  ratingIds: string[];
  /** How many records are behind it in all. */
  count: number;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const hms = (ms: number) => timeFormat.format(new Date(ms));

const isTop = (r: IntegrityRating) => {
  const levels = RATING_SCALES[r.scale].levels.map((l) => l.level);
  return r.level === Math.max(...levels);
};

/** The day's signals, in a stable order: by kind, then counter, then first record. */
export function integritySignals(
  ratings: readonly IntegrityRating[],
  context: IntegrityContext,
  thresholds: IntegrityThresholds = INTEGRITY_THRESHOLDS,
): IntegritySignal[] {
  const day = [...ratings]
    .filter((r) => r.category !== 'bad_clock')
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const counterName = context.counterName ?? ((id: string) => id);
  const officerName = context.officerName ?? ((id: string) => id);
  const make = (
    kind: SignalKind,
    counterId: string | null,
    records: readonly IntegrityRating[],
    explanation: string,
  ): IntegritySignal => ({
    kind,
    counterId,
    day: context.day,
    explanation,
    ratingIds: records.slice(0, thresholds.maxRecordsPerSignal).map((r) => r.id),
    count: records.length,
  });
  const byCounter = groupBy(day, (r) => r.counterId);
  const where = (counterId: string | null) =>
    counterId === null ? 'không gắn quầy' : `tại ${counterPhrase(counterName(counterId))}`;
  const out: IntegritySignal[] = [];

  for (const [counterId, rows] of byCounter) {
    const outside = rows.filter((r) => !isOpenAt(context.openingHours, r.at));
    if (outside.length > 0) {
      out.push(
        make(
          'outside_hours',
          counterId,
          outside,
          `${formatNumber(outside.length)} phiếu ${where(counterId)} được ghi ngoài giờ làm việc ` +
            `${context.openingHoursChosen ? 'của đơn vị' : 'mặc định (đơn vị chưa đặt giờ làm việc)'} ` +
            `(${describeOpeningHours(context.openingHours)}), ` +
            `từ ${hms(outside[0]!.at)} đến ${hms(outside[outside.length - 1]!.at)}.`,
        ),
      );
    }
  }

  if (context.dossiersReturned !== null) {
    for (const [counterId, rows] of byCounter) {
      if (counterId === null) continue;
      const atDesk = rows.filter((r) => r.channel !== 'phone');
      const returned = context.dossiersReturned.get(counterId) ?? 0;
      if (atDesk.length > returned) {
        out.push(
          make(
            'more_than_dossiers',
            counterId,
            atDesk,
            `Quầy ${counterName(counterId)} có ${formatNumber(atDesk.length)} phiếu đánh giá ` +
              `nhưng chỉ trả ${formatNumber(returned)} hồ sơ trong ngày theo tệp hồ sơ đã nhập ` +
              `(ngưỡng: số phiếu tại quầy không vượt số hồ sơ trả kết quả).`,
          ),
        );
      }
    }
  }

  for (const [counterId, rows] of byCounter) {
    if (counterId === null) continue;
    for (const run of topRuns(rows, thresholds)) {
      const span = Math.round((run[run.length - 1]!.at - run[0]!.at) / 1000);
      out.push(
        make(
          'top_run',
          counterId,
          run,
          `${formatNumber(run.length)} phiếu "rất hài lòng" liên tiếp tại quầy ` +
            `${counterName(counterId)} trong ${formatNumber(span)} giây (${hms(run[0]!.at)}–` +
            `${hms(run[run.length - 1]!.at)}), không phiếu nào gắn hồ sơ đang giải quyết ` +
            `(ngưỡng: từ ${thresholds.runMinRatings} phiếu trong ${thresholds.runMaxSpanSeconds} ` +
            `giây, mỗi phiếu cách phiếu trước dưới ${thresholds.runMaxGapSeconds} giây).`,
        ),
      );
    }
  }

  for (const [counterId, rows] of byCounter) {
    if (counterId === null) continue;
    const duties = context.duties.filter((d) => d.counterId === counterId);
    const offDuty = rows.filter((r) => {
      if (r.officerId === null) return false;
      const duty = duties.find((d) => r.at >= d.from && (d.to === null || r.at < d.to));
      return duty !== undefined && duty.officerId !== r.officerId;
    });
    for (const [officerId, list] of groupBy(offDuty, (r) => r.officerId!)) {
      const onDuty = context.duties.find(
        (d) => d.counterId === counterId && list[0]!.at >= d.from,
      )?.officerId;
      out.push(
        make(
          'officer_not_on_duty',
          counterId,
          list,
          `${formatNumber(list.length)} phiếu tại ${counterPhrase(counterName(counterId))} ghi cho cán bộ ` +
            `${officerName(officerId)}, trong khi lịch trực của quầy lúc đó là ` +
            `${onDuty ? officerName(onDuty) : 'không có cán bộ'}.`,
        ),
      );
    }
  }

  const phones = day.filter((r) => r.channel === 'phone');
  if (phones.length >= thresholds.phoneMinCount && day.length > 0) {
    const share = phones.length / day.length;
    const usual =
      context.usual && context.usual.total > 0 ? context.usual.phone / context.usual.total : 0;
    if (
      share >= usual * thresholds.phoneShareFactor &&
      (share - usual) * 100 >= thresholds.phoneShareMinPointsAbove
    ) {
      out.push(
        make(
          'phone_share',
          null,
          phones,
          `Phiếu qua điện thoại chiếm ${formatPercent(share)} số phiếu trong ngày ` +
            `(${formatNumber(phones.length)}/${formatNumber(day.length)}), trong khi thường ngày ` +
            `chỉ ${formatPercent(usual)} (ngưỡng: gấp ${thresholds.phoneShareFactor} lần và cao hơn ` +
            `${thresholds.phoneShareMinPointsAbove} điểm phần trăm, từ ` +
            `${thresholds.phoneMinCount} phiếu).`,
        ),
      );
    }
  }

  const flagged = context.chainFlags;
  if (flagged && flagged.size > 0) {
    for (const [counterId, rows] of groupBy(
      day.filter((r) => flagged.has(r.id)),
      (r) => r.counterId,
    )) {
      const kinds = new Set(rows.flatMap((r) => flagged.get(r.id) ?? []));
      out.push(
        make(
          'chain_flag',
          counterId,
          rows,
          `${formatNumber(rows.length)} phiếu ${where(counterId)} từ máy tính bảng mà chuỗi bản ` +
            `ghi có vấn đề (${[...kinds].map((k) => CHAIN_FLAG_WORDS[k] ?? k).join('; ')}): ` +
            'bản ghi có thể đã bị sửa, chèn hoặc xóa sau khi người dân bấm.',
        ),
      );
    }
  }

  const order = new Map(SIGNAL_KINDS.map((k, i) => [k, i]));
  return out.sort(
    (a, b) =>
      order.get(a.kind)! - order.get(b.kind)! ||
      (a.counterId ?? '').localeCompare(b.counterId ?? '') ||
      (a.ratingIds[0] ?? '').localeCompare(b.ratingIds[0] ?? ''),
  );
}

/**
 * Maximal chains of top ratings without a dossier, each less than the gap after the one before,
 * kept when some `runMinRatings` consecutive ones of the chain lie within the span.
 */
function topRuns(rows: readonly IntegrityRating[], t: IntegrityThresholds): IntegrityRating[][] {
  const chains: IntegrityRating[][] = [];
  let chain: IntegrityRating[] = [];
  for (const r of rows) {
    const fits = isTop(r) && r.dossierCode === null && r.channel !== 'phone';
    const prev = chain[chain.length - 1];
    if (fits && prev && r.at - prev.at < t.runMaxGapSeconds * 1000) chain.push(r);
    else {
      chains.push(chain);
      chain = fits ? [r] : [];
    }
  }
  chains.push(chain);
  const k = t.runMinRatings;
  return chains.filter((c) =>
    c.some((r, i) => i + k - 1 < c.length && c[i + k - 1]!.at - r.at <= t.runMaxSpanSeconds * 1000),
  );
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}
