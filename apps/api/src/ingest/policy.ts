/**
 * The unit's policy (packages/domain unit-policy.ts) as it stands in the database, read inside the
 * ingest transaction: the unit's scale and its changes, every sector and counter it ever had
 * (archived ones too: the policy judges them at the item's time), its survey settings in force,
 * the users the items name as officers, and who the server last heard is on duty at its counters.
 */
import { unitPolicy, type UnitPolicy } from '@hailong/domain';
import type { Repositories } from '../repositories/types.ts';
import { notFound } from '../http/errors.ts';
import { dossierCodeMatchesOnServer } from '../survey/dossier-pattern.ts';
import { effectiveSurveySettings } from '../survey/survey-settings.service.ts';

export async function loadUnitPolicy(
  tx: Repositories,
  unitId: string,
  officerIds: Iterable<string>,
): Promise<UnitPolicy> {
  const unit = await tx.catalogue.findUnit(unitId);
  if (!unit) throw notFound('Đơn vị');
  const scaleChanges = await tx.catalogue.listUnitScales([unitId]);
  const sectors = await tx.catalogue.listSectors(unitId);
  const counters = await tx.catalogue.listCounters(unitId);
  const { settings } = await effectiveSurveySettings(tx, unitId);
  const officers = [];
  if (settings.officerAttribution) {
    for (const id of new Set(officerIds)) {
      const user = await tx.users.findById(id);
      if (user) officers.push(user);
    }
  }
  const duties =
    officers.length > 0
      ? [...(await tx.survey.listDuties(counters.map((c) => c.id))).values()]
      : [];
  return unitPolicy({
    unitId,
    scale: unit.scale,
    scaleChanges,
    survey: settings,
    sectors,
    counters,
    officers,
    duties,
    matches: dossierCodeMatchesOnServer,
  });
}
