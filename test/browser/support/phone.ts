/**
 * A unit of a phone test's own, under the demo province as a real unit is (a second root would
 * change the pages other tests read: the overview, /public), with one sector, one counter and the
 * survey settings the test asks for: its ratings stay out of other tests' figures.
 */
import { CatalogueUnit } from '@hailong/contracts';
import type { StaffApi } from './kiosk.ts';

/** The JSON of a response with `status`, or a thrown error naming what the server said. */
export async function ok(response: Promise<Response>, status = 200): Promise<unknown> {
  const res = await response;
  if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res.json();
}

export interface PhoneUnit {
  unitId: string;
  counterId: string;
}

export async function phoneUnit(
  staff: StaffApi,
  unit: { code: string; name: string },
  survey: object,
): Promise<PhoneUnit> {
  const { id: unitId } = CatalogueUnit.parse(
    await ok(
      staff.call('/api/v1/units', 'POST', {
        ...unit,
        kind: 'other',
        scale: 'five',
        parentId: await staff.unitId('Thành phố Huế'),
      }),
      201,
    ),
  );
  await ok(
    staff.call(`/api/v1/units/${unitId}/sectors`, 'POST', { code: 'ho-tich', name: 'Hộ tịch' }),
    201,
  );
  const counter = (await ok(
    staff.call(`/api/v1/units/${unitId}/counters`, 'POST', { code: 'quay-1', name: 'Quầy 1' }),
    201,
  )) as { id: string };
  await ok(staff.call(`/api/v1/units/${unitId}/survey-settings`, 'PUT', survey));
  return { unitId, counterId: counter.id };
}
