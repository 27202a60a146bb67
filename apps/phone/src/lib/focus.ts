/**
 * A screen reader follows the steps (issue 27): after each step the focus moves to the new step's
 * heading (`data-step`, tabindex -1), so the reader announces where the citizen is and the next
 * Tab reaches the step's first control. The page's first step is left alone: focus starts at the
 * top, as on any page.
 */
import { tick } from 'svelte';

export async function focusStep(): Promise<void> {
  await tick();
  const heading = [...document.querySelectorAll<HTMLElement>('[data-step]')].find(
    (h) => h.offsetParent !== null,
  );
  heading?.focus();
}
