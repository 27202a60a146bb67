/**
 * The demo's TT 01/2018 assessment (issue 12): each demo unit's ratings are attributed to its demo
 * clerk, and at UBND xã An Phú — the unit that asks the extra questions — each rating carries the
 * citizen's answers and the dossier it rated, and the one-stop system's file of those dossiers (and
 * a few nobody rated) is imported, so the Đánh giá TT 01 page shows every measured indicator.
 * Seeded once, after the demo ratings, from a fixed seed: every demo install shows the same figures.
 * No dossier is rated twice, so nothing here changes what the rollups count.
 */
import { addDays, vnDateOf } from '@hailong/domain';
import type { DossierRow, Repositories } from '../repositories/types.ts';
import type { Clock } from './clock.ts';

export const DEMO_ASSESSMENT_UNIT = 'ubnd-xa-an-phu';

function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const choose = <T>(r: number, options: readonly (readonly [T, number])[]): T => {
  let acc = 0;
  for (const [value, share] of options) if (r < (acc += share)) return value;
  return options.at(-1)![0];
};

export async function seedDemoAssessment(repos: Repositories, clock: Clock): Promise<void> {
  const random = generator(1801);
  const now = clock();
  await repos.transaction(async (tx) => {
    for (const unit of await tx.catalogue.listUnits()) {
      const clerk = await tx.users.findByUsername(`demo.${unit.code}`);
      if (!clerk) continue;
      await tx.assessment.attributeDemoRatings(unit.id, clerk.id);
      if (unit.code !== DEMO_ASSESSMENT_UNIT) continue;
      const ratings = await tx.assessment.listDemoRatings(unit.id);
      const dossiers: DossierRow[] = [];
      for (const [i, r] of ratings.entries()) {
        const date = vnDateOf(r.deviceTime);
        const code = `AP-${date.replaceAll('-', '').slice(2)}-${String(i + 1).padStart(4, '0')}`;
        await tx.assessment.answerDemoRating(r, {
          dossierCode: code,
          respondentType: choose(random(), [
            ['individual', 0.8],
            ['organisation', 0.2],
          ] as const),
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
        });
        // The citizen rates when the result is returned: before, on or after the due date.
        const lead = choose(random(), [
          [2, 0.7],
          [0, 0.22],
          [-1, 0.08],
        ] as const);
        dossiers.push({
          code,
          unitId: unit.id,
          sectorId: r.sectorId,
          officerId: clerk.id,
          procedure: null,
          receivedDate: addDays(date, -7),
          dueDate: addDays(date, lead),
          returnedDate: date,
          online: random() < 0.3,
        });
      }
      if (dossiers.length === 0) continue;
      // A few dossiers nobody rated, returned or still open.
      for (let i = 1; i <= 40; i++) {
        const date = addDays(vnDateOf(now), -3 * i);
        dossiers.push({
          code: `AP-KHONG-DG-${String(i).padStart(3, '0')}`,
          unitId: unit.id,
          sectorId: dossiers[i]!.sectorId,
          officerId: clerk.id,
          procedure: null,
          receivedDate: addDays(date, -7),
          dueDate: date,
          returnedDate: i % 5 === 0 ? null : addDays(date, i % 3 === 0 ? 1 : -1),
          online: i % 2 === 0,
        });
      }
      await tx.assessment.upsertDossiers(dossiers, now);
    }
  });
}
