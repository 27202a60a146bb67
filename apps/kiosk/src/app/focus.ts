/**
 * Moves focus to a screen's heading when the screen appears, so a screen reader announces the new
 * screen and keyboard users start from its top.
 */
export function focusOnMount(node: HTMLElement): void {
  node.focus({ preventScroll: false });
}
