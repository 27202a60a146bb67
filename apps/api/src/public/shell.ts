/**
 * The frame every public page shares: head, masthead with the language switch, footer. The
 * masthead carries the agency that publishes (its emblem and name, set by an admin), never the
 * product: the product's name appears once, in the footer.
 */
import { html, raw } from 'hono/html';
import { ENGLISH_PACK, VIETNAMESE_PACK } from '@hailong/domain/built-in-packs';
import { PUBLIC_TEXTS, type PublicLocale, type PublicTexts } from './texts.ts';
import type { AgencyHeading } from './agency.service.ts';
import { PUBLIC_PAGE_CSS } from './style.ts';
import { PUBLIC_PAGE_SCRIPT } from './page-script.ts';

type Html = ReturnType<typeof html>;

export interface ShellView {
  locale: PublicLocale;
  /** The page's language tag when it is read in a pack other than the locale's (issue 27). */
  language?: string;
  /** The words of that pack. */
  texts?: PublicTexts;
  /**
   * Every language the page is offered in, each a link to this page in it (names in their own
   * script); without it, one link to the other built-in language.
   */
  languages?: readonly { language: string; name: string; href: string }[];
  title: string;
  description: string;
  /** Where the brand goes (the public page in this language). */
  homeHref: string;
  /** This page in the other language. */
  otherHref: string;
  agency: AgencyHeading;
  /** A `<link>` or two for the head (a feed). */
  head?: Html | string;
  main: Html;
}

export function pageShell(view: ShellView): Html {
  const t = view.texts ?? PUBLIC_TEXTS[view.locale];
  const language = view.language ?? view.locale;
  const other: PublicLocale = view.locale === 'vi' ? 'en' : 'vi';
  const choices = view.languages ?? [
    { language: other, name: BUILT_IN_NAMES[other], href: view.otherHref },
  ];
  const { agency } = view;
  const name = agency.name || UNNAMED_AGENCY[view.locale];
  return html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="description" content="${view.description}" />
        <title>${view.title} · ${agency.shortName || name}</title>
        ${
          agency.logoUrl
            ? html`<link rel="icon" href="${agency.logoUrl}" type="image/png" />`
            : html`<link rel="icon" href="${raw(ICON_URL)}" type="image/svg+xml" />`
        }
        ${view.head ?? ''} ${raw(`<style>${PUBLIC_PAGE_CSS}</style>`)}
      </head>
      <body>
        <a class="skip" href="#main">${t.skip}</a>
        <header class="masthead">
          <div class="inner">
            <a class="brand" href="${view.homeHref}"
              >${
                agency.logoUrl
                  ? html`<img
                      class="emblem"
                      src="${agency.logoUrl}"
                      alt=""
                      width="48"
                      height="48"
                    />`
                  : ''
              }<span class="words"
                ><span class="name">${name}</span><span class="tagline">${t.tagline}</span></span
              ></a
            >
            <nav class="languages" aria-label="${t.languages}">
              <span class="globe" aria-hidden="true">🌐</span>
              ${choices
                .filter((c) => c.language !== language)
                .map(
                  (c) =>
                    html`<a
                      class="language"
                      lang="${c.language}"
                      hreflang="${c.language}"
                      href="${c.href}"
                      >${c.name}</a
                    >`,
                )}
            </nav>
          </div>
        </header>
        <main id="main" class="public-page">${view.main}</main>
        <footer class="footer"><div class="inner">${t.footer}</div></footer>
        ${raw(`<script>${PUBLIC_PAGE_SCRIPT}</script>`)}
      </body>
    </html>`;
}

const BUILT_IN_NAMES: Readonly<Record<PublicLocale, string>> = {
  vi: VIETNAMESE_PACK.name,
  en: ENGLISH_PACK.name,
};

/** Before an admin names the agency, on a tree without one top unit. */
const UNNAMED_AGENCY: Readonly<Record<PublicLocale, string>> = {
  vi: 'Cơ quan hành chính nhà nước',
  en: 'Public administration',
};
const ICON_URL = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b3a6e"/><path d="M9 18c1.8 3 4.2 4.5 7 4.5s5.2-1.5 7-4.5" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="11" cy="12" r="2" fill="#fff"/><circle cx="21" cy="12" r="2" fill="#fff"/></svg>',
)}`;
