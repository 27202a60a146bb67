/**
 * The unit's badge: one plain SVG, "Hài lòng 11/2026 | 95,2% · Đạt", for a website that only wants
 * an image. No script, no font file, no link out; the words are also its accessible name.
 */
import { formatMonth, formatPercent } from '@hailong/domain';
import type { WidgetMonth } from '@hailong/contracts';
import type { PublicLocale } from './texts.ts';
import { WIDGET_TEXTS } from './widget-texts.ts';
import { shortVerdict } from './widget-render.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Roughly how wide 11 px Verdana draws `text` (the badge sizes itself; no font is measured). */
const widthOf = (text: string) => Math.ceil([...text].length * 7 + 12);

export function renderBadge(current: WidgetMonth, locale: PublicLocale): string {
  const t = WIDGET_TEXTS[locale];
  const label = t.badgeLabel(formatMonth(current.month));
  const said = shortVerdict(current, t, true);
  const value =
    current.total === 0 ? said : `${formatPercent(current.rate ?? 0, locale, 1)} · ${said}`;
  // Dark enough for white words (4.5:1): green met, red not met, grey not judged.
  const colour =
    current.verdict === 'met' ? '#116329' : current.verdict === 'not-met' ? '#a40e26' : '#57606a';
  const left = widthOf(label);
  const right = widthOf(value);
  const whole = left + right;
  const name = escape(`${label}: ${value}`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${whole}" height="20" viewBox="0 0 ${whole} 20" role="img" aria-label="${name}">` +
    `<title>${name}</title>` +
    `<rect width="${whole}" height="20" rx="3" fill="#24292f"/>` +
    `<rect x="${left}" width="${right}" height="20" rx="3" fill="${colour}"/>` +
    `<rect x="${left}" width="4" height="20" fill="${colour}"/>` +
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11" text-anchor="middle">` +
    `<text x="${left / 2}" y="14">${escape(label)}</text>` +
    `<text x="${left + right / 2}" y="14">${escape(value)}</text></g></svg>`
  );
}
