import type { viAgency } from './vi-agency.ts';

/** English messages of the agency settings and of a unit's embed panel (spread into en.ts). */
export const enAgency: Record<keyof typeof viAgency, string> = {
  'agency.title': 'Publishing agency',
  'agency.intro':
    'The name and emblem at the top of the public results page, the published answers and the widget units embed in their websites. Until set, the pages use the top unit’s name.',
  'agency.name': 'Agency name',
  'agency.nameHint': 'For example: People’s Committee of Hải Long province.',
  'agency.shortName': 'Short name',
  'agency.shortNameHint':
    'Shown in page titles and at the top of the widget, e.g. UBND tỉnh Hải Long. Empty: the name.',
  'agency.save': 'Save the agency name',
  'agency.saved': 'Agency name saved.',
  'agency.current': 'The public pages now say: {name}',
  'agency.logo': 'Emblem',
  'agency.logoHint':
    'A PNG or JPEG of at most 512 KB and 4096 pixels a side. It is scaled down so the pages stay light.',
  'agency.logoNone': 'No emblem yet.',
  'agency.logoPreview': 'Current emblem',
  'agency.upload': 'Upload the emblem',
  'agency.uploaded': 'Emblem updated.',
  'agency.removeLogo': 'Remove the emblem',
  'agency.removed': 'Emblem removed.',

  'embed.title': 'Embed in the unit’s website',
  'embed.intro':
    'Copy one of these snippets into the website of {unit} to publish its satisfaction rate this month and over the last 12 months. The figures update themselves; the widget sets no cookie, tracks no reader and loads nothing from third parties.',
  'embed.language': 'Widget language',
  'embed.vi': 'Vietnamese',
  'embed.en': 'English',
  'embed.frame': 'Frame (iframe) — works on any page',
  'embed.script': 'JavaScript snippet — for pages that do not allow frames',
  'embed.badge': 'Badge (SVG image)',
  'embed.json': 'JSON data — for sites that draw their own',
  'embed.copy': 'Copy',
  'embed.copied': 'Snippet copied to the clipboard.',
  'embed.copyFailed': 'Could not copy. Select the snippet and copy it by hand.',
  'embed.preview': 'Preview',
  'embed.frameTitle': 'How satisfied citizens and organisations are with {unit}',
  'embed.badgeAlt': 'Satisfaction rate of {unit}',
  'embed.warnUrl':
    'The server has no public address (PUBLIC_URL): the snippets use this console’s address.',
};
