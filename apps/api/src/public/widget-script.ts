import { createHash } from 'node:crypto';

export const WIDGET_SCRIPT_PATH = '/public/widget.js';

/**
 * The script variant of the widget, for sites that cannot frame: `<script src=".../widget.js"
 * data-unit="…" data-lang="en">`. It fetches the widget's own page from this server (CORS, no
 * cookie, no referrer) and moves its style and markup into a shadow root right after the tag, so
 * there is one renderer (widget-render.ts) and neither site's styles reach the other. It sends
 * nothing about the page or the reader; without it, or on any failure, a plain link remains.
 * DOMParser runs no script and loads nothing; only the emblem loads once inserted.
 */
export const WIDGET_SCRIPT = `(() => {
  const me = document.currentScript;
  const unit = me && me.dataset.unit;
  if (!unit) return;
  const en = me.dataset.lang === 'en';
  const page = new URL('/public/widget/' + encodeURIComponent(unit), me.src);
  if (en) page.searchParams.set('lang', 'en');
  const host = document.createElement('div');
  host.lang = en ? 'en' : 'vi';
  me.parentNode.insertBefore(host, me.nextSibling);
  const root = host.attachShadow({ mode: 'open' });
  const fallback = () => {
    const link = document.createElement('a');
    link.href = new URL('/public?node=' + encodeURIComponent(unit) + (en ? '&lang=en' : ''), me.src).href;
    link.textContent = en ? 'Citizen satisfaction results' : 'Kết quả đánh giá mức độ hài lòng';
    root.replaceChildren(link);
  };
  fallback();
  fetch(page, { credentials: 'omit', referrerPolicy: 'no-referrer' })
    .then((res) => (res.ok ? res.text() : Promise.reject(res.status)))
    .then((text) => {
      const doc = new DOMParser().parseFromString(text, 'text/html');
      const style = doc.querySelector('style');
      const widget = doc.querySelector('.hl-w');
      if (style && widget) root.replaceChildren(style, widget);
    })
    .catch(() => {});
})();
`;

/** Names this version of the script, for revalidation. */
export const WIDGET_SCRIPT_ETAG = `"${createHash('sha256').update(WIDGET_SCRIPT).digest('base64url').slice(0, 22)}"`;
