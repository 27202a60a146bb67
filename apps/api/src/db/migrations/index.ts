/**
 * Every migration, in order. Append-only: add `NNN-name.ts` and one line below; never edit or
 * reorder a migration that has landed. Listed by hand rather than read from the filesystem so it
 * works the same under tsx, vitest and a bundler.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001-foundation.ts';
import * as m002 from './002-sync.ts';
import * as m003 from './003-feedback-workflow.ts';
import * as m004 from './004-throttle-attempts.ts';
import * as m005 from './005-ledger-per-device.ts';
import * as m007 from './007-organisation.ts';
import * as m008 from './008-node-totals.ts';
import * as m009 from './009-rating-comments.ts';
import * as m010 from './010-alerts.ts';
import * as m011 from './011-sources-dossiers.ts';
import * as m012 from './012-officers-survey.ts';
import * as m013 from './013-channels.ts';
import * as m015 from './015-dossiers-assessment.ts';
import * as m016 from './016-rating-amendments.ts';
import * as m017 from './017-verdict-tokens.ts';
import * as m018 from './018-events.ts';
import * as m019 from './019-one-ingest.ts';
import * as m020 from './020-dossier-units.ts';
import * as m021 from './021-one-counter-model.ts';
import * as m022 from './022-assessment-counters.ts';
import * as m023 from './023-job-runner.ts';
import * as m024 from './024-agency.ts';
import * as m025 from './025-overall-targets.ts';
import * as m026 from './026-pull-tokens.ts';
import * as m027 from './027-short-links.ts';
import * as m028 from './028-checkpoints.ts';
import * as m029 from './029-record-chain.ts';
import * as m030 from './030-integrity.ts';
import * as m033 from './033-clustered-counters.ts';
import * as m034 from './034-language-packs.ts';
import * as m035 from './035-catalogue-version.ts';

export const migrations: Readonly<Record<string, Migration>> = {
  '001-foundation': m001,
  '002-sync': m002,
  '003-feedback-workflow': m003,
  '004-throttle-attempts': m004,
  '005-ledger-per-device': m005,
  '007-organisation': m007,
  '008-node-totals': m008,
  '009-rating-comments': m009,
  '010-alerts': m010,
  '011-sources-dossiers': m011,
  '012-officers-survey': m012,
  '013-channels': m013,
  '015-dossiers-assessment': m015,
  '016-rating-amendments': m016,
  '017-verdict-tokens': m017,
  '018-events': m018,
  '019-one-ingest': m019,
  '020-dossier-units': m020,
  '021-one-counter-model': m021,
  '022-assessment-counters': m022,
  '023-job-runner': m023,
  '024-agency': m024,
  '025-overall-targets': m025,
  '026-pull-tokens': m026,
  '027-short-links': m027,
  '028-checkpoints': m028,
  '029-record-chain': m029,
  '030-integrity': m030,
  '033-clustered-counters': m033,
  '034-language-packs': m034,
  '035-catalogue-version': m035,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
