import { readFileSync } from 'node:fs';

/**
 * The agency in the masthead (shell.ts): the uploaded emblem, fitted, never cropped; a long name
 * wraps beside it rather than pushing the language switch onto a line of its own.
 */
const MASTHEAD_CSS = `
.emblem {
  width: 3rem;
  height: 3rem;
  object-fit: contain;
  flex: none;
}
.masthead .brand {
  flex: 1 1 12rem;
  min-width: 0;
}
@media (max-width: 30rem) {
  .emblem {
    width: 2.5rem;
    height: 2.5rem;
  }
}
`;

/** The page's whole style, inlined in its head: one request less before the first paint. */
export const PUBLIC_PAGE_CSS = (
  readFileSync(new URL('./public-page.css', import.meta.url), 'utf8') + MASTHEAD_CSS
)
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s*\n\s*/g, '\n')
  .trim();
