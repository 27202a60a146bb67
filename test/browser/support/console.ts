/** Small waits and reads for console tests, built on Playwright locators (vitest has no web-first expect). */
import type { Locator, Page } from 'playwright-core';

const TIMEOUT = 15_000;

/** Waits until the locator is visible; fails the test with Playwright's message otherwise. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
  return locator;
}

/** Waits until the page shows `path` (pathname and search, e.g. `/login?next=%2Fusers`). */
export async function atPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname + url.search === path, { timeout: TIMEOUT });
}

export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** The main navigation, by its accessible name. */
export function mainNav(page: Page, name = 'Điều hướng chính'): Locator {
  return page.getByRole('navigation', { name });
}

/** The row of the users table that shows `username`. */
export function userRow(page: Page, username: string): Locator {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: username, exact: true }) });
}

/**
 * Chooses the unit `name` in a unit picker, whose options show the tree indented (no-break spaces
 * and a dash per level), as a person reads it: by the unit's name.
 */
export async function chooseUnit(select: Locator, name: string): Promise<void> {
  await select
    .locator('option', { hasText: name })
    .first()
    .waitFor({ state: 'attached', timeout: TIMEOUT });
  const value = await select
    .locator('option')
    .evaluateAll(
      (options, wanted) =>
        (options as unknown as { value: string; textContent: string | null }[]).find(
          (o) => (o.textContent ?? '').replace(/^[\s\u00a0–]+/, '').trim() === wanted,
        )?.value,
      name,
    );
  if (value === undefined) throw new Error(`No unit named ${name} in the picker`);
  await select.selectOption(value);
}
