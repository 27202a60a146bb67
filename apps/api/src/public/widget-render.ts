/**
 * The widget as HTML from the server: the page a unit's website frames, and the same markup the
 * script variant moves into a shadow root there. No script, no font, no request but the agency's
 * emblem (from this server); links are absolute and open in a new tab, since the widget lives on
 * another site and our pages refuse to be framed. The sparkline is inline SVG; its figures are
 * also a table, for screen readers and anyone who wants the numbers.
 */
import { html, raw } from 'hono/html';
import {
  formatMonth,
  formatNumber,
  formatPercent,
  formatPeriod,
  monthPeriod,
} from '@hailong/domain';
import type { WidgetMonth } from '@hailong/contracts';
import type { PublicLocale } from './texts.ts';
import { WIDGET_TEXTS, type WidgetTexts } from './widget-texts.ts';
import { WIDGET_CSS } from './widget-style.ts';
import { widgetData, type WidgetFigures } from './widget.service.ts';

type Html = ReturnType<typeof html>;

export interface WidgetView {
  figures: WidgetFigures;
  locale: PublicLocale;
  /** Where this server is reached from the embedding site: links and the emblem use it. */
  origin: string;
}

/** The whole page an `<iframe>` shows. */
export function renderWidgetPage(view: WidgetView): Html {
  const t = WIDGET_TEXTS[view.locale];
  return html`<!doctype html>
    <html lang="${view.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="robots" content="noindex" />
        <title>${t.title(view.figures.unit.name)}</title>
        <style>
          body{margin:0}${raw(WIDGET_CSS)}
        </style>
      </head>
      <body>
        <main>
          <h1 class="hl-v">${t.title(view.figures.unit.name)}</h1>
          ${renderWidget(view)}
        </main>
      </body>
    </html>`;
}

/** A page for a unit the tree lacks: still a page, in the frame's language. */
export function renderWidgetMissing(locale: PublicLocale): Html {
  const t = WIDGET_TEXTS[locale];
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="robots" content="noindex" />
        <title>${t.notFound}</title>
        <style>
          body{margin:0}${raw(WIDGET_CSS)}
        </style>
      </head>
      <body>
        <main><p class="hl-w">${t.notFound}</p></main>
      </body>
    </html>`;
}

function renderWidget({ figures, locale, origin }: WidgetView): Html {
  const t = WIDGET_TEXTS[locale];
  const data = widgetData(figures, origin, locale);
  const { current, agency } = data;
  const pct = (ratio: number | null, digits = 1) =>
    ratio === null ? '—' : formatPercent(ratio, locale, digits);
  const newTab = (href: string, words: string) =>
    html`<a href="${href}" target="_blank" rel="noopener"
      >${words}<span class="hl-v">${t.newTab}</span></a
    >`;
  return html`<section class="hl-w" aria-labelledby="hl-u">
    ${
      agency.shortName
        ? html`<p class="hl-a">
            ${agency.logoUrl ? html`<img src="${agency.logoUrl}" alt="" width="28" height="28" referrerpolicy="no-referrer" />` : ''}<span
              >${agency.shortName}</span
            >
          </p>`
        : ''
    }
    <h2 id="hl-u">${figures.unit.name}</h2>
    <p class="hl-k">${t.current(formatPeriod(monthPeriod(current.month), locale))}</p>
    <p class="hl-r"><strong>${pct(current.rate)}</strong>${verdict(current, t)}</p>
    <p class="hl-m">
      ${current.target === null ? t.noTarget : t.target(pct(current.target, 2))} ·
      ${t.answers(formatNumber(current.total, locale))}
    </p>
    ${trend(data.months, locale, t)}
    <p class="hl-l">
      ${newTab(data.links.page, t.details)}${newTab(data.links.register, t.register)}
    </p>
  </section>`;
}

/** The month's verdict in words, as rate-verdict.ts decided it; without answers, none. */
function verdict(m: WidgetMonth, t: WidgetTexts): Html {
  if (m.total === 0) return html`<span class="hl-p few">${t.noAnswers}</span>`;
  switch (m.verdict) {
    case 'met':
      return html`<span class="hl-p">${t.met}</span>`;
    case 'not-met':
      return html`<span class="hl-p no">${t.unmet}</span>`;
    case 'not-significant':
      return html`<span class="hl-p few">${t.notSignificant}</span>`;
    case 'too-few':
      return html`<span class="hl-p few">${t.tooFew}</span>`;
    case null:
      return html`<span class="hl-p few">${t.noTarget}</span>`;
  }
}

/** The same verdict in a table cell's or a badge's few words. */
export function shortVerdict(m: WidgetMonth, t: WidgetTexts, badge = false): string {
  if (m.total === 0) return badge ? t.badgeNone : '—';
  switch (m.verdict) {
    case 'met':
      return t.resultMet;
    case 'not-met':
      return t.resultUnmet;
    case 'not-significant':
      return badge ? t.badgeNotSignificant : t.resultNotSignificant;
    case 'too-few':
      return badge ? t.badgeFew : t.resultFew;
    case null:
      return badge ? t.badgeNoTarget : t.resultNoTarget;
  }
}

function trend(months: readonly WidgetMonth[], locale: PublicLocale, t: WidgetTexts): Html {
  if (months.length === 0) return html``;
  const from = formatMonth(months[0]!.month);
  const to = formatMonth(months.at(-1)!.month);
  return html`<figure>
      <svg
        viewBox="0 0 ${W} ${H}"
        preserveAspectRatio="none"
        role="img"
        aria-label="${t.trendLabel(from, to)}"
      >
        ${raw(sparkline(months))}
      </svg>
      <figcaption>${t.trend}</figcaption>
    </figure>
    <details>
      <summary>${t.table}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">${t.colMonth}</th>
            <th scope="col">${t.colRate}</th>
            <th scope="col">${t.colAnswers}</th>
            <th scope="col">${t.colResult}</th>
          </tr>
        </thead>
        <tbody>
          ${months.map(
            (m) =>
              html`<tr>
                <th scope="row">${formatMonth(m.month)}</th>
                <td>${m.rate === null ? '—' : formatPercent(m.rate, locale, 1)}</td>
                <td>${formatNumber(m.total, locale)}</td>
                <td>${shortVerdict(m, t)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
}

const W = 240;
const H = 56;
const PAD = 5;

/**
 * The months' rates as a line (a month without answers breaks it; a lone month is a dot) over the
 * target as a dashed line. The scale runs from a little below the lowest figure to a little above
 * the highest, so that a unit between 88 % and 96 % does not look flat.
 */
export function sparkline(months: readonly WidgetMonth[]): string {
  const values = months.flatMap((m) => [m.rate, m.target].filter((v) => v !== null));
  if (values.length === 0) values.push(0.9, 1);
  const low = Math.max(0, Math.floor((Math.min(...values) - 0.05) * 20) / 20);
  const high = Math.min(1, Math.ceil((Math.max(...values) + 0.02) * 20) / 20);
  const x = (i: number) => (PAD + (i * (W - 2 * PAD)) / Math.max(1, months.length - 1)).toFixed(1);
  const y = (v: number) => (PAD + ((high - v) / (high - low || 1)) * (H - 2 * PAD)).toFixed(1);
  // Months without an overall target break the dashed line, as months without answers break the other.
  let target = '';
  months.forEach((m, i) => {
    if (m.target === null) return;
    const joined = i > 0 && months[i - 1]!.target !== null;
    target += `${joined ? 'L' : 'M'}${x(i)} ${y(m.target)}`;
  });
  let line = '';
  months.forEach((m, i) => {
    if (m.rate === null) return;
    const joined = i > 0 && months[i - 1]!.rate !== null;
    line += `${joined ? 'L' : 'M'}${x(i)} ${y(m.rate)}`;
    const alone = !joined && (i === months.length - 1 || months[i + 1]!.rate === null);
    if (alone) line += 'h0';
  });
  const stroke = 'fill="none" vector-effect="non-scaling-stroke" stroke-linecap="round"';
  return (
    (target
      ? `<path d="${target}" stroke="#6e7781" stroke-width="1.5" stroke-dasharray="4 3" ${stroke}/>`
      : '') + (line ? `<path d="${line}" stroke="#0b57d0" stroke-width="2.5" ${stroke}/>` : '')
  );
}
