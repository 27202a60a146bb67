import { ApiError } from './api.ts';
import { i18n, t } from './i18n.svelte.ts';

export interface ErrorText {
  /** What went wrong, in the current language. */
  text: string;
  /** The server's own (Vietnamese) wording when `text` is a translation of it. */
  original?: string;
  /** Field problems, with the field's label when the form named it. */
  issues: { label: string; message: string }[];
}

/**
 * Words for an error. In Vietnamese the server's message is shown as it is: it is the most specific
 * ("Tên đăng nhập … đã có người dùng."). In English the code's translation comes first and the
 * server's sentence follows as the detail.
 */
export function errorText(error: unknown, fieldLabels: Record<string, string> = {}): ErrorText {
  if (!(error instanceof ApiError)) return { text: t('error.internal_error'), issues: [] };
  const generic = t(`error.${error.code}` as const);
  const issues = error.fieldIssues.map((issue) => ({
    label: fieldLabels[issue.path] ?? issue.path,
    message: issue.message,
  }));
  if (!error.message) return { text: generic, issues };
  if (i18n.locale === 'vi') return { text: error.message, issues };
  return { text: generic, original: error.message, issues };
}
