import type { Locale } from '@hailong/domain';
import { vi, type MessageKey, type Messages } from './i18n/vi.ts';

export type { MessageKey };

/** Vietnamese is built in; English is loaded on first use (it is not needed for the first paint). */
const catalogues: Partial<Record<Locale, Messages>> = { vi };

async function ensure(locale: Locale): Promise<void> {
  if (!catalogues[locale]) catalogues[locale] = (await import('./i18n/en.ts')).en;
}

class I18n {
  /** The language on screen; a citizen's switch lasts until the screen returns to the start. */
  locale = $state<Locale>('vi');
  /** The language staff chose for this tablet; the start screen always comes back to it. */
  home = $state<Locale>('vi');

  /** Shows `locale`, once its messages are there. */
  async use(locale: Locale): Promise<void> {
    await ensure(locale);
    this.locale = locale;
  }

  toggle(): Promise<void> {
    return this.use(this.locale === 'vi' ? 'en' : 'vi');
  }

  reset(): void {
    if (catalogues[this.home]) this.locale = this.home;
    else void this.use(this.home);
  }

  /** Loads the other language ahead of the first tap on the switch. */
  preload(): Promise<void> {
    return ensure('en');
  }
}

export const i18n = new I18n();

/** The message for `key` in the current language, with `{param}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = (catalogues[i18n.locale] ?? vi)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A domain label ({ vi, en }) in the current language. */
export function label(value: { readonly vi: string; readonly en: string }): string {
  return value[i18n.locale];
}
