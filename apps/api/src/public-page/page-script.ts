import { createHash } from 'node:crypto';

/**
 * The public page's only script, inline at the end of the page (no request, no task of its own), and it only mends old links: a kiosk still running an older
 * version shows a QR code with the tracking code after `#`, which no server sees, so the script
 * moves it into the query. It touches nothing else: the page works the same without it.
 */
export const PUBLIC_PAGE_SCRIPT = `(() => {
  const hash = /(?:^#|&)code=([^&]*)/.exec(location.hash);
  if (!hash) return;
  const url = new URL(location.href);
  url.hash = '';
  try {
    url.searchParams.set('code', decodeURIComponent(hash[1].replace(/\\+/g, ' ')));
  } catch {
    return; // a broken %-escape: the page stays as it is
  }
  location.replace(url);
})();
`;

/** The script's hash, which the Content-Security-Policy allows: no other inline script runs. */
export const PUBLIC_PAGE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PUBLIC_PAGE_SCRIPT).digest('base64')}'`;
