/**
 * The public page as HTML from the server: what a citizen opens on a phone (from the kiosk's QR
 * code or a link) is readable and usable before, and without, any script — the figures, the period
 * form and the tracking-code lookup are plain HTML, and each form is a GET of this page.
 */
import { html, raw } from 'hono/html';
import {
  FEEDBACK_CLASSIFICATION_LABELS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_STATUS_LABELS,
  NO_TARGET_TEXT,
  RATE_VERDICT_TEXT,
  TARGET_SOURCE_LABELS,
  formatDate,
  formatDateTime,
  formatIsoDate,
  formatNumber,
  formatPercent,
  formatPeriod,
  parsePeriod,
  periodChoices,
  previousPeriod,
  VERIFY_PAGE_PATH,
  type LanguagePackData,
  type Period,
} from '@hailong/domain';
import type { PublicFeedback, PublicFigure, PublicStats } from '@hailong/contracts';
import { PUBLIC_TEXTS, publicTexts, type PublicLocale, type PublicTexts } from './texts.ts';
import { REGISTER_TEXTS, registerTexts } from './register-texts.ts';
import type { PublicLanguage } from './public-pack.ts';
import { pageShell } from './shell.ts';
import { registerHref } from './register-render.ts';
import { VERIFY_LINK_TEXT } from './verify-render.ts';
import { verdictSection, type VerdictNotice } from './verdict-form.ts';
import type { AgencyHeading } from './agency.service.ts';

export const PUBLIC_PAGE_PATH = '/public';
/** How many calendar years of periods the picker offers. */
const PICKER_YEARS = 3;

export type LookupOutcome =
  | { code: string; problem: 'invalid' | 'notFound' | 'throttled' }
  | { code: string; items: PublicFeedback[] };

export interface PublicPageView {
  /** How numbers, dates and periods are written. */
  locale: PublicLocale;
  /** The pack the words come from (issue 27); the locale's built-in words when absent. */
  pack?: LanguagePackData;
  /** The languages the page offers, each linking to this page in it. */
  languages?: readonly PublicLanguage[];
  /** This month in Việt Nam: the latest a reader may pick. */
  thisMonth: string;
  period: Period;
  /** The unit asked for, if any (the top of the tree otherwise). */
  node: string | undefined;
  /** Null when the asked unit does not exist. */
  stats: PublicStats | null;
  notice: 'badPeriod' | 'noSuchUnit' | null;
  lookup: LookupOutcome | null;
  /** After the verdict form was sent: it was recorded, or it could not be. */
  verdictNotice?: VerdictNotice | null;
  /** Who publishes: heads the page. */
  agency: AgencyHeading;
}

type Html = ReturnType<typeof html>;

/** A link to this page; the language only when it is not the default. */
export function pageHref(to: {
  period?: string;
  node?: string;
  code?: string;
  /** The page's language tag (`vi`, `en`, or an uploaded pack's). */
  locale: string;
}): string {
  const query = new URLSearchParams();
  if (to.period) query.set('period', to.period);
  if (to.node) query.set('node', to.node);
  if (to.code) query.set('code', to.code);
  if (to.locale !== 'vi') query.set('lang', to.locale);
  const text = query.toString();
  return text ? `${PUBLIC_PAGE_PATH}?${text}` : PUBLIC_PAGE_PATH;
}

export function renderPublicPage(view: PublicPageView): Html {
  const t = view.pack ? publicTexts(view.pack) : PUBLIC_TEXTS[view.locale];
  const r = view.pack ? registerTexts(view.pack) : REGISTER_TEXTS[view.locale];
  const language = languageOf(view);
  const other: PublicLocale = view.locale === 'vi' ? 'en' : 'vi';
  const periodName = formatPeriod(view.period, view.locale);
  const here = (locale: string) =>
    pageHref({ period: view.period.id, node: view.node, code: view.lookup?.code, locale });
  return pageShell({
    locale: view.locale,
    language,
    texts: t,
    languages: view.languages?.map((l) => ({ ...l, href: here(l.language) })),
    title: t.title,
    description: t.description,
    agency: view.agency,
    homeHref: pageHref({ locale: language }),
    otherHref: here(other),
    main: html`<h1>${t.title}</h1>
      <p class="lead">${t.intro(view.stats?.node.name ?? '', periodName)}</p>
      ${view.notice ? html`<p class="notice" role="alert">${view.notice === 'badPeriod' ? t.badPeriod : t.noSuchUnit}</p>` : ''}
      ${lookupSection(view, t)}
      <p class="register-link">
        <a href="${registerHref({ locale: view.locale })}">${r.registerLink}</a>
      </p>
      <p class="register-link">
        <a href="${VERIFY_PAGE_PATH}">${VERIFY_LINK_TEXT[view.locale]}</a>
      </p>
      ${periodForm(view, t)} ${view.stats ? figures(view.stats, view, t) : ''}`,
  });
}

/** The page's language tag: the pack's, else the locale. */
function languageOf(view: PublicPageView): string {
  return view.pack?.language ?? view.locale;
}

/** A GET form stays in the page's language. */
function languageField(view: PublicPageView): Html | string {
  const language = languageOf(view);
  return language === 'vi' ? '' : html`<input type="hidden" name="lang" value="${language}" />`;
}

function lookupSection(view: PublicPageView, t: PublicTexts): Html {
  const outcome = view.lookup;
  const problem =
    outcome && 'problem' in outcome
      ? {
          invalid: t.lookupInvalid,
          notFound: t.lookupNotFound,
          throttled: t.lookupThrottled,
        }[outcome.problem]
      : null;
  return html`<section class="card lookup" aria-labelledby="lookup-title">
    <h2 id="lookup-title">${t.lookupTitle}</h2>
    <p class="muted">${t.lookupIntro}</p>
    <form class="row" method="get" action="${PUBLIC_PAGE_PATH}">
      ${languageField(view)}
      <div class="field">
        <label for="tracking-code">${t.lookupField}</label>
        <input
          id="tracking-code"
          name="code"
          maxlength="20"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          value="${outcome?.code ?? ''}"
          ${problem ? raw(' aria-invalid="true" aria-describedby="lookup-problem"') : ''}
        />
      </div>
      <button type="submit" class="primary">${t.lookupSubmit}</button>
    </form>
    ${problem ? html`<p id="lookup-problem" class="problem" role="alert">${problem}</p>` : ''}
    ${outcome && 'items' in outcome ? lookupResults(outcome.items, view, t) : ''}
  </section>`;
}

function lookupResults(items: PublicFeedback[], view: PublicPageView, t: PublicTexts): Html {
  const locale = view.locale;
  return html`${items.map(
    (item) =>
      html`<h3>${t.lookupResult(item.trackingCode)}</h3>
        <article class="result">
          <p class="head">
            <strong>${FEEDBACK_KIND_LABELS[item.kind][locale]}</strong> ·
            ${item.unitName}${item.sectorName ? ` · ${item.sectorName}` : ''}
          </p>
          <p class="state">${FEEDBACK_STATUS_LABELS[item.status][locale]}</p>
          ${
            item.classification === 'forwarded' && item.forwardedTo
              ? html`<p>
                  ${FEEDBACK_CLASSIFICATION_LABELS.forwarded[locale]}: ${item.forwardedTo}
                </p>`
              : ''
          }
          <dl>
            <dt>${t.receivedAt}</dt>
            <dd>${formatIsoDate(item.receivedOn)}</dd>
            <dt>${t.answerDue}</dt>
            <dd>${formatIsoDate(item.answerDue)}</dd>
            ${
              item.answeredAt
                ? html`<dt>${t.answeredAt}</dt>
                    <dd>${formatDate(Date.parse(item.answeredAt))}</dd>`
                : ''
            }
            ${
              item.closedAt
                ? html`<dt>${t.closedAt}</dt>
                    <dd>${formatDate(Date.parse(item.closedAt))}</dd>`
                : ''
            }
          </dl>
          ${
            item.answer
              ? html`<h4>${t.answer}</h4>
                  <p class="answer">${item.answer.text}</p>`
              : html`<p class="muted">${t.noAnswerYet}</p>`
          }
          ${verdictSection(item, locale, view.verdictNotice ?? null)}
        </article>`,
  )}`;
}

function periodForm(view: PublicPageView, t: PublicTexts): Html {
  const before = previousPeriod(view.period);
  const groups = periodChoices(view.thisMonth, PICKER_YEARS);
  const known = groups.some((g) => g.periods.some((p) => p.id === view.period.id));
  return html`<form
    class="periods"
    method="get"
    action="${PUBLIC_PAGE_PATH}"
    aria-label="${t.periods}"
  >
    ${view.node ? html`<input type="hidden" name="node" value="${view.node}" />` : ''}
    ${languageField(view)}
    <div class="field">
      <label for="period">${t.periodField}</label>
      <select id="period" name="period">
        ${known ? '' : html`<option value="${view.period.id}" selected>${label(view.period, view.locale)}</option>`}
        ${groups.map(
          (group) =>
            html`<optgroup label="${t.kinds[group.kind]}">
              ${group.periods.map(
                (p) =>
                  html`<option value="${p.id}" ${p.id === view.period.id ? raw('selected') : ''}>
                    ${label(p, view.locale)}
                  </option>`,
              )}
            </optgroup>`,
        )}
      </select>
    </div>
    <button type="submit">${t.show}</button>
    ${
      before
        ? html`<a
            href="${pageHref({ period: before.id, node: view.node, locale: languageOf(view) })}"
            >← ${label(before, view.locale)}</a
          >`
        : ''
    }
    ${view.node ? html`<a href="${pageHref({ period: view.period.id, locale: languageOf(view) })}">${t.top}</a>` : ''}
  </form>`;
}

function figures(stats: PublicStats, view: PublicPageView, t: PublicTexts): Html {
  const locale = view.locale;
  const period = parsePeriod(stats.period.id)!;
  const previous = stats.previousPeriod ? parsePeriod(stats.previousPeriod.id)! : null;
  return html`${stats.units.length === 0 ? html`<p>${t.empty}</p>` : ''}
    <div class="units">
      ${stats.units.map((unit) =>
        unitCard(unit, {
          period,
          previous,
          href:
            unit.unitId !== stats.node.id
              ? pageHref({ period: stats.period.id, node: unit.unitId, locale: languageOf(view) })
              : null,
          locale,
          t,
        }),
      )}
    </div>
    <p class="muted note">
      ${t.method(formatNumber(stats.minSample, locale))}
      ${t.generated(formatDateTime(Date.parse(stats.generatedAt)))}
    </p>`;
}

interface CardContext {
  period: Period;
  previous: Period | null;
  href: string | null;
  locale: PublicLocale;
  t: PublicTexts;
}

function unitCard(unit: PublicStats['units'][number], ctx: CardContext): Html {
  const { locale, t, period, previous } = ctx;
  const pct = (ratio: number | null, digits = 1) =>
    ratio === null ? '—' : formatPercent(ratio, locale, digits);
  const num = (value: number) => formatNumber(value, locale);
  const periodName = formatPeriod(period, locale);
  const previousName = previous ? formatPeriod(previous, locale) : '';
  const periodLabel = label(period, locale);
  const previousLabel = previous ? label(previous, locale) : '';
  const figure = (f: PublicFigure) =>
    f.total === 0 ? t.noAnswers : `${pct(f.rate)} (${t.answersShort(num(f.total))})`;
  const id = `unit-${unit.unitId}`;
  return html`<section class="card unit" aria-labelledby="${id}">
    <h2 id="${id}">${unit.unitName}</h2>
    <div class="headline">
      <p>
        <span class="big">${pct(unit.current.rate)}</span>
        <span class="muted">${t.thisPeriod(periodName)}</span> ${verdict(unit.current, locale)}
      </p>
      <p>
        ${t.answers(num(unit.current.total))} ·
        ${unit.target === null ? NO_TARGET_TEXT[locale] : t.target(pct(unit.target, 2))}${
          unit.targetSource === 'fallback' ? ` (${TARGET_SOURCE_LABELS.fallback[locale]})` : ''
        }${previous ? ` · ${t.lastPeriod(previousName, figure(unit.previous))}` : ''}
      </p>
      ${ctx.href ? html`<p><a href="${ctx.href}">${unit.hasChildren ? t.open(unit.unitName) : t.openUnit(unit.unitName)}</a></p>` : ''}
    </div>
    ${
      unit.sectors.length === 0
        ? ''
        : html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">
                ${t.sectorsOf(unit.unitName, periodName)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.colSector}</th>
                  <th scope="col" class="num">${periodLabel}</th>
                  <th scope="col" class="num">${t.colAnswers}</th>
                  ${previous ? html`<th scope="col" class="num">${previousLabel}</th>` : ''}
                  <th scope="col" class="num">${t.colTarget}</th>
                  <th scope="col">${t.colResult}</th>
                </tr>
              </thead>
              <tbody>
                ${unit.sectors.map(
                  (sector) =>
                    html`<tr>
                      <th scope="row">${sector.sectorName}</th>
                      <td class="num" data-label="${periodLabel}">${pct(sector.current.rate)}</td>
                      <td class="num" data-label="${t.colAnswers}">${num(sector.current.total)}</td>
                      ${
                        previous
                          ? html`<td class="num" data-label="${previousLabel}">
                              <span
                                >${pct(sector.previous.rate)}
                                <span class="muted small"
                                  >(${num(sector.previous.total)})</span
                                ></span
                              >
                            </td>`
                          : ''
                      }
                      <td class="num" data-label="${t.colTarget}">${pct(sector.target, 2)}</td>
                      <td class="verdict">${verdict(sector.current, locale)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

/** A period as a label starts with a capital: "Tháng 11/2026", "Quý IV/2026". */
function label(period: Period, locale: PublicLocale): string {
  const text = formatPeriod(period, locale);
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * The verdict in words (rate-verdict.ts decides it; the colour only repeats it), a dash without
 * answers, and "Chưa đặt chỉ tiêu chung" where no overall target applies.
 */
function verdict(f: PublicFigure, locale: PublicLocale): Html {
  if (f.total === 0) return html`<span class="muted">—</span>`;
  if (f.verdict === null) return html`<span class="pill few">${NO_TARGET_TEXT[locale]}</span>`;
  const look = f.verdict === 'met' ? '' : f.verdict === 'not-met' ? ' bad' : ' few';
  return html`<span class="pill${look}">${RATE_VERDICT_TEXT[f.verdict][locale]}</span>`;
}
