/**
 * "Nghe" (issue 27): reading a screen aloud, item by item. Each item is read from the clip its pack
 * names for its key (recorded by the province, held in the pack cache, so it works offline), else
 * by the device's speech synthesis when it has a voice for the pack's language, else not at all —
 * and then the caller shows that audio is unavailable rather than stay silent. A new reading
 * cancels the one under way.
 */
import { clipFor, type LanguagePackData } from '@hailong/domain';
import { markActivity } from '../../app/activity.ts';
import { clipSource } from './pack-store.ts';

/** A text to read: its pack key (for a clip; none for a unit's own names) and its words. */
export interface SayItem {
  readonly key: string | null;
  readonly text: string;
}

let player: HTMLAudioElement | null = null;
let reading = 0;

/** One audio element in the page, so that tests and assistive tools can follow what plays. */
function audioElement(): HTMLAudioElement {
  if (!player) {
    player = document.createElement('audio');
    player.className = 'speech-player';
    player.preload = 'auto';
    document.body.append(player);
  }
  return player;
}

function voiceFor(pack: LanguagePackData): SpeechSynthesisVoice | null {
  const synth = globalThis.speechSynthesis;
  if (!synth) return null;
  const wanted = [pack.speech, pack.language].filter(Boolean).map((tag) => tag!.toLowerCase());
  const voices = synth.getVoices();
  return (
    voices.find((v) => wanted.includes(v.lang.toLowerCase())) ??
    voices.find((v) => wanted.some((tag) => v.lang.toLowerCase().startsWith(tag.split('-')[0]!))) ??
    null
  );
}

function play(source: string): Promise<void> {
  const audio = audioElement();
  return new Promise<void>((resolve) => {
    const done = () => {
      audio.removeEventListener('ended', done);
      audio.removeEventListener('error', done);
      audio.removeEventListener('pause', done);
      URL.revokeObjectURL(source);
      resolve();
    };
    audio.addEventListener('ended', done);
    audio.addEventListener('error', done);
    audio.addEventListener('pause', done);
    audio.src = source;
    audio.play().catch(done);
  });
}

function utter(text: string, voice: SpeechSynthesisVoice): Promise<void> {
  return new Promise<void>((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    speechSynthesis.speak(utterance);
  });
}

/** Stops what is being read. */
export function stopReading(): void {
  reading++;
  if (player && !player.paused) player.pause();
  globalThis.speechSynthesis?.cancel();
}

/**
 * Reads `items` in order with `pack`; answers false when a text of the pack (one with a key) had
 * neither a clip nor a voice. A unit's own names (sectors) have no clip: they are read by a voice
 * if there is one, and skipped otherwise.
 */
export async function readAloud(
  pack: LanguagePackData,
  items: readonly SayItem[],
): Promise<boolean> {
  stopReading();
  const mine = reading;
  let complete = true;
  for (const item of items) {
    // A citizen listening is not away: the idle reset counts from the end of each text read.
    markActivity();
    if (mine !== reading) break;
    const file = item.key ? clipFor(pack, item.key) : undefined;
    const source = file ? await clipSource(pack.language, file) : null;
    if (mine !== reading) break;
    if (source) {
      await play(source);
      continue;
    }
    const voice = voiceFor(pack);
    if (voice) await utter(item.text, voice);
    else if (item.key) complete = false;
  }
  markActivity();
  return complete;
}
