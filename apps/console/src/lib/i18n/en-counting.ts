import type { viCounting } from './vi-counting.ts';

/** English messages of a unit's counting settings. */
export const enCounting: Record<keyof typeof viCounting, string> = {
  'counting.title': 'Closing the month and phone ratings',
  'counting.intro':
    'Each month’s figures close at the end of the day the unit chooses in the next month: ratings of that month arriving later are kept and shown on a “Late” line, and the closed figures do not change. A phone rating counts in the official rate only when tied to a dossier of the unit (in the imported one-stop dossiers, or matching the unit’s pattern when it requires a code), once per dossier; other phone ratings are shown apart, with their own rate.',
  'counting.defaults':
    'The unit has not chosen; the defaults apply: figures close at the end of day {day} of the next month; phone ratings without a dossier do not count in the official rate.',
  'counting.current': 'In force since {month}: {settings}.',
  'counting.next': 'From {month}: {settings}.',
  'counting.closeDayIs': 'figures close at the end of day {day} of the next month',
  'counting.phoneIncluded': 'phone ratings without a dossier count (within the daily cap)',
  'counting.phoneApart': 'phone ratings without a dossier do not count',
  'counting.lastClosed': 'Latest closed month: {month}.',
  'counting.closeDay': 'The month’s figures close on day (of the next month)',
  'counting.closeDayHint':
    '1 to 28, at the end of the day in Việt Nam time. Default: day {day}. A tablet offline for a few days still uploads in time.',
  'counting.includePhone': 'Count phone ratings without a dossier in the official rate',
  'counting.includePhoneHint':
    'At most 1% of an average day’s counted tablet ratings over the previous 28 days (rounded down) count each day; the rest are shown apart. So a flood from many addresses cannot move the official rate by more than one percentage point. Default: not counted.',
  'counting.effective':
    'A change applies from {month}; the month in progress and earlier months keep their rule. Every change is logged.',
  'counting.saved': 'Saved. Applies from {month}.',

  'hours.title': 'Opening hours',
  'hours.intro':
    'The unit’s opening hours are what the “Integrity checks” page uses to list ratings recorded outside them. They change no figure.',
  'hours.defaults':
    'The unit has not set its hours; the defaults apply: {hours}. Outside-hours signals say they used the defaults.',
  'hours.current': 'Opening hours set: {hours}.',
  'hours.weekdays': 'Monday to Friday',
  'hours.saturday': 'Saturday',
  'hours.morning': 'Morning',
  'hours.afternoon': 'Afternoon',
  'hours.from': 'From',
  'hours.to': 'to',
  'hours.hint': '24-hour times, e.g. 07:30 and 17:00. Leave both boxes empty when closed.',
  'hours.error.format': '{field}: write the time as 07:30.',
  'hours.error.pair': '{field}: give both the start and the end, or neither.',
  'hours.error.order':
    '{field}: the start must come before the end, the morning before the afternoon.',
  'hours.saved': 'Opening hours saved.',
};
