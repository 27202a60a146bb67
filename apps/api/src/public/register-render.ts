/**
 * The public register of answers as HTML from the server, like the public page: readable before and
 * without any script, its search a plain GET form, its pages plain links. The same data is the JSON
 * feed at /api/v1/public/answers for the agency's own website.
 */
import { html, raw } from 'hono/html';
import {
  FEEDBACK_KIND_LABELS,
  compareVi,
  formatDate,
  formatIsoDate,
  formatNumber,
} from '@hailong/domain';
import type { PublicRegister, PublicRegisterParams } from '@hailong/contracts';
import { REGISTER_TEXTS } from './register-texts.ts';
import { PUBLIC_TEXTS, type PublicLocale } from './texts.ts';
import { pageShell } from './shell.ts';
import type { AgencyHeading } from './agency.service.ts';

export const REGISTER_PAGE_PATH = '/public/answers';
export const REGISTER_FEED_PATH = '/api/v1/public/answers';

type Html = ReturnType<typeof html>;

export interface RegisterQuery {
  q?: string | undefined;
  unit?: string | undefined;
  sector?: string | undefined;
  page?: number | undefined;
}

/** A link to the register; only the parts that differ from the defaults. */
export function registerHref(
  to: RegisterQuery & { locale: PublicLocale },
  path = REGISTER_PAGE_PATH,
) {
  const query = new URLSearchParams();
  if (to.q) query.set('q', to.q);
  if (to.unit) query.set('unit', to.unit);
  if (to.sector) query.set('sector', to.sector);
  if (to.page && to.page > 1) query.set('page', String(to.page));
  if (to.locale !== 'vi' && path === REGISTER_PAGE_PATH) query.set('lang', to.locale);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export interface RegisterView {
  locale: PublicLocale;
  query: PublicRegisterParams;
  register: PublicRegister | null;
  units: readonly { id: string; name: string }[];
  sectors: readonly { code: string; name: string }[];
  notFound: boolean;
  /** Who publishes: heads the page. */
  agency: AgencyHeading;
}

export function renderRegisterPage(view: RegisterView): Html {
  const { locale, query } = view;
  const r = REGISTER_TEXTS[locale];
  const t = PUBLIC_TEXTS[locale];
  const other: PublicLocale = locale === 'vi' ? 'en' : 'vi';
  const here = { q: query.q, unit: query.unit, sector: query.sector, page: query.page };
  return pageShell({
    locale,
    title: r.registerTitle,
    description: r.registerIntro,
    agency: view.agency,
    homeHref: locale === 'vi' ? '/public' : '/public?lang=en',
    otherHref: registerHref({ ...here, locale: other }),
    head: html`<link
      rel="alternate"
      type="application/json"
      href="${registerHref({ ...here, locale }, REGISTER_FEED_PATH)}"
    />`,
    main: html`<h1>${r.registerTitle}</h1>
      <p class="lead">${r.registerIntro}</p>
      ${searchForm(view)}
      ${view.notFound ? html`<p class="notice" role="alert">${t.noSuchUnit}</p>` : ''}
      ${view.register ? results(view.register, view) : ''}
      <p class="muted">
        <a href="${registerHref({ ...here, locale }, REGISTER_FEED_PATH)}">${r.registerFeed}</a> ·
        <a href="${locale === 'vi' ? '/public' : '/public?lang=en'}">${r.registerBack}</a>
      </p>`,
  });
}

function searchForm(view: RegisterView): Html {
  const { locale, query } = view;
  const r = REGISTER_TEXTS[locale];
  const option = (value: string, label: string, chosen: string | undefined) =>
    html`<option value="${value}" ${value === chosen ? raw('selected') : ''}>${label}</option>`;
  const units = [...view.units].sort((a, b) => compareVi(a.name, b.name));
  const sectors = [...view.sectors].sort((a, b) => compareVi(a.name, b.name));
  return html`<form class="card register-search" method="get" action="${REGISTER_PAGE_PATH}">
    ${locale === 'vi' ? '' : html`<input type="hidden" name="lang" value="${locale}" />`}
    <div class="field">
      <label for="register-q">${r.registerSearch}</label>
      <input id="register-q" name="q" type="search" maxlength="200" value="${query.q ?? ''}" />
    </div>
    <div class="field">
      <label for="register-unit">${r.registerUnit}</label>
      <select id="register-unit" name="unit">
        ${option('', r.registerAll, query.unit ?? '')}
        ${units.map((u) => option(u.id, u.name, query.unit))}
      </select>
    </div>
    <div class="field">
      <label for="register-sector">${r.registerSector}</label>
      <select id="register-sector" name="sector">
        ${option('', r.registerAll, query.sector ?? '')}
        ${sectors.map((s) => option(s.code, s.name, query.sector))}
      </select>
    </div>
    <button type="submit" class="primary">${r.registerSubmit}</button>
  </form>`;
}

function results(register: PublicRegister, view: RegisterView): Html {
  const { locale, query } = view;
  const r = REGISTER_TEXTS[locale];
  const pages = Math.max(1, Math.ceil(register.total / register.pageSize));
  const link = (page: number) =>
    registerHref({ q: query.q, unit: query.unit, sector: query.sector, page, locale });
  return html`<p role="status">${r.registerCount(formatNumber(register.total, locale))}</p>
    ${register.items.length === 0 ? html`<p>${r.registerEmpty}</p>` : ''}
    <ol class="register">
      ${register.items.map(
        (item) =>
          html`<li class="card result">
            <h2>${FEEDBACK_KIND_LABELS[item.kind][locale]} ${item.trackingCode}</h2>
            <p class="head">${item.unitName}${item.sectorName ? ` · ${item.sectorName}` : ''}</p>
            <p class="muted">
              ${r.receivedOn} ${formatIsoDate(item.receivedOn)} · ${r.answeredOn}
              ${formatDate(Date.parse(item.answeredAt))}
            </p>
            <p class="answer">${item.answer}</p>
          </li>`,
      )}
    </ol>
    ${
      pages > 1
        ? html`<nav class="pager" aria-label="${r.registerPages}">
            ${register.page > 1 ? html`<a href="${link(register.page - 1)}" rel="prev">${r.registerPrev}</a>` : ''}
            <span
              >${r.registerPage(formatNumber(register.page, locale), formatNumber(pages, locale))}</span
            >
            ${register.page < pages ? html`<a href="${link(register.page + 1)}" rel="next">${r.registerNext}</a>` : ''}
          </nav>`
        : ''
    }`;
}
