/**
 * The citizen's verdict on the answer, under the lookup's result: a plain POST form (it works
 * without script), shown once the item has an answer and until a verdict on it was given. The
 * tracking code is public, so the form asks for the verdict token of the citizen's receipt; the
 * page's script fills it from the receipt link's fragment. Items made before tokens take the
 * verdict by phone through staff, and the page says so instead.
 */
import { html, raw } from 'hono/html';
import type { PublicFeedback } from '@hailong/contracts';
import { REGISTER_TEXTS } from './register-texts.ts';
import type { PublicLocale } from './texts.ts';

export const VERDICT_FORM_PATH = '/public/verdict';

/** After the form was sent: recorded, not recorded (no choice, throttled), or a wrong token. */
export type VerdictNotice = 'thanks' | 'problem' | 'token';

type Html = ReturnType<typeof html>;

export function verdictSection(
  item: PublicFeedback,
  locale: PublicLocale,
  notice: VerdictNotice | null,
): Html | string {
  const r = REGISTER_TEXTS[locale];
  if (item.verdict !== null) {
    return html`${notice === 'thanks' ? html`<p class="notice" role="status">${r.verdictThanks}</p>` : ''}
      <p class="verdict-given">${r.verdictGiven[item.verdict]}</p>`;
  }
  if (!item.verdictOpen) return '';
  if (!item.verdictByToken) {
    return html`<p class="verdict-staff">${r.verdictByStaff(item.unitName)}</p>`;
  }
  const badToken = notice === 'token';
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
    <div class="field token">
      <label for="verdict-token">${r.verdictToken}</label>
      <p id="verdict-token-hint" class="muted small">${r.verdictTokenHint}</p>
      ${badToken ? html`<p id="verdict-token-problem" class="problem" role="alert">${r.verdictTokenWrong}</p>` : ''}
      <input
        id="verdict-token"
        name="token"
        maxlength="60"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        ${raw(
          badToken
            ? ' aria-invalid="true" aria-describedby="verdict-token-hint verdict-token-problem"'
            : ' aria-describedby="verdict-token-hint"',
        )}
      />
    </div>
    <button type="submit" class="primary">${r.verdictSubmit}</button>
  </form>`;
}
