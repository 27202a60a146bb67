/**
 * The hidden way into staff mode: press and hold the top-left corner for three seconds. Citizens do
 * not stumble on it; the PIN is asked next anyway.
 */
const HOLD_MS = 3_000;
const CORNER_PX = 96;
const SLOP_PX = 24;

export function watchStaffGesture(open: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let start = { x: 0, y: 0 };
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const down = (event: PointerEvent) => {
    cancel();
    if (event.clientX > CORNER_PX || event.clientY > CORNER_PX) return;
    start = { x: event.clientX, y: event.clientY };
    timer = setTimeout(() => {
      timer = null;
      open();
    }, HOLD_MS);
  };
  const move = (event: PointerEvent) => {
    if (timer && Math.hypot(event.clientX - start.x, event.clientY - start.y) > SLOP_PX) cancel();
  };
  // A long press on a touch screen would otherwise open the browser's context menu.
  const menu = (event: MouseEvent) => {
    if (event.clientX <= CORNER_PX && event.clientY <= CORNER_PX) event.preventDefault();
  };
  addEventListener('pointerdown', down, { capture: true });
  addEventListener('pointermove', move, { capture: true, passive: true });
  addEventListener('pointerup', cancel, { capture: true });
  addEventListener('pointercancel', cancel, { capture: true });
  addEventListener('contextmenu', menu);
  return () => {
    cancel();
    removeEventListener('pointerdown', down, { capture: true });
    removeEventListener('pointermove', move, { capture: true });
    removeEventListener('pointerup', cancel, { capture: true });
    removeEventListener('pointercancel', cancel, { capture: true });
    removeEventListener('contextmenu', menu);
  };
}
