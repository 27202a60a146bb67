/**
 * The demo's TT 01/2018 assessment (issue 12) at UBND xã Quảng Điền, the unit that asks the extra
 * questions: each citizen's rating there names the dossier rated and carries the answers, and the
 * one-stop system's file of those dossiers (and of some nobody rated) is imported, so the Đánh giá
 * TT 01 page shows every measured indicator. The ratings travel the real sync path with these
 * fields (demo-ratings.ts), as a tablet's would. From a fixed seed: every install shows the same.
 */
import type { RatingRecord } from '@hailong/contracts';
import { addDays, seededRandom, vnDateOf } from '@hailong/domain';
import type { DossierRow } from '../repositories/types.ts';

const choose = <T>(r: number, options: readonly (readonly [T, number])[]): T => {
  let acc = 0;
  for (const [value, share] of options) if (r < (acc += share)) return value;
  return options.at(-1)![0];
};

type SurveyFields = Pick<RatingRecord, 'dossierCode' | 'respondentType' | 'answers'>;

/** The answers of one unit's citizens, served by `officerId`, and the file of their dossiers. */
export function demoAssessment(unitId: string, officerId: string) {
  const random = seededRandom(1801);
  const rated: DossierRow[] = [];
  return {
    /** What the citizen who rated at `at` says besides the level; each rates their own dossier. */
    answers(at: number, sectorId: string): SurveyFields {
      const date = vnDateOf(at);
      const code = `QD-${date.replaceAll('-', '').slice(2)}-${String(rated.length + 1).padStart(4, '0')}`;
      const fields: SurveyFields = {
        dossierCode: code,
        respondentType: choose(random(), [
          ['individual', 0.8],
          ['organisation', 0.2],
        ] as const),
        answers: {
          visits: choose(random(), [
            [1, 0.78],
            [2, 0.17],
            [3, 0.05],
          ] as const),
          agencies: choose(random(), [
            [1, 0.86],
            [2, 0.11],
            [3, 0.03],
          ] as const),
          attitude: choose(random(), [
            ['courteous', 0.9],
            ['not_courteous', 0.08],
            ['harassing', 0.02],
          ] as const),
        },
      };
      // The citizen rates when the result is returned: before, on or after the due date.
      const lead = choose(random(), [
        [2, 0.7],
        [0, 0.22],
        [-1, 0.08],
      ] as const);
      rated.push({
        code,
        unitId,
        sectorId,
        officerId,
        procedure: null,
        receivedDate: addDays(date, -7),
        dueDate: addDays(date, lead),
        returnedDate: date,
        online: random() < 0.3,
      });
      return fields;
    },

    /** The one-stop system's file: the dossiers rated, and 40 nobody rated, returned or open. */
    file(now: number): DossierRow[] {
      if (rated.length === 0) return [];
      const unrated = Array.from({ length: 40 }, (_, index): DossierRow => {
        const i = index + 1;
        const date = addDays(vnDateOf(now), -3 * i);
        return {
          code: `QD-KHONG-DG-${String(i).padStart(3, '0')}`,
          unitId,
          sectorId: rated[i % rated.length]!.sectorId,
          officerId,
          procedure: null,
          receivedDate: addDays(date, -7),
          dueDate: date,
          returnedDate: i % 5 === 0 ? null : addDays(date, i % 3 === 0 ? 1 : -1),
          online: i % 2 === 0,
        };
      });
      return [...rated, ...unrated];
    },
  };
}
