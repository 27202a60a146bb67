/**
 * The phone page's few calls. A submission keeps one UUID from the first press to the last retry:
 * on a slow or dropping link the page sends it again, and the server stores it once (the channel
 * source's ledger). Retries back off with jitter; a 4xx is final (the page says why).
 */
import type { SurveySettings } from './survey.ts';

export interface PhoneConfig {
  unit: { id: string; name: string; scale: 'five' | 'three' };
  counter: { id: string; name: string } | null;
  sectors: { id: string; name: string }[];
  consentVersion: string;
  survey: SurveySettings;
}

export interface Receipt {
  id: string;
  status: 'accepted' | 'duplicate';
  trackingCode: string | null;
}

export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const API = '/api/v1/phone';
const TRIES = 5;

/** The longest wait between two tries of a submission that is retried until it gets through. */
const MAX_WAIT_MS = 30_000;

/** Waits `ms`, or less: a phone that comes back online tries again at once. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    addEventListener('online', done);
  });
}

async function refusal(res: Response): Promise<Refused> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  return new Refused(
    res.status,
    body?.error?.code ?? 'internal_error',
    body?.error?.message ?? 'Không gửi được. Vui lòng thử lại.',
  );
}

export async function loadConfig(unit: string, counter: string | null): Promise<PhoneConfig> {
  const query = new URLSearchParams({ unit });
  if (counter) query.set('counter', counter);
  const res = await fetch(`${API}/config?${query}`);
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as PhoneConfig;
}

/**
 * POSTs `body` until the server answers it for good; the same body (and id) every time. After
 * `tries` (Infinity: until the server answers) a network failure or 5xx is thrown; `onRetry` runs
 * before each wait, so the page can say it is trying again.
 */
export async function submit<T = Receipt>(
  path: string,
  body: object,
  { tries = TRIES, onRetry }: { tries?: number; onRetry?: () => void } = {},
): Promise<T> {
  let wait = 800;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${API}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.ok) return (await res.json()) as T;
      if (res.status < 500 || attempt >= tries) throw await refusal(res);
    } catch (err) {
      if (err instanceof Refused || attempt >= tries) throw err;
    }
    onRetry?.();
    await pause(wait + Math.random() * wait);
    wait = Math.min(wait * 2, MAX_WAIT_MS);
  }
}

/** A v4 UUID; `crypto.randomUUID` exists only on HTTPS pages, `getRandomValues` everywhere. */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
