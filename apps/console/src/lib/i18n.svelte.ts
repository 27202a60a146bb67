import { formatNumber, ROLE_LABELS, type Locale, type Role } from '@hailong/domain';
import { vi, type MessageKey, type Messages } from './i18n/vi.ts';

export type { MessageKey };

const STORAGE_KEY = 'hailong.console.locale';

function stored(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'vi' || value === 'en') return value;
  } catch {
    // Storage can be blocked by browser settings; Vietnamese is the default anyway.
  }
  return 'vi';
}

class I18n {
  /** The current language; reading it inside a template or effect makes that code reactive. */
  locale = $state<Locale>('vi');
  /** English, its own chunk fetched on the first switch: most readers never leave Vietnamese. */
  english = $state<Messages | undefined>();

  constructor() {
    if (stored() === 'en') this.set('en');
  }

  set(locale: Locale) {
    if (locale === 'en' && !this.english) {
      // Until it arrives (or if it cannot: offline after a deploy), the page stays in Vietnamese.
      void import('./i18n/en.ts').then(
        ({ en }) => {
          this.english = en;
          this.set('en');
        },
        () => undefined,
      );
      return;
    }
    this.locale = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not remembered across reloads, but the switch still works for this page.
    }
  }

  toggle() {
    this.set(this.locale === 'vi' ? 'en' : 'vi');
  }
}

export const i18n = new I18n();

/** The message for `key` in the current language, with `{param}` placeholders filled in. */
/**
 * The message `key` with its `{name}` parameters filled in. A number is written as the language
 * writes a count (2.483 in Vietnamese, 2,483 in English), one format on every screen; a `year` is
 * a name, not a count, and stays 2026.
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const locale = i18n.locale;
  const text = (locale === 'en' && i18n.english ? i18n.english : vi)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name]!;
    return typeof value === 'number' && name !== 'year'
      ? formatNumber(value, locale)
      : String(value);
  });
}

/** The role's label in the current language (the legal Vietnamese names live in the domain). */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role][i18n.locale];
}
