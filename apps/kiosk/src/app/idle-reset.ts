/**
 * Idle reset: after the configured seconds without a touch, any screen returns to the start and
 * whatever was not sent is discarded (field kiosks return to standby after ~30 s, domain.md); a
 * level pressed is not, it was stored at the press and is released now (rating.ts). The thank-you
 * after a rating goes back sooner, so the next citizen finds the start screen.
 */
import { idleFor, markActivity } from './activity.ts';
import { kiosk } from './kiosk.svelte.ts';

const RATING_THANKS_MS = 8_000;
const CHECK_EVERY_MS = 500;

export function startIdleReset(): void {
  setInterval(() => {
    if (kiosk.phase !== 'ready' || kiosk.atHome || kiosk.saving) return;
    const quietFor = idleFor();
    const ratingThanks = kiosk.screen.name === 'thanks' && kiosk.screen.feedback === null;
    if (quietFor >= kiosk.idleSeconds * 1000 || (ratingThanks && quietFor >= RATING_THANKS_MS)) {
      kiosk.goHome();
      markActivity();
    }
  }, CHECK_EVERY_MS);
}
