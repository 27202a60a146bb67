/**
 * The kiosk's shared state: which phase the tablet is in, which screen the citizen sees, whether
 * staff mode is open, and what the tablet knows of its unit. Screens read it; the modules in
 * src/app change it.
 */
import {
  DEFAULT_KIOSK_SETTINGS,
  RATING_SCALES,
  type FeedbackKind,
  type RatingScale,
  type SurveyStep,
} from '@hailong/domain';
import type { RatingReceipt } from '@hailong/domain';
import type { DeviceConfig } from '@hailong/contracts';
import {
  DEFAULT_LOCAL_SETTINGS,
  type CachedConfig,
  type Enrollment,
  type LocalSettings,
} from '../lib/device/device-store.ts';
import type { SyncStatus } from '../lib/sync/sync-loop.ts';
import { i18n } from '../lib/i18n.svelte.ts';
import { officerOnDuty, type LocalDuty } from '../lib/officer-duty.ts';

export type Phase = 'starting' | 'enroll' | 'config' | 'ready' | 'broken';

export type Screen =
  | { name: 'start' }
  | { name: 'rate'; sectorId: string }
  | { name: 'reasons'; sectorId: string; level: number }
  /** The extra questions the unit asks after the level (issue 12), one step a screen. */
  | { name: 'survey'; step: SurveyStep; sectorId: string }
  | { name: 'feedback-kind'; sectorId: string | null }
  | { name: 'feedback-form'; kind: FeedbackKind; sectorId: string | null }
  /**
   * `unhappy`: the sector of an unsatisfied rating just stored (and released), for which the
   * screen offers a phản ánh; null otherwise.
   */
  | {
      name: 'thanks';
      feedback: FeedbackReceipt | null;
      unhappy?: { sectorId: string } | null;
      /** The rating's "Mã kiểm chứng" (unit, month, id): its QR opens the public verifier. */
      rating?: RatingReceipt | null;
    };

/**
 * What the thank-you screen shows for a phản ánh: its code and the verdict token, which lives only
 * here, in memory, until the screen goes (null when this browser could not hash it).
 */
export interface FeedbackReceipt {
  kind: FeedbackKind;
  trackingCode: string;
  verdictToken: string | null;
}

export type StaffMode = 'closed' | 'pin' | 'panel';

/** Why the last submission was not stored. */
export type SaveProblem = 'storageFull' | 'failed';

class Kiosk {
  phase = $state<Phase>('starting');
  screen = $state<Screen>({ name: 'start' });
  staff = $state<StaffMode>('closed');
  enrollment = $state<Enrollment | null>(null);
  cached = $state<CachedConfig | null>(null);
  settings = $state<LocalSettings>({ ...DEFAULT_LOCAL_SETTINGS });
  sync = $state<SyncStatus>({
    state: 'idle',
    lastSuccessAt: null,
    nextAttemptAt: null,
    failures: 0,
    problem: null,
  });
  /** A code from /kiosk/#enroll=…, to prefill the enrollment form. */
  enrollCode = $state('');
  saving = $state(false);
  saveProblem = $state<SaveProblem | null>(null);
  /** The device ran out of storage at least once since start: staff are told in the panel. */
  storageFull = $state(false);
  /** A new version is installed and waits for an idle screen. */
  updateWaiting = $state(false);
  /** The last sign-in or sign-out made on this tablet (staff mode), kept across reloads. */
  duty = $state<LocalDuty | null>(null);
  /** "Nghe": the screens are read aloud and a face counts only once confirmed (issue 27). */
  audio = $state(false);
  /** No clip and no voice read some text of the pack on screen: the citizen is told. */
  audioUnavailable = $state(false);
  /** "Chữ lớn": 150% text and the high-contrast palette. */
  largeText = $state(false);
  /**
   * Called when a citizen's turn ends: the start screen, by any way, or staff mode. A rating held for
   * the citizen's answers is then released with what was answered (app/rating.ts).
   */
  endTurn: (() => void) | null = null;

  config: DeviceConfig | null = $derived(this.cached?.config ?? null);
  scale: RatingScale = $derived(RATING_SCALES[this.config?.unit.scale ?? 'five']);
  sectors = $derived(this.config?.sectors ?? []);
  idleSeconds = $derived(
    this.settings.idleTimeoutSeconds ??
      this.config?.settings.idleTimeoutSeconds ??
      DEFAULT_KIOSK_SETTINGS.idleTimeoutSeconds,
  );
  /** Who serves at this counter now, shown to citizens (none when the unit records no officer). */
  officer = $derived(officerOnDuty(this.config, this.duty));
  /** The sector the tablet is fixed to, if staff fixed one that still exists. */
  fixedSector = $derived(this.sectors.find((s) => s.id === this.settings.fixedSectorId) ?? null);
  /** Nothing to discard and nobody mid-way: the screen a tablet rests on. */
  atHome = $derived(
    this.screen.name === 'start' &&
      this.staff === 'closed' &&
      i18n.language === i18n.home &&
      !this.audio &&
      !this.largeText,
  );

  sectorName(id: string | null): string {
    return this.sectors.find((s) => s.id === id)?.name ?? '';
  }

  /**
   * Back to the start screen, dropping whatever was not sent (a level pressed was stored); the
   * language returns to the default, the spoken prompts and the large text are switched off.
   */
  goHome() {
    this.endTurn?.();
    this.screen = { name: 'start' };
    this.staff = 'closed';
    this.saveProblem = null;
    this.audio = false;
    this.audioUnavailable = false;
    this.largeText = false;
    i18n.reset();
  }

  go(screen: Screen) {
    if (screen.name === 'start') this.endTurn?.();
    this.saveProblem = null;
    this.screen = screen;
  }

  /** The PIN screen of staff mode, over whatever the citizen left. */
  openStaff() {
    this.endTurn?.();
    this.staff = 'pin';
  }
}

export const kiosk = new Kiosk();
