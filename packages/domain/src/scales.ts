/**
 * Rating scales as data. Five levels: SIPAS-style (Bộ Nội vụ); three levels: TT 32/2017/TT-BTTTT for
 * online services. Levels are numbered 1..n from worst to best; `satisfied` marks the levels that count
 * towards the satisfaction rate (the top two on both scales).
 */
export type ScaleId = 'five' | 'three';

export type Face = 'very-sad' | 'sad' | 'neutral' | 'happy' | 'very-happy';

export interface RatingLevel {
  /** 1 = worst; stored on every rating and used as the rollup key. */
  readonly level: number;
  readonly label: { readonly vi: string; readonly en: string };
  readonly satisfied: boolean;
  readonly face: Face;
}

export interface RatingScale {
  readonly id: ScaleId;
  readonly name: { readonly vi: string; readonly en: string };
  /** Levels in the order the legal form lists them. */
  readonly levels: readonly RatingLevel[];
}

export const FIVE_LEVEL_SCALE: RatingScale = {
  id: 'five',
  name: { vi: 'Thang 5 mức', en: 'Five-level scale' },
  levels: [
    {
      level: 1,
      label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
      satisfied: false,
      face: 'very-sad',
    },
    {
      level: 2,
      label: { vi: 'Không hài lòng', en: 'Dissatisfied' },
      satisfied: false,
      face: 'sad',
    },
    { level: 3, label: { vi: 'Bình thường', en: 'Neutral' }, satisfied: false, face: 'neutral' },
    { level: 4, label: { vi: 'Hài lòng', en: 'Satisfied' }, satisfied: true, face: 'happy' },
    {
      level: 5,
      label: { vi: 'Rất hài lòng', en: 'Very satisfied' },
      satisfied: true,
      face: 'very-happy',
    },
  ],
};

export const THREE_LEVEL_SCALE: RatingScale = {
  id: 'three',
  name: { vi: 'Thang 3 mức', en: 'Three-level scale' },
  levels: [
    {
      level: 3,
      label: { vi: 'Rất hài lòng', en: 'Very satisfied' },
      satisfied: true,
      face: 'very-happy',
    },
    { level: 2, label: { vi: 'Hài lòng', en: 'Satisfied' }, satisfied: true, face: 'happy' },
    {
      level: 1,
      label: { vi: 'Chưa hài lòng', en: 'Not yet satisfied' },
      satisfied: false,
      face: 'sad',
    },
  ],
};

export const RATING_SCALES: Readonly<Record<ScaleId, RatingScale>> = {
  five: FIVE_LEVEL_SCALE,
  three: THREE_LEVEL_SCALE,
};

/** The level of a scale, or undefined when the scale has no such level. */
export function findLevel(scale: RatingScale, level: number): RatingLevel | undefined {
  return scale.levels.find((l) => l.level === level);
}

/** Whether a level counts as satisfied on its scale; false for a level the scale lacks. */
export function isSatisfied(scale: RatingScale, level: number): boolean {
  return findLevel(scale, level)?.satisfied ?? false;
}
