/**
 * Focus and the on-screen keyboard. A screen's heading takes focus when the screen appears, so a
 * screen reader announces it and keyboard users start from its top. A form's scrolling body keeps
 * the field being typed in on screen when the keyboard opens and the viewport shrinks (the app
 * resizes with it: `interactive-widget=resizes-content`).
 */
export function focusOnMount(node: HTMLElement): void {
  node.focus({ preventScroll: false });
}

/** Attach to a `.sheet-body`: after a resize, scrolls the focused field inside it into view. */
export function keepFocusedFieldVisible(body: HTMLElement): () => void {
  const reveal = () => {
    const field = document.activeElement;
    if (field instanceof HTMLElement && field !== body && body.contains(field)) {
      field.scrollIntoView({ block: 'nearest' });
    }
  };
  const viewport = window.visualViewport;
  addEventListener('resize', reveal);
  viewport?.addEventListener('resize', reveal);
  return () => {
    removeEventListener('resize', reveal);
    viewport?.removeEventListener('resize', reveal);
  };
}
