import { ROLE_LABELS, type Locale, type Role } from '@hailong/domain';
import { vi, type MessageKey, type Messages } from './i18n/vi.ts';
import { en } from './i18n/en.ts';

export type { MessageKey };

const CATALOGUES: Record<Locale, Messages> = { vi, en };
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
  locale = $state<Locale>(stored());

  set(locale: Locale) {
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
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = CATALOGUES[i18n.locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The role's label in the current language (the legal Vietnamese names live in the domain). */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role][i18n.locale];
}
