/**
 * Applies the hand-written migrations in order. Kysely's Migrator keeps the bookkeeping table
 * (`kysely_migration`) and a lock, so two processes starting together don't both migrate.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Db, DialectName } from "../database.js";
import { platformMigration } from "./0001-platform.js";
import { programmesMigration } from "./0002-programmes.js";
import { jobsMigration } from "./0003-jobs.js";
import { followUpMigration } from "./0004-follow-up.js";
import { monitoringMigration } from "./0005-monitoring.js";
import { followUpPerfMigration } from "./0007-follow-up-perf.js";
import { monitoringSearchMigration } from "./0008-monitoring-search.js";
import { caseClosedAtMigration } from "./0009-case-closed-at.js";
import { postgresSearchBigramsMigration } from "./0010-postgres-search-bigrams.js";
import { programmeVersionsMigration } from "./0011-programme-versions.js";
import { importOcrRunsMigration } from "./0012-import-ocr-runs.js";
import { uploadNamesMigration } from "./0013-upload-names.js";
import { checkInVersionNotesMigration } from "./0014-check-in-version-notes.js";
import { taskRecordLinksMigration } from "./0015-task-record-links.js";
import { delegationsPressVisitsMigration } from "./0016-delegations-press-visits.js";
import { partnersTrainingMigration } from "./0017-partners-training.js";
import { eventsMigration } from "./0018-events.js";
import { budgetInstallationsPlansMigration } from "./0019-budget-installations-plans.js";
import { externalIdentitiesMigration } from "./0020-external-identities.js";
import { secondFactorMigration } from "./0021-second-factor.js";
import { changeNotificationsMigration } from "./0022-change-notifications.js";
import { portalMigration } from "./0023-portal.js";
import { portalTranslationMigration } from "./0024-portal-translation.js";
import { portalMediaMigration } from "./0025-portal-media.js";
import { portalTiesMigration } from "./0026-portal-ties.js";
import { portalSitemapMediaRefsMigration } from "./0027-portal-sitemap-media-refs.js";
import { portalContentVersionMigration } from "./0029-portal-content-version.js";
import type { AppMigration } from "./migration.js";

/** Every migration, in order. Modules append theirs here. */
export const migrations: AppMigration[] = [
  platformMigration,
  programmesMigration,
  jobsMigration,
  followUpMigration,
  monitoringMigration,
  followUpPerfMigration,
  monitoringSearchMigration,
  caseClosedAtMigration,
  postgresSearchBigramsMigration,
  programmeVersionsMigration,
  importOcrRunsMigration,
  uploadNamesMigration,
  checkInVersionNotesMigration,
  taskRecordLinksMigration,
  delegationsPressVisitsMigration,
  partnersTrainingMigration,
  eventsMigration,
  budgetInstallationsPlansMigration,
  externalIdentitiesMigration,
  secondFactorMigration,
  changeNotificationsMigration,
  portalMigration,
  portalTranslationMigration,
  portalMediaMigration,
  portalTiesMigration,
  portalContentVersionMigration,
  portalSitemapMediaRefsMigration,
];

function provider(dialect: DialectName, list: AppMigration[]): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const m of list) out[m.name] = { up: (db: Kysely<unknown>) => m.up(db, dialect) };
      return out;
    },
  };
}

export interface MigrationReport {
  applied: string[];
}

// Migrations are written against an untyped schema: they describe the past, not today's types.
const untyped = (db: Db) => db as unknown as Kysely<unknown>;

export async function migrateToLatest(db: Db, dialect: DialectName): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: untyped(db),
    provider: provider(dialect, migrations),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}

/** True when every known migration has been applied (used by `/readyz`). */
export async function isSchemaCurrent(db: Db, dialect: DialectName): Promise<boolean> {
  const migrator = new Migrator({
    db: untyped(db),
    provider: provider(dialect, migrations),
    allowUnorderedMigrations: true,
  });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
