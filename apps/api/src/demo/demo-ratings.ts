import { randomUUID } from 'node:crypto';
import { SYNC_PROTOCOL, type ClientRecord } from '@hailong/contracts';
import {
  DEFAULT_KIOSK_SETTINGS,
  RATING_SCALES,
  addDays,
  isWorkingDay,
  newTrackingCode,
  seededRandom,
  vnDateOf,
  type FeedbackKind,
  type WorkCalendar,
} from '@hailong/domain';
import type { DeviceRow, Repositories } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { createDevicesService } from '../devices/devices.service.ts';
import { createSyncService } from '../ingest/sync.service.ts';
import { demoAssessment } from './demo-assessment.ts';
import { demoContact, demoMessage } from './demo-feedback.ts';
import { DEMO_SURVEY_UNIT, seedDemoSurvey } from './demo-survey.ts';
import { demoStaff, handleDemoFeedback, type DemoItem } from './demo-workflow.ts';
import { demoChannels, demoComment, type DemoRating } from './demo-channels.ts';
import { loadCalendar } from '../feedback/feedback-intake.ts';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** Việt Nam is UTC+7 all year. */
const VN_OFFSET = 7 * HOUR;
/** The one-stop desk's hours, in hours after midnight in Việt Nam. */
const OPENS = 7.5;
const CLOSES = 17;
const MONTHS = 4;
const BATCH = 500;
/** The demo tablet uploads a few minutes after a citizen sends a phản ánh. */
const UPLOAD_DELAY_MS = 4 * 60_000;

/** `at`, or the next moment the one-stop desk is open if it is closed then. */
function officeHours(at: number, calendar: WorkCalendar): number {
  let date = vnDateOf(at);
  const hour = (at + VN_OFFSET - Date.parse(`${date}T00:00:00Z`)) / HOUR;
  if (hour >= OPENS && hour < CLOSES && isWorkingDay(date, calendar)) return at;
  if (hour >= CLOSES) date = addDays(date, 1);
  while (!isWorkingDay(date, calendar)) date = addDays(date, 1);
  return Date.parse(`${date}T00:00:00Z`) - VN_OFFSET + OPENS * HOUR;
}

/**
 * Demo ratings and phản ánh, kiến nghị for the last four months, most uploaded by one demo tablet
 * per unit through the real sync path, the others sent from citizens' phones or entered by staff
 * (demo-channels.ts), all through the one ingest, so rollups, gaps and the register are exactly as
 * in use. Each sector gets its own satisfaction level between 84% and 99%, so some miss their
 * target; about half the low ratings carry a comment, so every month (the current one too) has
 * some. The tablet uploads each phản ánh soon after it is sent, so its deadlines count from that
 * day; staff then handle it through the real workflow (demo-workflow.ts).
 */
export async function seedDemoRatings(
  repos: Repositories,
  clock: Clock,
  months = MONTHS,
): Promise<void> {
  // One transaction: the services' own transactions join it, so the demo commits once (seconds,
  // not a minute of one fsync per step) and a start that is stopped midway leaves no half demo.
  await repos.transaction((tx) => seed(tx, clock(), months));
}

async function seed(repos: Repositories, now: number, months: number) {
  const start = now - months * 30 * DAY;
  const random = seededRandom(2026);
  const devices = createDevicesService(repos, () => start);
  const calendar = await loadCalendar(repos);
  const items: DemoItem[] = [];
  const units = await repos.catalogue.listUnits();
  const staff = await demoStaff(repos, units, now);
  // What Quảng Điền asks is set before its tablet uploads: the unit's policy keeps only what it asks.
  await seedDemoSurvey(repos, () => now);
  for (const unit of units) {
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
    // The unit's clerk serves at its counter; at Quảng Điền citizens also answer the TT 01 questions.
    const { clerk } = staff.get(unit.id)!;
    const assessment = unit.code === DEMO_SURVEY_UNIT ? demoAssessment(unit.id, clerk.id) : null;
    const scale = RATING_SCALES[unit.scale];
    const happy = scale.levels.filter((l) => l.satisfied).map((l) => l.level);
    const unhappy = scale.levels.filter((l) => !l.satisfied).map((l) => l.level);
    const share = new Map(sectors.map((s) => [s.id, 0.84 + random() * 0.15]));
    const records: ClientRecord[] = [];
    const channels = demoChannels(repos, unit, counter?.id ?? null, clerk, now);
    let time = start;
    for (let turn = 0; ; turn++) {
      // Citizens come while the desk is open: a rating every 20 minutes or so.
      const gap =
        DEFAULT_KIOSK_SETTINGS.repeatWindowSeconds * 1000 + Math.floor(random() * 40 * 60_000);
      time = officeHours(time + gap, calendar);
      if (time >= now - HOUR) break;
      const sector = sectors[Math.floor(random() * sectors.length)]!;
      const pick = (levels: number[]) => levels[Math.floor(random() * levels.length)]!;
      const satisfied = random() < share.get(sector.id)!;
      // One citizen in eight rates on their own phone, one in twenty on a paper form.
      const way = random();
      const base = {
        id: randomUUID(),
        deviceId,
        seq: records.length + 1,
        deviceTime: new Date(time).toISOString(),
        schemaVersion: 1 as const,
      };
      if (turn % 97 === 96) {
        const kind: FeedbackKind = random() < 0.6 ? 'phan_anh' : 'kien_nghi';
        const message = demoMessage(random, kind, sector.name);
        const contact = demoContact(random);
        // One citizen in five does not say which lĩnh vực; staff set it when classifying.
        const sectorId = random() < 0.2 ? null : sector.id;
        const written = { at: time, kind, sectorId, content: message.content, contact };
        // Some write from their phone, some by letter, e-mail or the hotline, which staff enter
        // that afternoon (so only before today, to be entered before now).
        const other =
          way < 0.25
            ? await channels.phoneFeedback(written)
            : way < 0.4 && time < now - DAY
              ? await channels.staffFeedback(written, random)
              : null;
        if (other) {
          items.push({ ...other, unitId: unit.id, kind, answer: message.answer });
          continue;
        }
        const trackingCode = newTrackingCode(crypto.getRandomValues(new Uint8Array(5)));
        records.push({
          ...base,
          kind: 'feedback',
          feedbackKind: kind,
          trackingCode,
          sectorId,
          content: message.content,
          contact: contact && {
            ...contact,
            consentVersion: DEFAULT_KIOSK_SETTINGS.consentVersion,
            consentAt: base.deviceTime,
          },
        });
        items.push({ id: base.id, unitId: unit.id, kind, trackingCode, answer: message.answer });
        continue;
      }
      const comment = demoComment(random, satisfied);
      const rating = {
        sectorId: sector.id,
        level: satisfied ? pick(happy) : pick(unhappy),
        reasons: satisfied
          ? []
          : [
              random() < 0.5
                ? ('waiting_time' as const)
                : random() < 0.5
                  ? ('came_back' as const)
                  : ('unclear_procedure' as const),
            ],
        ...(comment === undefined ? {} : { comment }),
        counterId: counter?.id ?? null,
        officerId: clerk.id,
        ...assessment?.answers(time, sector.id),
      } satisfies Omit<DemoRating, 'at'>;
      if (way < 0.125) channels.phoneRating({ ...rating, at: time });
      else if (way < 0.175) channels.paperForm({ ...rating, at: time });
      else records.push({ ...base, kind: 'rating', ...rating, possibleRepeat: false });
    }
    await upload(repos, device, records, now);
    await channels.flush();
    if (assessment) await repos.assessment.upsertDossiers(assessment.file(now), now);
  }
  await handleDemoFeedback(repos, items, now, random, staff);
}

/**
 * Uploads as the tablet would: in batches of up to 500, and right after each phản ánh, so it is
 * received (and its deadlines start) on the day it was sent; the last batch arrives now.
 */
async function upload(
  repos: Repositories,
  device: DeviceRow,
  records: readonly ClientRecord[],
  now: number,
) {
  let batch: ClientRecord[] = [];
  const send = async (at: number) => {
    if (batch.length === 0) return;
    await createSyncService(repos, () => at).sync(device, SYNC_PROTOCOL, batch);
    batch = [];
  };
  for (const record of records) {
    batch.push(record);
    if (record.kind === 'feedback' || batch.length === BATCH) {
      await send(Math.min(now, Date.parse(record.deviceTime) + UPLOAD_DELAY_MS));
    }
  }
  await send(now);
}
