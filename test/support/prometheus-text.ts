/**
 * A strict reader of the Prometheus text format 0.0.4, for tests: what a real scraper would choke
 * on fails here too. Every sample must follow the `# TYPE` of its family, label values use only
 * the format's escapes, a series appears once, and a histogram's buckets are cumulative and end
 * with `+Inf` equal to `_count`.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  type: MetricType;
  help: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const SUFFIXES: Record<MetricType, readonly string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/** Parses a whole exposition; throws with the line number on anything malformed. */
export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, i) => {
      const fail = (why: string): never => {
        throw new Error(`line ${i + 1}: ${why}: ${JSON.stringify(line)}`);
      };
      if (line === '') return;
      const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
      if (meta) {
        const [, kind, name, rest] = meta as unknown as [string, string, string, string];
        if (!NAME.test(name)) fail('bad metric name');
        const family = families.get(name);
        if (kind === 'HELP') {
          if (family?.help) fail('second HELP');
          const help = unescape(rest, false) ?? fail('bad escape in HELP');
          families.set(name, { type: family?.type ?? 'untyped', help, samples: [] });
        } else {
          if (!(rest in SUFFIXES)) fail('unknown type');
          if (family?.samples.length) fail('TYPE after samples');
          families.set(name, { help: family?.help ?? '', samples: [], type: rest as MetricType });
        }
        return;
      }
      if (line.startsWith('#')) return;
      const sample = parseSample(line) ?? fail('malformed sample');
      const family = familyOf(families, sample.name) ?? fail('sample without a TYPE');
      const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
      if (seen.has(key)) fail('series repeated');
      seen.add(key);
      family.samples.push(sample);
    });
  for (const [name, family] of families)
    if (family.type === 'histogram') checkHistogram(name, family);
  return families;
}

/** The value of one series: the sample named `name` whose labels include `labels`, exactly one. */
export function sampleValue(
  families: Map<string, Family>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const matching = [...families.values()]
    .flatMap((f) => f.samples)
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (matching.length > 1)
    throw new Error(`${name} ${JSON.stringify(labels)} names several series`);
  return matching[0]?.value;
}

function familyOf(families: Map<string, Family>, sampleName: string): Family | undefined {
  for (const [name, family] of families) {
    const suffix = sampleName.startsWith(name) ? sampleName.slice(name.length) : undefined;
    if (suffix !== undefined && SUFFIXES[family.type].includes(suffix)) return family;
  }
  return undefined;
}

function parseSample(line: string): Sample | undefined {
  const head = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{)?/.exec(line);
  if (!head) return undefined;
  const name = head[1]!;
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (head[2]) {
    rest = rest.slice(1);
    while (!rest.startsWith('}')) {
      const label = /^([^=]+)="((?:[^"\\]|\\.)*)"(,?)/.exec(rest);
      if (!label || !LABEL_NAME.test(label[1]!) || label[1]! in labels) return undefined;
      const value = unescape(label[2]!, true);
      if (value === undefined) return undefined;
      labels[label[1]!] = value;
      rest = rest.slice(label[0].length);
      if (label[3] === '' && !rest.startsWith('}')) return undefined;
    }
    rest = rest.slice(1);
  }
  const numbers = /^ (\S+)(?: (-?\d+))?$/.exec(rest);
  if (!numbers) return undefined;
  const value = parseValue(numbers[1]!);
  return value === undefined ? undefined : { name, labels, value };
}

/** As Prometheus reads values (Go's ParseFloat): NaN and Inf in any case, prom-client writes `Nan`. */
function parseValue(text: string): number | undefined {
  if (/^nan$/i.test(text)) return NaN;
  const infinite = /^([+-]?)inf(inity)?$/i.exec(text);
  if (infinite) return infinite[1] === '-' ? -Infinity : Infinity;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : undefined;
}

/** Label values may escape `\\`, `\"` and `\n`; HELP text only `\\` and `\n`. */
function unescape(text: string, quotes: boolean): string | undefined {
  let bad = false;
  const out = text.replace(/\\(.)/g, (_, c: string) => {
    if (c === '\\') return '\\';
    if (c === 'n') return '\n';
    if (c === '"' && quotes) return '"';
    bad = true;
    return '';
  });
  return bad || /\\$/.test(text.replace(/\\\\/g, '')) ? undefined : out;
}

function checkHistogram(name: string, family: Family) {
  const series = new Map<string, Sample[]>();
  for (const s of family.samples.filter((s) => s.name === `${name}_bucket`)) {
    const { le, ...rest } = s.labels;
    if (le === undefined) throw new Error(`${name}: bucket without le`);
    const key = JSON.stringify(Object.entries(rest).sort());
    series.set(key, [...(series.get(key) ?? []), s]);
  }
  for (const [key, buckets] of series) {
    const counts = buckets.map((b) => b.value);
    if (counts.some((c, i) => i > 0 && c < counts[i - 1]!)) {
      throw new Error(`${name} ${key}: buckets not cumulative`);
    }
    const last = buckets[buckets.length - 1]!;
    const count = family.samples.find(
      (s) => s.name === `${name}_count` && JSON.stringify(Object.entries(s.labels).sort()) === key,
    );
    if (last.labels.le !== '+Inf' || count?.value !== last.value) {
      throw new Error(`${name} ${key}: +Inf bucket missing or not equal to _count`);
    }
  }
}
