/**
 * What "Nghe" reads on a citizen screen: every element marked `data-say`, in the order of the page —
 * the question, then each choice. The attribute holds the text's pack key (its clip), or nothing
 * for a unit's own names. The audio code is a chunk of its own, loaded at the first reading.
 */
import { kiosk } from '../../app/kiosk.svelte.ts';
import { i18n } from '../i18n.svelte.ts';
import type { SayItem } from './speech.ts';

const speech = () => import('./speech.ts');
let loaded = false;

async function read(items: readonly SayItem[]): Promise<void> {
  const module = await speech();
  loaded = true;
  const complete = await module.readAloud(i18n.pack, items);
  if (kiosk.audio) kiosk.audioUnavailable = !complete;
}

/** Reads the marked texts inside `root`. */
export function readScreen(root: ParentNode): void {
  const items = [...root.querySelectorAll<HTMLElement>('[data-say]')].map((element) => ({
    key: element.dataset.say || null,
    text: element.innerText.trim(),
  }));
  void read(items);
}

/** Reads one text: a face's label, before it counts. */
export function sayOne(key: string, text: string): void {
  void read([{ key, text }]);
}

/** Silence, when "Nghe" is switched off or the screen goes. */
export function stopReading(): void {
  if (loaded) void speech().then((module) => module.stopReading());
}
