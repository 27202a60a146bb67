/**
 * The citizen's verdict on the answer, under the lookup's result: a plain POST form (it works
 * without script), shown once the item has an answer and until a verdict on it was given.
 */
import { html } from 'hono/html';
import type { PublicFeedback } from '@hailong/contracts';
import { REGISTER_TEXTS } from './register-texts.ts';
import type { PublicLocale } from './texts.ts';

export const VERDICT_FORM_PATH = '/public/verdict';

type Html = ReturnType<typeof html>;

export function verdictSection(
  item: PublicFeedback,
  locale: PublicLocale,
  notice: 'thanks' | 'problem' | null,
): Html | string {
  const r = REGISTER_TEXTS[locale];
  if (item.verdict !== null) {
    return html`${notice === 'thanks' ? html`<p class="notice" role="status">${r.verdictThanks}</p>` : ''}
      <p class="verdict-given">${r.verdictGiven[item.verdict]}</p>`;
  }
  if (!item.verdictOpen) return '';
  return html`<form class="verdict" method="post" action="${VERDICT_FORM_PATH}">
    <input type="hidden" name="code" value="${item.trackingCode}" />
    ${locale === 'vi' ? '' : html`<input type="hidden" name="lang" value="${locale}" />`}
    <fieldset>
      <legend>${r.verdictTitle}</legend>
      ${notice === 'problem' ? html`<p class="problem" role="alert">${r.verdictProblem}</p>` : ''}
      <label class="choice"
        ><input type="radio" name="accepted" value="yes" /> ${r.verdictAccept}</label
      >
      <label class="choice"
        ><input type="radio" name="accepted" value="no" /> ${r.verdictReject}</label
      >
      <label for="verdict-reason">${r.verdictReason}</label>
      <textarea id="verdict-reason" name="reason" rows="3" maxlength="1000"></textarea>
    </fieldset>
    <button type="submit" class="primary">${r.verdictSubmit}</button>
  </form>`;
}
