import { createHash } from 'node:crypto';

/**
 * The public page's only script, inline at the end of the page (no request, no task of its own).
 * It reads what comes after `#`, which no server ever sees, and touches nothing else: the page
 * works the same without it.
 * - `#token=…` (the receipt link of a kiosk, phone page or console): fills the verdict form's
 *   token and adds the fragment to the form's address, so that the redirect after a send keeps it
 *   (a Location without a fragment inherits the request's, as the Fetch standard says) and a
 *   citizen who forgot to choose does not lose the token.
 * - `#code=…` (a kiosk still running an older version): moves the code into the query.
 * - a lookup's answer (the verdict's confirmation or problem, else the result or why there is
 *   none) is scrolled into view: on a phone it is drawn below the figures, out of sight, and the
 *   citizen would think nothing happened.
 */
export const PUBLIC_PAGE_SCRIPT = `(() => {
  const read = (key) => {
    const found = new RegExp('(?:^#|&)' + key + '=([^&]*)').exec(location.hash);
    if (!found) return null;
    try {
      return decodeURIComponent(found[1].replace(/\\+/g, ' '));
    } catch {
      return null; // a broken %-escape: the page stays as it is
    }
  };
  const token = read('token');
  const code = token === null ? read('code') : null;
  if (code !== null) {
    const url = new URL(location.href);
    url.hash = '';
    url.searchParams.set('code', code);
    location.replace(url);
    return;
  }
  if (token !== null) {
    const field = document.getElementById('verdict-token');
    if (field && !field.value) field.value = token;
    if (field && field.form) field.form.action = field.form.action.split('#')[0] + location.hash;
  }
  const answer = ['.lookup .verdict .problem', '.lookup .result .notice', '.lookup h3', '#lookup-problem']
    .map((selector) => document.querySelector(selector))
    .find((found) => found !== null);
  // A little above it, so that the answer does not touch the window's edge.
  if (answer) window.scrollTo(0, answer.getBoundingClientRect().top + window.scrollY - 12);
})();
`;

/** The script's hash, which the Content-Security-Policy allows: no other inline script runs. */
export const PUBLIC_PAGE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PUBLIC_PAGE_SCRIPT).digest('base64')}'`;
