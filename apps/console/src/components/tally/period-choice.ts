/**
 * The report page's period picker as plain data: a period is a kind and its parts (year, month,
 * quarter, half), and the text the API takes ("2026-03", "2026-Q1", "2026-H1", "2026-9M", "2026").
 */
import { parsePeriod, periodContaining, type PeriodKind } from '@hailong/domain';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter, 1–2 for a half-year; unused otherwise. */
  part: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period text of a choice. */
export function periodId(choice: PeriodChoice): string {
  switch (choice.kind) {
    case 'month':
      return `${choice.year}-${pad(choice.part)}`;
    case 'quarter':
      return `${choice.year}-Q${choice.part}`;
    case 'half':
      return `${choice.year}-H${choice.part}`;
    case 'nine-months':
      return `${choice.year}-9M`;
    case 'year':
      return String(choice.year);
  }
}

/** The choice of a period text; undefined when it is not one. */
export function choiceOf(period: string): PeriodChoice | undefined {
  const parsed = parsePeriod(period);
  if (!parsed) return undefined;
  const part =
    parsed.kind === 'month'
      ? Number(parsed.id.slice(5, 7))
      : parsed.kind === 'quarter' || parsed.kind === 'half'
        ? Number(parsed.id.slice(-1))
        : 1;
  return { kind: parsed.kind, year: parsed.year, part };
}

/**
 * The period of another kind around the same time: from March to quarters gives Q1, from Q3 to
 * months its last month, so the reader stays where they were.
 */
export function switchKind(from: PeriodChoice, kind: PeriodKind): PeriodChoice {
  const lastMonth = parsePeriod(periodId(from))!.months.at(-1)!;
  return choiceOf(periodContaining(kind, lastMonth).id)!;
}
