/** The holiday calendar, the feedback settings and the on-time figure on the wire. */
import { z } from 'zod';
import { HOLIDAY_KINDS } from '@hailong/domain';
import { Id, text } from './common.ts';
import { CalendarDate } from './feedback.ts';
import { BoundedDate, BoundedMonth, BoundedYear } from './periods.ts';

export const HolidayKind = z.enum(HOLIDAY_KINDS);

export const Holiday = z
  .object({
    date: CalendarDate,
    name: z.string(),
    kind: HolidayKind,
    /** e.g. "dự kiến" while a year's schedule is not yet announced. */
    note: z.string().nullable(),
  })
  .meta({ id: 'Holiday' });
export type Holiday = z.infer<typeof Holiday>;

export const HolidayList = z
  .object({ year: z.number().int(), holidays: z.array(Holiday) })
  .meta({ id: 'HolidayList' });
export type HolidayList = z.infer<typeof HolidayList>;

export const HolidayYearQuery = z.object({ year: BoundedYear.optional() });

/** The day a holiday entry is about, in the path. */
export const HolidayDateParam = z.object({ date: BoundedDate });

export const PutHolidayRequest = z
  .object({
    name: text(200),
    kind: HolidayKind.default('off'),
    note: text(300).nullable().default(null),
  })
  .meta({ id: 'PutHolidayRequest' });
export type PutHolidayRequest = z.input<typeof PutHolidayRequest>;

export const FeedbackSettings = z
  .object({
    /** Working days to answer, counted from the day after receipt (at least the 5 to classify). */
    answerDays: z.number().int().min(5).max(60),
    /** Months after closing before contact data is erased. */
    retentionMonths: z.number().int().min(1).max(120),
  })
  .meta({ id: 'FeedbackSettings' });
export type FeedbackSettings = z.infer<typeof FeedbackSettings>;

/**
 * A unit's own register setting: whether the console's answer form starts on "publish". Off by
 * default, so that an answer given by phone is not published by one click; publishing stays an
 * explicit choice either way.
 */
export const UnitFeedbackSettings = z
  .object({ unitId: Id, unitName: z.string(), publishByDefault: z.boolean() })
  .meta({ id: 'UnitFeedbackSettings' });
export type UnitFeedbackSettings = z.infer<typeof UnitFeedbackSettings>;

export const UnitFeedbackSettingsList = z
  .object({ units: z.array(UnitFeedbackSettings) })
  .meta({ id: 'UnitFeedbackSettingsList' });
export type UnitFeedbackSettingsList = z.infer<typeof UnitFeedbackSettingsList>;

export const PutUnitFeedbackSettingsRequest = z
  .object({ publishByDefault: z.boolean() })
  .meta({ id: 'PutUnitFeedbackSettingsRequest' });
export type PutUnitFeedbackSettingsRequest = z.infer<typeof PutUnitFeedbackSettingsRequest>;

export const OnTimeQuery = z.object({
  month: BoundedMonth,
  unitId: Id.optional(),
});

export const OnTimeRow = z
  .object({
    unitId: Id,
    month: z.string(),
    received: z.number().int(),
    duplicates: z.number().int(),
    answered: z.number().int(),
    answeredOnTime: z.number().int(),
    overdueOpen: z.number().int(),
    accepted: z.number().int(),
    notAccepted: z.number().int(),
    rate: z.number().nullable(),
    score: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable(),
  })
  .meta({ id: 'FeedbackOnTimeRow' });

export const OnTimeReport = z
  .object({ month: z.string(), today: CalendarDate, rows: z.array(OnTimeRow) })
  .meta({ id: 'FeedbackOnTimeReport' });
export type OnTimeReport = z.infer<typeof OnTimeReport>;
