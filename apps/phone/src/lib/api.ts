/**
 * The phone page's few calls, typed by the server's OpenAPI document (`npm run api-types`): a
 * renamed path, parameter or field fails the typecheck. A submission keeps one UUID from the first
 * press to the last retry: on a slow or dropping link the page sends it again, and the server
 * stores it once (the channel source's ledger). Retries back off with jitter; a 4xx is final (the
 * page says why).
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '@hailong/contracts/openapi';

/** What the page needs of a unit's (and counter's) QR code: names, sectors, survey settings. */
export type PhoneConfig = components['schemas']['PhoneConfig'];

export type Receipt = components['schemas']['IntakeReceipt'];

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

const client = createClient<paths>();

/** The phone's POST paths as the page writes them: under /api/v1/phone, `{param}` filled in. */
type Filled<P> = P extends `${infer Head}{${string}}${infer Tail}`
  ? `${Head}${string}${Filled<Tail>}`
  : P;
type PhonePost = {
  [P in keyof paths]: P extends `${typeof API}${string}`
    ? paths[P] extends { post: object }
      ? P
      : never
    : never;
}[keyof paths];
type Relative<P> = P extends `${typeof API}${infer Rest}` ? Filled<Rest> : never;
/** The operation a written path is, or never. */
type PostOf<W extends string> = { [P in PhonePost]: W extends Relative<P> ? P : never }[PhonePost];
type Operation<W extends string> = paths[PostOf<W>]['post'];
type BodyOf<W extends string> = string extends W
  ? object
  : Operation<W>['requestBody'] extends { content: { 'application/json': infer B } }
    ? B
    : never;
type AnswerOf<W extends string> = string extends W
  ? Receipt
  : Operation<W>['responses'] extends {
        [S in 200 | 201]?: { content: { 'application/json': infer A } };
      }
    ? A
    : never;
/**
 * A path written as a literal or a template must be one of the document's; one built at run time
 * (a plain `string`) is let through, as the server will check it.
 */
type Known<W extends string> = string extends W
  ? string
  : PostOf<W> extends never
    ? Relative<PhonePost>
    : W;

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

function refusal(status: number, error: unknown): Refused {
  const body = (typeof error === 'object' && error !== null ? error : {}) as {
    error?: { code?: unknown; message?: unknown };
  };
  const { code, message } = body.error ?? {};
  return new Refused(
    status,
    typeof code === 'string' ? code : 'internal_error',
    typeof message === 'string' ? message : 'Không gửi được. Vui lòng thử lại.',
  );
}

export async function loadConfig(unit: string, counter: string | null): Promise<PhoneConfig> {
  const { data, error, response } = await client.GET(`${API}/config`, {
    params: { query: { unit, ...(counter && { counter }) } },
  });
  if (!data) throw refusal(response.status, error);
  return data;
}

/**
 * POSTs `body` until the server answers it for good; the same body (and id) every time. After
 * `tries` (Infinity: until the server answers) a network failure or 5xx is thrown; `onRetry` runs
 * before each wait, so the page can say it is trying again.
 */
export async function submit<W extends string>(
  path: Known<W>,
  body: BodyOf<W>,
  { tries = TRIES, onRetry }: { tries?: number; onRetry?: () => void } = {},
): Promise<AnswerOf<W>> {
  let wait = 800;
  for (let attempt = 1; ; attempt++) {
    try {
      // The path comes filled in (openapi-fetch sends it as it is), and submit's own signature
      // has checked it and the body against the operation.
      const { data, error, response } = await client.POST(
        `${API}${path}` as PhonePost,
        { body } as never,
      );
      if (response.ok) return data as AnswerOf<W>;
      if (response.status < 500 || attempt >= tries) throw refusal(response.status, error);
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
