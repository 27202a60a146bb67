/**
 * Every request of the load benchmark goes through here: its latency (until the body is read) by
 * route, and its outcome: status class, throttled (429, counted apart: a limit doing its job), or
 * a network error. A request still running when the server stops is an error, not a sample.
 */

export interface RouteFigures {
  route: string;
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** 5xx answers: must be none. */
  serverErrors: number;
  /** 429 answers: throttles holding, reported, not failures. */
  throttled: number;
  /** Connection refused, reset or timed out. */
  networkErrors: number;
}

interface Samples {
  ms: number[];
  serverErrors: number;
  throttled: number;
  networkErrors: number;
}

export interface Answer {
  status: number;
  body: string;
  headers: Headers;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

export class LoadRecorder {
  private readonly routes = new Map<string, Samples>();
  /** The first 5xx answers, for the report. */
  readonly firstServerErrors: string[] = [];

  constructor(readonly baseUrl: string) {}

  /** Sends one request, recorded under `route` (the path template, e.g. GET /api/v1/feedback/{id}). */
  async call(route: string, path: string, init: RequestInit = {}): Promise<Answer | null> {
    const samples = this.samples(route);
    const start = performance.now();
    try {
      const res = await fetch(this.baseUrl + path, {
        ...init,
        signal: AbortSignal.timeout(30_000),
      });
      const body = await res.text();
      samples.ms.push(performance.now() - start);
      if (res.status >= 500) {
        samples.serverErrors += 1;
        if (this.firstServerErrors.length < 10) {
          this.firstServerErrors.push(`${route} → ${res.status} ${body.slice(0, 200)}`);
        }
      }
      if (res.status === 429) samples.throttled += 1;
      return { status: res.status, body, headers: res.headers };
    } catch {
      samples.networkErrors += 1;
      return null;
    }
  }

  figures(): RouteFigures[] {
    return [...this.routes.entries()]
      .map(([route, s]) => {
        const sorted = [...s.ms].sort((a, b) => a - b);
        return {
          route,
          count: sorted.length,
          p50: round(percentile(sorted, 50)),
          p99: round(percentile(sorted, 99)),
          max: round(sorted.at(-1) ?? 0),
          serverErrors: s.serverErrors,
          throttled: s.throttled,
          networkErrors: s.networkErrors,
        };
      })
      .sort((a, b) => a.route.localeCompare(b.route));
  }

  private samples(route: string): Samples {
    let s = this.routes.get(route);
    if (!s) {
      s = { ms: [], serverErrors: 0, throttled: 0, networkErrors: 0 };
      this.routes.set(route, s);
    }
    return s;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A pause between `min` and `max` ms: people and tablets do not act in lockstep. */
export const pause = (min: number, max: number) => sleep(min + Math.random() * (max - min));
