/**
 * Touches, keys and typing anywhere on the page. The idle reset and the update policy both ask how
 * long the screen has been left alone.
 */
let lastActivity = performance.now();

for (const type of ['pointerdown', 'keydown', 'input', 'wheel'] as const) {
  addEventListener(type, () => (lastActivity = performance.now()), {
    capture: true,
    passive: true,
  });
}

/** Milliseconds since the last touch, key or keystroke. */
export function idleFor(): number {
  return performance.now() - lastActivity;
}

/** Counts as a touch: the screen just changed by itself, so the clock starts again. */
export function markActivity(): void {
  lastActivity = performance.now();
}

/** Whether any text field on screen holds something typed. */
export function somethingTyped(): boolean {
  return [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
    .filter((field) => field.type !== 'checkbox' && field.type !== 'radio')
    .some((field) => field.value !== '');
}
