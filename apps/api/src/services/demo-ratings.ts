import { randomUUID } from 'node:crypto';
import type { ClientRecord } from '@hailong/contracts';
import { DEFAULT_KIOSK_SETTINGS, RATING_SCALES, newTrackingCode } from '@hailong/domain';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from './clock.ts';
import { createDevicesService } from './devices.service.ts';
import { createSyncService, type FeedbackReceivedHook } from './sync.service.ts';

const DAY = 24 * 60 * 60 * 1000;
const MONTHS = 4;
const BATCH = 500;

/** A small seeded generator, so every demo install shows the same numbers. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Demo ratings and a few phản ánh, kiến nghị for the last four months, uploaded by one demo tablet
 * per unit through the real sync path, so rollups, gaps and the register are exactly as in use.
 * Each sector gets its own satisfaction level between 84% and 99%, so some miss their target.
 */
export async function seedDemoRatings(
  repos: Repositories,
  clock: Clock,
  onFeedback?: FeedbackReceivedHook,
) {
  const now = clock();
  const start = now - MONTHS * 30 * DAY;
  const random = generator(2026);
  const devices = createDevicesService(repos, () => start);
  const sync = createSyncService(repos, clock, onFeedback);
  for (const unit of await repos.catalogue.listUnits()) {
    const sectors = await repos.catalogue.listSectors(unit.id);
    // The province and the centre have no desk of their own: they only pool their sub-units.
    if (sectors.length === 0) continue;
    const [counter] = await repos.catalogue.listCounters(unit.id, { activeOnly: true });
    const { code } = await devices.createEnrollment(null, {
      unitId: unit.id,
      label: 'Máy tính bảng demo',
      counterId: counter?.id ?? null,
    });
    const { deviceId } = await devices.enroll(code, 'demo-seed');
    const device = (await repos.devices.findById(deviceId))!;
    const scale = RATING_SCALES[unit.scale];
    const happy = scale.levels.filter((l) => l.satisfied).map((l) => l.level);
    const unhappy = scale.levels.filter((l) => !l.satisfied).map((l) => l.level);
    const share = new Map(sectors.map((s) => [s.id, 0.84 + random() * 0.15]));
    const records: ClientRecord[] = [];
    let time = start;
    while (time < now - DAY) {
      time += DEFAULT_KIOSK_SETTINGS.repeatWindowSeconds * 1000 + random() * 3 * 60 * 60 * 1000;
      const sector = sectors[Math.floor(random() * sectors.length)]!;
      const pick = (levels: number[]) => levels[Math.floor(random() * levels.length)]!;
      const satisfied = random() < share.get(sector.id)!;
      const base = {
        id: randomUUID(),
        deviceId,
        seq: records.length + 1,
        deviceTime: new Date(time).toISOString(),
        schemaVersion: 1 as const,
      };
      records.push(
        records.length % 97 === 96
          ? {
              ...base,
              kind: 'feedback',
              feedbackKind: random() < 0.6 ? 'phan_anh' : 'kien_nghi',
              trackingCode: newTrackingCode(crypto.getRandomValues(new Uint8Array(5))),
              sectorId: sector.id,
              content: DEMO_FEEDBACK[Math.floor(random() * DEMO_FEEDBACK.length)]!,
              contact: null,
            }
          : {
              ...base,
              kind: 'rating',
              sectorId: sector.id,
              level: satisfied ? pick(happy) : pick(unhappy),
              reasons: satisfied
                ? []
                : [
                    random() < 0.5
                      ? 'waiting_time'
                      : random() < 0.5
                        ? 'came_back'
                        : 'unclear_procedure',
                  ],
              possibleRepeat: false,
            },
      );
    }
    for (let i = 0; i < records.length; i += BATCH)
      await sync.sync(device, 1, records.slice(i, i + BATCH));
  }
}

const DEMO_FEEDBACK = [
  'Thời gian chờ ở quầy tiếp nhận quá lâu, đề nghị bố trí thêm cán bộ vào buổi sáng.',
  'Đề nghị niêm yết rõ mẫu tờ khai và lệ phí tại quầy.',
  'Tôi phải đi lại ba lần vì hồ sơ bị yêu cầu bổ sung giấy tờ không có trong quy định.',
  'Cán bộ hướng dẫn tận tình, xin cảm ơn.',
  'Kiến nghị cho phép nộp bản sao điện tử thay cho bản sao chứng thực.',
];
