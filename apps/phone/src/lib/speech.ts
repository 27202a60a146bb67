/**
 * "Nghe" (issue 27): what a step says is read aloud, one text after another — the clip the
 * province recorded for it when the pack names one, else the phone's own speech synthesis in a
 * voice of the pack's language, else nothing, and the page says audio is unavailable rather than
 * staying silent. A new reading stops the one before (the citizen moved on).
 */
import { clipFor, type LanguagePackData } from '@hailong/domain';

/** One text to read: its pack key (or a scale's clip key) and its words. */
export interface Spoken {
  readonly key: string;
  readonly text: string;
}

let reading = 0;
let playing: HTMLAudioElement | null = null;

function voiceFor(pack: LanguagePackData): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const wanted = (pack.speech ?? pack.language).toLowerCase();
  const base = pack.language.toLowerCase();
  const voices = speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang.toLowerCase() === wanted) ??
    voices.find((v) => v.lang.toLowerCase().split('-')[0] === base)
  );
}

/** Whether anything can be read in `pack` on this phone: a recorded clip or a voice. */
export function canSpeak(pack: LanguagePackData): boolean {
  return Object.keys(pack.clips).length > 0 || voiceFor(pack) !== undefined;
}

/** Resolves when speech synthesis has loaded its voices (some browsers load them late). */
export function voicesReady(): Promise<void> {
  if (typeof speechSynthesis === 'undefined' || speechSynthesis.getVoices().length > 0) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    speechSynthesis.addEventListener('voiceschanged', () => resolve(), { once: true });
  });
}

const clipUrl = (pack: LanguagePackData, file: string) =>
  `/api/v1/language-packs/${encodeURIComponent(pack.language)}/clips/${encodeURIComponent(file)}`;

function play(url: string): Promise<void> {
  return new Promise((resolve) => {
    const audio = new Audio(url);
    playing = audio;
    audio.addEventListener('ended', () => resolve(), { once: true });
    audio.addEventListener('error', () => resolve(), { once: true });
    audio.play().catch(() => resolve());
  });
}

function say(text: string, voice: SpeechSynthesisVoice): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.addEventListener('end', () => resolve());
    utterance.addEventListener('error', () => resolve());
    speechSynthesis.speak(utterance);
  });
}

/** Stops what is being read. */
export function hush(): void {
  reading += 1;
  playing?.pause();
  playing = null;
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}

/** Reads `items` in order, each from its clip or the voice; stops when another reading starts. */
export async function speak(pack: LanguagePackData, items: readonly Spoken[]): Promise<void> {
  hush();
  const mine = reading;
  const voice = voiceFor(pack);
  for (const item of items) {
    if (mine !== reading) return;
    const clip = clipFor(pack, item.key);
    if (clip) await play(clipUrl(pack, clip));
    else if (voice) await say(item.text, voice);
  }
}
