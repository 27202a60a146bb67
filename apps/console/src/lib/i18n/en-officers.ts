import type { viOfficers } from './vi-officers.ts';

/** English messages of officers at counters and the unit's survey settings. */
export const enOfficers: Record<keyof typeof viOfficers, string> = {
  'nav.counters': 'Counters and survey',
  'counters.intro':
    'The officer on duty at each counter, officers’ counter sign-in PINs, and the extra questions citizens answer after rating (dossier code, respondent type, visits, agencies contacted, officer attitude as in Circular 01/2018/TT-VPCP).',
  'counters.unit': 'Unit',
  'counters.chooseUnit': '— Choose a unit —',

  'survey.title': 'Survey at the counter',
  'survey.own': 'The unit has its own settings (they also cover units beneath without their own).',
  'survey.inherited': 'The unit uses the settings of a unit above it.',
  'survey.defaults': 'The unit uses the default settings.',
  'survey.attribution': 'Record the officer on duty with each rating',
  'survey.dossier': 'Dossier code',
  'survey.dossier.off': 'Not asked',
  'survey.dossier.optional': 'Asked, may be skipped',
  'survey.dossier.required': 'Required',
  'survey.pattern': 'Dossier code pattern (regular expression)',
  'survey.patternHint':
    'Codes are upper-cased and spaces removed before matching. Default: letters, digits and . - / _, 5 to 40 characters.',
  'survey.respondent': 'Ask the respondent type (individual / organisation)',
  'survey.visits': 'Ask how many times they came to complete the dossier',
  'survey.agencies': 'Ask how many agencies they contacted',
  'survey.attitude': 'Ask about the officer’s attitude',
  'survey.questions': 'Extra questions after the rating',
  'survey.saved': 'Survey settings saved.',
  'survey.reset': 'Use the settings of the unit above',

  'duty.title': 'Officers on duty',
  'duty.counter': 'Counter',
  'duty.officer': 'Officer on duty',
  'duty.since': 'Since',
  'duty.source': 'Set from',
  'duty.source.console': 'Console',
  'duty.source.tablet': 'Tablet',
  'duty.nobody': 'Nobody',
  'duty.set': 'Set the officer on duty at {counter}',
  'duty.saved': 'Officer on duty at {counter} set.',
  'duty.none': 'The unit has no counter.',

  'pins.title': 'Officers’ counter sign-in PINs',
  'pins.intro':
    'Each officer sets their own counter sign-in PIN on the My account page to sign in at a counter tablet. When a tablet is lost, clear the PINs of the unit’s officers.',
  'pins.name': 'Officer',
  'pins.hasPin': 'Counter sign-in PIN',
  'pins.yes': 'Set',
  'pins.no': 'Not set',
  'pins.clear': 'Clear the counter sign-in PIN of {name}',
  'pins.clearShort': 'Clear PIN',
  'pins.cleared': 'Counter sign-in PIN of {name} cleared.',
  'pins.none': 'The unit has no officers.',

  'mypin.title': 'My counter sign-in PIN',
  'mypin.intro':
    'To take a counter on its tablet (4 to 6 digits); not the tablet’s staff PIN, which opens its staff mode. Tablets check it offline, so do not reuse a password or another code.',
  'mypin.has': 'You have a counter sign-in PIN.',
  'mypin.none': 'You have no counter sign-in PIN yet.',
  'mypin.pin': 'New counter sign-in PIN',
  'mypin.confirm': 'Repeat the counter sign-in PIN',
  'mypin.mismatch': 'The two PINs differ.',
  'mypin.invalid': 'A counter sign-in PIN has 4 to 6 digits.',
  'mypin.saved': 'Counter sign-in PIN saved.',
};
