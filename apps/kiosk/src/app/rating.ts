/**
 * A rating from the press to the thank-you (see capture.ts). The citizen's turn is one record: put
 * in the outbox when the level is pressed, held while the reasons (after an unsatisfied level) and
 * the unit's extra questions are answered, amended by each answer, and released after the last one
 * or when the turn ends early. A level without anything to ask after it is put released at once.
 *
 * There is no way back from the reasons screen to change the level: a low press that could be
 * undone would be a way to erase low ratings that high ones do not have (reliability.md).
 */
import {
  DEFAULT_KIOSK_SETTINGS,
  findLevel,
  monthOf,
  nextStep,
  surveyFields,
  surveySteps,
  withAnswer,
  type LowRatingReason,
  type RatingLevel,
  type SurveyDraft,
  type SurveyStep,
} from '@hailong/domain';
import { loadContracts } from '../lib/contracts-loader.ts';
import {
  buildRating,
  type Capture,
  type RatingInput,
  type UncheckedDraft,
} from '../lib/records.ts';
import { attributionOf } from '../lib/officer-duty.ts';
import { i18n } from '../lib/i18n.svelte.ts';
import { capture, showSaveProblem } from './capture.ts';
import { kiosk } from './kiosk.svelte.ts';
import { outbox } from './services.ts';
import { syncSoon } from './sync.ts';

/**
 * How long a hold outlasts the idle timeout, renewed by each answer. Only a safety net: the idle
 * reset releases sooner; this is for a bug in releasing, which must never keep a rating back.
 */
const HOLD_MARGIN_MS = 5 * 60_000;

/** The rating of the citizen at the screen, between the press and its release. */
interface Turn {
  readonly at: Capture;
  input: RatingInput;
  readonly attribution: ReturnType<typeof attributionOf>;
  readonly steps: readonly SurveyStep[];
  answered: SurveyDraft;
  /** Whether the record is in the outbox yet (put at the press). */
  stored: boolean;
}

let turn: Turn | null = null;
/** When this tablet stored its last rating (for the repeat-press flag). */
let lastRatingAt: number | null = null;
/** The save in flight, if any: a turn that ends meanwhile is released once it has committed. */
let inFlight: Promise<unknown> = Promise.resolve();

/** The level pressed: stored at once, then the reasons, the first extra question or the thanks. */
export async function pressLevel(sectorId: string, level: RatingLevel): Promise<void> {
  if (kiosk.saving) return;
  endTurn();
  const at = capture();
  if (!at) return;
  const steps = surveySteps(kiosk.config?.survey);
  const t: Turn = {
    at,
    input: {
      sectorId,
      level: level.level,
      reasons: [],
      comment: '',
      previousRatingAt: lastRatingAt,
      repeatWindowSeconds:
        kiosk.config?.settings.repeatWindowSeconds ?? DEFAULT_KIOSK_SETTINGS.repeatWindowSeconds,
      mode: { language: i18n.language, audio: kiosk.audio, largeText: kiosk.largeText },
    },
    // The counter and the officer on duty when the level was pressed.
    attribution: attributionOf(kiosk.config, kiosk.duty),
    steps,
    answered: {},
    stored: false,
  };
  const last = level.satisfied && steps.length === 0;
  if (!last) turn = t;
  if (!(await save(t, last))) {
    if (turn === t) turn = null;
    return;
  }
  lastRatingAt = at.at;
  if (last) thank(null, at);
  else if (turn === t) {
    kiosk.go(
      level.satisfied
        ? { name: 'survey', step: steps[0]!, sectorId }
        : { name: 'reasons', sectorId, level: level.level },
    );
  }
}

/** The reasons and comment after an unsatisfied level (either may be empty). */
export async function submitReasons(
  reasons: readonly LowRatingReason[],
  comment: string,
): Promise<void> {
  const t = turn;
  if (!t || kiosk.saving) return;
  t.input = { ...t.input, reasons, comment };
  await afterAnswer(t, nextStep(t.steps, null));
}

/** The answer to `step` (nothing when skipped); then the next step, or the thanks. */
export async function answerStep(step: SurveyStep, answer: SurveyDraft): Promise<void> {
  const t = turn;
  if (!t || kiosk.saving) return;
  t.answered = withAnswer(t.answered, answer);
  await afterAnswer(t, nextStep(t.steps, step));
}

/** Amends the record with what `t` holds now; releases it when nothing comes `next`. */
async function afterAnswer(t: Turn, next: SurveyStep | null): Promise<void> {
  if (!(await save(t, next === null)) || turn !== t) return;
  if (next) {
    kiosk.go({ name: 'survey', step: next, sectorId: t.input.sectorId });
  } else {
    turn = null;
    thank(t, t.at);
  }
}

/** The thanks, after the record's last save released it: nothing is held from here on. */
function thank(t: Turn | null, at: Capture) {
  const unhappy = t && !findLevel(kiosk.scale, t.input.level)?.satisfied;
  const unitId = kiosk.config?.unit.id;
  kiosk.go({
    name: 'thanks',
    feedback: null,
    unhappy: unhappy ? { sectorId: t.input.sectorId } : null,
    rating: unitId ? { unitId, month: monthOf(at.at), ratingId: at.id } : null,
  });
}

/**
 * Whether more steps follow the reasons screen of the turn in progress (its button then says
 * "Tiếp tục", else that it sends the rating).
 */
export function stepsAfterReasons(): boolean {
  return turn !== null && nextStep(turn.steps, null) !== null;
}

/**
 * Stores the turn's record: put at the first save, amended after. `release`: the last save, after
 * which the sync loop may take it. True once committed; otherwise the screen says why.
 */
function save(t: Turn, release: boolean): Promise<boolean> {
  kiosk.saving = true;
  kiosk.saveProblem = null;
  const saving = (async () => {
    const checked = (await loadContracts()).checkDraft(draftOf(t));
    if (!checked.ok) {
      kiosk.saveProblem = 'failed';
      return false;
    }
    const until = release ? null : Date.now() + kiosk.idleSeconds * 1000 + HOLD_MARGIN_MS;
    if (!t.stored) {
      await outbox.put(checked.draft, until === null ? undefined : { until });
      t.stored = true;
    } else {
      // False when the record was released already (its hold ended, another tab started): the
      // level is on its way; what was answered since cannot join it, and the citizen goes on.
      await outbox.amend(checked.draft, until);
    }
    if (release) syncSoon();
    return true;
  })()
    .catch((err: unknown) => {
      showSaveProblem(err);
      return false;
    })
    .finally(() => {
      kiosk.saving = false;
    });
  inFlight = saving;
  return saving;
}

const draftOf = (t: Turn): UncheckedDraft => ({
  ...buildRating(t.at, t.input),
  ...t.attribution,
  ...surveyFields(t.answered),
});

/**
 * The citizen's turn is over before the last answer (back to the start, the idle reset, staff
 * mode, the next press): the rating is released with what was answered so far.
 */
function endTurn(): void {
  const t = turn;
  turn = null;
  if (!t) return;
  void inFlight
    .then(() => outbox.release(t.at.id))
    .then(syncSoon, () => {
      // Still held: the next start, or the end of its hold, releases it.
    });
}

kiosk.endTurn = endTurn;

/**
 * At start nobody is answering any more: ratings a reload, a crash or a power cut left held are
 * released with what was answered before. (A second kiosk tab opened meanwhile releases the first
 * tab's too: that citizen's later answers are then dropped, never the level.)
 */
export async function releaseLeftRatings(): Promise<void> {
  const released = await outbox.releaseHolds(Number.POSITIVE_INFINITY).catch(() => 0);
  if (released > 0) syncSoon();
}
