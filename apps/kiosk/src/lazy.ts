/**
 * The parts of the kiosk that are not needed for the first screen, each in its own chunk. They are
 * all loaded right after the first screen (see main.ts), so they are ready before anyone taps, and
 * a running page keeps them even after an update has replaced them in the service worker's cache.
 */
import { i18n } from './lib/i18n.svelte.ts';
import { loadContracts } from './lib/contracts-loader.ts';

export const loadSetupScreens = () => import('./screens/SetupScreens.svelte');
export const loadStaffMode = () => import('./staff/StaffMode.svelte');
/** The extra questions after the level (issue 12); the camera's reader is a chunk of its own. */
export const loadSurveyScreen = () => import('./survey/SurveyStepScreen.svelte');
/** The QR encoder for the thank-you screen's lookup code. */
export const loadQr = () => import('./lib/qr.ts');

export function preloadAll(): Promise<unknown> {
  return Promise.allSettled([
    loadContracts(),
    loadSetupScreens(),
    loadStaffMode(),
    loadQr(),
    loadSurveyScreen(),
    import('./app/enrollment.ts'),
    import('./app/sync-runtime.ts'),
    i18n.preload(),
  ]);
}
