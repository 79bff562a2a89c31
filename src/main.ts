/**
 * Composition root: config → database → repositories → services → HTTP (+ jobs).
 * Nothing else constructs services; each gets only what it uses.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyServerOptions } from "fastify";
import type { Config } from "./config/config.js";
import { createAuditRepository } from "./modules/audit/audit.repository.js";
import { registerAuditRoutes } from "./modules/audit/audit.routes.js";
import { createAuditService } from "./modules/audit/audit.service.js";
import { registerAuthHousekeeping, scheduleAuthHousekeeping } from "./modules/auth/auth.housekeeping.js";
import { createAuthRepository } from "./modules/auth/auth.repository.js";
import { registerAuthRoutes } from "./modules/auth/auth.routes.js";
import { createAuthService, defaultAuthPolicy, type LiveSession } from "./modules/auth/auth.service.js";
import { createExternalAccountsModule } from "./modules/auth/external-accounts.module.js";
import { registerExternalAccountsRoutes } from "./modules/auth/external-accounts.routes.js";
import { createMfaRepository } from "./modules/auth/mfa/mfa.repository.js";
import { registerMfaRoutes } from "./modules/auth/mfa/mfa.routes.js";
import { createMfaService } from "./modules/auth/mfa/mfa.service.js";
import { createPasskeysService } from "./modules/auth/mfa/passkeys.service.js";
import { createSecretBox, loadSecretKey } from "./modules/auth/mfa/secret-box.js";
import { createSharedSessionCache } from "./modules/auth/session-cache.js";
import { budgetKind } from "./modules/budget/budget.kind.js";
import { createBudgetRepository } from "./modules/budget/budget.repository.js";
import { registerBudgetRoutes } from "./modules/budget/budget.routes.js";
import { createBudgetService } from "./modules/budget/budget.service.js";
import { delegationsRegisterKind } from "./modules/delegations/delegations.kind.js";
import {
  createDelegationsModule,
  registerDelegationsModuleRoutes,
} from "./modules/delegations/delegations.module.js";
import { createCommitteesService } from "./modules/directory/committees.service.js";
import { createDirectoryRepository } from "./modules/directory/directory.repository.js";
import { registerDirectoryRoutes } from "./modules/directory/directory.routes.js";
import { createPeopleService } from "./modules/directory/people.service.js";
import { createUnitsService } from "./modules/directory/units.service.js";
import { createPlanItemsRepository } from "./modules/events/communication-plans.repository.js";
import { registerCommunicationPlanRoutes } from "./modules/events/communication-plans.routes.js";
import { createCommunicationPlansService } from "./modules/events/communication-plans.service.js";
import { eventsRegisterKind } from "./modules/events/events.kind.js";
import { createEventsRepository } from "./modules/events/events.repository.js";
import { registerEventsRoutes } from "./modules/events/events.routes.js";
import { createEventsService } from "./modules/events/events.service.js";
import {
  createFollowUpModule,
  registerFollowUpModuleRoutes,
  scheduleFollowUpJobs,
} from "./modules/follow-up/follow-up.module.js";
import { createImportModule } from "./modules/import/import.module.js";
import { createImportRepository } from "./modules/import/import.repository.js";
import { registerImportRoutes } from "./modules/import/import.routes.js";
import { registerImportOcrRoutes } from "./modules/import/import-ocr.routes.js";
import { installationsKind } from "./modules/installations/installations.kind.js";
import { createInstallationsRepository } from "./modules/installations/installations.repository.js";
import { registerInstallationsRoutes } from "./modules/installations/installations.routes.js";
import { createInstallationsService } from "./modules/installations/installations.service.js";
import { scheduleMonitoringJobs } from "./modules/monitoring/ingest/ingest.jobs.js";
import { createMonitoring } from "./modules/monitoring/monitoring.module.js";
import { registerMonitoringRoutes } from "./modules/monitoring/monitoring.routes.js";
import { ownPortalOrigins } from "./modules/monitoring/monitoring-own-channels.js";
import { createEmailOnce } from "./modules/notifications/email-once.js";
import { createMailer } from "./modules/notifications/mailer.js";
import { createNotificationsRepository } from "./modules/notifications/notifications.repository.js";
import { partnersKind } from "./modules/partners/partners.kind.js";
import { createPartnersModule } from "./modules/partners/partners.module.js";
import { schedulePartnerJobs } from "./modules/partners/partners.reminders.js";
import { registerPartnersRoutes } from "./modules/partners/partners.routes.js";
import { createMediaRepository } from "./modules/portal/media/media.repository.js";
import { registerMediaRoutes } from "./modules/portal/media/media.routes.js";
import { createMediaService } from "./modules/portal/media/media.service.js";
import { portalRegisterKind } from "./modules/portal/portal.kind.js";
import { createPortalRepository } from "./modules/portal/portal.repository.js";
import { registerPortalRoutes } from "./modules/portal/portal.routes.js";
import { createPortalService } from "./modules/portal/portal.service.js";
import { registerPortalPreviewRoutes } from "./modules/portal/portal-preview.routes.js";
import { registerPortalQueueRoutes } from "./modules/portal/portal-queue.routes.js";
import { createRebuttalsRepository } from "./modules/portal/portal-rebuttals.repository.js";
import { registerRebuttalRoutes } from "./modules/portal/portal-rebuttals.routes.js";
import { createRebuttalsService } from "./modules/portal/portal-rebuttals.service.js";
import { createTranslationRepository } from "./modules/portal/translation/translation.repository.js";
import { registerTranslationRoutes } from "./modules/portal/translation/translation.routes.js";
import {
  createApprovedTranslationRecorder,
  createTranslationService,
} from "./modules/portal/translation/translation.service.js";
import { pressVisitsRegisterKind } from "./modules/press-visits/press-visits.kind.js";
import {
  createPressVisitsModule,
  registerPressVisitsModuleRoutes,
  schedulePressVisitsJobs,
} from "./modules/press-visits/press-visits.module.js";
import { createCitationsRepository } from "./modules/programmes/citations.repository.js";
import { createProgrammesRepository } from "./modules/programmes/programmes.repository.js";
import { registerProgrammesRoutes } from "./modules/programmes/programmes.routes.js";
import { createProgrammesService } from "./modules/programmes/programmes.service.js";
import type { RegisterKind } from "./modules/registers/register-kinds.js";
import { createRegistersModule } from "./modules/registers/registers.module.js";
import { registerRegistersRoutes } from "./modules/registers/registers.routes.js";
import { createReportsModule } from "./modules/reports/reports.module.js";
import { registerReportsRoutes } from "./modules/reports/reports.routes.js";
import { awardEntriesKind, trainingCoursesKind } from "./modules/training/training.kind.js";
import { createTrainingModule } from "./modules/training/training.module.js";
import { registerTrainingRoutes } from "./modules/training/training.routes.js";
import { registerUsersRoutes } from "./modules/users/users.routes.js";
import { createUsersService } from "./modules/users/users.service.js";
import {
  type ChangeNotifier,
  createChangeNotifier,
  createLocalChangeNotifier,
} from "./platform/db/change-notifier.js";
import { type DatabaseHandle, openDatabase } from "./platform/db/database.js";
import { migrateToLatest } from "./platform/db/migrations/index.js";
import { createFileStore } from "./platform/files/file-store.js";
import { createStoredFilesRepository } from "./platform/files/stored-files.repository.js";
import { buildApp } from "./platform/http/app.js";
import { registerHealthRoutes } from "./platform/http/health.routes.js";
import { registerMetricsRoutes } from "./platform/http/metrics.routes.js";
import { createJobRunner } from "./platform/jobs/job-runner.js";
import { createJobsRepository } from "./platform/jobs/jobs.repository.js";
import { startCollectors } from "./platform/metrics/metrics.collectors.js";
import { createMetrics } from "./platform/metrics/metrics.js";
import { VERSION } from "./version.js";

/** The services of Hải Đăng, built once per process. */
export function createServices(
  database: DatabaseHandle,
  config: Pick<
    Config,
    | "sessionHours"
    | "secretKey"
    | "mfaRequiredRoles"
    | "dataDir"
    | "uploadLimit"
    | "smtp"
    | "reminderWorkingDays"
    | "fetchAllowPrivate"
    | "monitorWorkers"
    | "portal"
    | "press"
  >,
  /**
   * `changes`: how this process hears of changes made by others (several processes on PostgreSQL);
   * without it, only its own. `jobLeaseMs`: the lease of a claimed job.
   */
  extras: { changes?: ChangeNotifier; jobLeaseMs?: number } = {},
) {
  const { db } = database;
  const changes = extras.changes ?? createLocalChangeNotifier();
  const metrics = createMetrics();
  const jobsRepository = createJobsRepository(database.dialect);
  const jobs = createJobRunner({
    db,
    jobs: jobsRepository,
    observe: metrics.jobs.observe,
    ...(extras.jobLeaseMs !== undefined && { leaseMs: extras.jobLeaseMs }),
  });
  const auditRepository = createAuditRepository();
  const audit = createAuditService({ db, audit: auditRepository });
  const authRepository = createAuthRepository();
  registerAuthHousekeeping({ db, jobs, auth: authRepository });
  const mfaRepository = createMfaRepository();
  const auth = createAuthService({
    db,
    auth: authRepository,
    audit,
    mfa: mfaRepository,
    policy: { sessionHours: config.sessionHours, mfaRequiredRoles: config.mfaRequiredRoles },
    sessionCache: createSharedSessionCache<LiveSession>({
      ttlMs: defaultAuthPolicy.sessionCacheMs,
      max: 10_000,
      changes,
    }),
  });
  // TOTP secrets are sealed with the server's key; passkeys need no secret.
  const createSecondFactor = () => {
    const secondFactorDeps = { db, mfa: mfaRepository, users: authRepository, auth, audit };
    const secrets = createSecretBox(loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
    return {
      mfa: createMfaService({ ...secondFactorDeps, secrets }),
      passkeys: createPasskeysService(secondFactorDeps),
    };
  };
  const directory = createDirectoryRepository(database);
  const people = createPeopleService({ db, directory, audit });
  const units = createUnitsService({ db, directory, audit });
  const files = createFileStore({ dataDir: config.dataDir });
  const storedFiles = createStoredFilesRepository();
  const programmesRepository = createProgrammesRepository();
  const citations = createCitationsRepository();
  const followUp = createFollowUpModule({
    db,
    audit,
    jobs,
    files,
    storedFiles,
    uploadLimit: config.uploadLimit,
    smtp: config.smtp,
    reminderWorkingDays: config.reminderWorkingDays,
  });
  const monitoring = createMonitoring({
    db,
    dialect: database.dialect,
    jobs,
    audit,
    fetchAllowPrivate: config.fetchAllowPrivate,
    fetchTrustedOrigins: ownPortalOrigins(config.portal),
    smtp: config.smtp,
    workers: config.monitorWorkers,
    onStored: metrics.ingestion.itemStored,
  });
  // Every register whose entries can be attached to tasks and counted in reports.
  const registerKinds: RegisterKind[] = [
    eventsRegisterKind,
    budgetKind,
    installationsKind,
    delegationsRegisterKind,
    pressVisitsRegisterKind,
    partnersKind,
    trainingCoursesKind,
    awardEntriesKind,
    portalRegisterKind,
  ];
  const registers = createRegistersModule({ db, audit, kinds: registerKinds });
  // The portal, and the translation memory that learns each translation it approves.
  const portalRepository = createPortalRepository();
  const translationRepository = createTranslationRepository();
  // The media library checks alt text when a language is published and renders images' variants.
  const portalMedia = createMediaService({
    db,
    media: createMediaRepository(),
    audit,
    files: { store: files, storedFiles, uploadLimit: config.uploadLimit },
  });
  const portal = createPortalService({
    db,
    portal: portalRepository,
    audit,
    jobs,
    languages: config.portal.languages,
    publicSite: { url: config.portal.publicUrl ?? null, port: config.portal.port },
    onApproved: createApprovedTranslationRecorder({
      repository: translationRepository,
      portal: portalRepository,
    }).rememberApproved,
    onPublishing: portalMedia.onPublishing,
  });
  return {
    db,
    metrics,
    jobs,
    jobsRepository,
    audit,
    auth,
    authRepository,
    ...createSecondFactor(),
    users: createUsersService({
      db,
      auth: authRepository,
      audit,
      forgetUser: auth.forgetUser,
      portalLanguages: config.portal.languages,
    }),
    units,
    people,
    committees: createCommitteesService({ db, directory, audit }),
    directory,
    programmes: createProgrammesService({
      db,
      programmes: programmesRepository,
      citations,
      files,
      storedFiles,
    }),
    ...followUp,
    registers,
    ...createDelegationsModule({ db, audit }),
    ...createPressVisitsModule({ db, audit, jobs, policy: config.press }),
    // Reports quote the monitoring figures and the registers' figures of their period.
    reports: createReportsModule({
      db,
      audit,
      data: followUp.followUpData,
      monitoringFigures: monitoring.reportFigures.forPeriod,
      registerFigures: registers.reportFigures,
    }),
    monitoring,
    // Rebuttal articles of the portal linked to response cases (task 14).
    portalRebuttals: createRebuttalsService({
      db,
      rebuttals: createRebuttalsRepository(),
      portal: portalRepository,
      cases: monitoring.cases,
      audit,
    }),
    budget: createBudgetService({
      db,
      budget: createBudgetRepository(),
      audit,
      files: { store: files, storedFiles, uploadLimit: config.uploadLimit },
    }),
    installations: createInstallationsService({
      db,
      installations: createInstallationsRepository(),
      audit,
      files: { store: files, storedFiles, uploadLimit: config.uploadLimit },
    }),
    eventPlans: createCommunicationPlansService({
      db,
      plans: createPlanItemsRepository(),
      audit,
      jobs: jobsRepository,
      notifications: createNotificationsRepository(),
      email: createEmailOnce({
        db,
        notifications: createNotificationsRepository(),
        mailer: createMailer(config.smtp),
      }),
      remindDaysBefore: config.reminderWorkingDays,
    }),
    events: createEventsService({ db, events: createEventsRepository(), audit }),
    ...createPartnersModule({
      db,
      audit,
      jobs,
      files,
      storedFiles,
      uploadLimit: config.uploadLimit,
      smtp: config.smtp,
    }),
    ...createTrainingModule({ db, audit, files, storedFiles, uploadLimit: config.uploadLimit }),
    portal,
    portalMedia,
    portalTranslation: createTranslationService({
      db,
      repository: translationRepository,
      portal: portalRepository,
      portalService: portal,
      audit,
    }),
    ...createImportModule({
      db,
      jobs,
      files,
      storedFiles,
      imports: createImportRepository(),
      programmes: programmesRepository,
      citations,
      directory,
      people,
      units,
      audit,
      uploadLimit: config.uploadLimit,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

/** The built web app: beside the compiled server (dist/web), or under dist/ when running from sources. */
const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIR =
  [path.resolve(here, "..", "web"), path.resolve(here, "..", "dist", "web")].find((d) =>
    fs.existsSync(path.join(d, "index.html")),
  ) ?? path.resolve(here, "..", "web");

export interface Platform {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  app: Awaited<ReturnType<typeof buildApp>>["app"];
  routes: Awaited<ReturnType<typeof buildApp>>["routes"];
  close(): Promise<void>;
}

/** Opens the database, applies migrations and builds the HTTP app (not yet listening). */
export async function createPlatform(
  config: Config,
  options: { logger?: FastifyServerOptions["logger"]; webDir?: string } = {},
): Promise<Platform> {
  let database = openDatabase({ database: config.database, poolSize: config.dbPoolSize });
  try {
    await migrateToLatest(database.db, database.dialect);
  } catch (err) {
    await database.close();
    throw err;
  }
  // Migrations may run long: only the connections that serve get the statement timeout.
  if (config.database.kind === "postgres" && config.dbStatementTimeoutMs > 0) {
    await database.close();
    database = openDatabase({
      database: config.database,
      poolSize: config.dbPoolSize,
      statementTimeoutMs: config.dbStatementTimeoutMs,
    });
  }
  let log: ((level: "info" | "warn", msg: string, data?: Record<string, unknown>) => void) | undefined;
  const changes = createChangeNotifier({
    database: config.database,
    log: (level, msg, data) => log?.(level, msg, data),
  });
  await changes.start();
  const services = createServices(database, config, { changes, jobLeaseMs: config.jobLeaseMs });
  const { app, routes, cookieName } = await buildApp({
    logLevel: config.logLevel,
    bodyLimit: config.bodyLimit,
    isHttps: config.isHttps,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    version: VERSION,
    auth: services.auth,
    checkResponses: config.checkResponses,
    webDir: options.webDir ?? WEB_DIR,
    ...(options.logger !== undefined && { logger: options.logger }),
    metrics: services.metrics,
  });
  log = (level, msg, data) => app.log[level](data ?? {}, msg);
  registerHealthRoutes(app, { database });
  if (config.metricsToken) {
    startCollectors(services.metrics, { database, jobs: services.jobsRepository });
    registerMetricsRoutes(app, { metrics: services.metrics, token: config.metricsToken });
  }
  registerAuthRoutes(app, {
    auth: services.auth,
    cookieName,
    isHttps: config.isHttps,
    sessionHours: config.sessionHours,
  });
  const externalAccounts = createExternalAccountsModule({
    db: services.db,
    audit: services.audit,
    authRepository: services.authRepository,
    completeFirstFactor: services.auth.completeFirstFactor,
    forgetUser: services.auth.forgetUser,
    sso: config.sso,
    publicUrl: config.publicUrl,
    log: app.log,
  });
  registerExternalAccountsRoutes(app, {
    ...externalAccounts,
    requiresSecondFactor: services.auth.requiresSecondFactor,
    cookieName,
    isHttps: config.isHttps,
    sessionHours: config.sessionHours,
  });
  void externalAccounts.checkProviders();
  registerMfaRoutes(app, {
    mfa: services.mfa,
    passkeys: services.passkeys,
    cookieName,
    isHttps: config.isHttps,
    sessionHours: config.sessionHours,
    publicUrl: config.publicUrl,
  });
  registerUsersRoutes(app, { users: services.users });
  registerDirectoryRoutes(app, {
    units: services.units,
    people: services.people,
    committees: services.committees,
  });
  registerAuditRoutes(app, { audit: services.audit });
  registerFollowUpModuleRoutes(app, services, { uploadLimit: config.uploadLimit });
  registerReportsRoutes(app, { reports: services.reports });
  scheduleFollowUpJobs(services.jobs);
  scheduleAuthHousekeeping(services.jobs);
  registerProgrammesRoutes(app, { programmes: services.programmes });
  registerEventsRoutes(app, { events: services.events });
  registerPartnersRoutes(app, { partners: services.partners });
  schedulePartnerJobs(services.jobs);
  registerTrainingRoutes(app, { training: services.training, awards: services.awards });
  registerDelegationsModuleRoutes(app, services);
  registerPressVisitsModuleRoutes(app, services);
  schedulePressVisitsJobs(services.jobs);
  registerCommunicationPlanRoutes(app, { plans: services.eventPlans });
  services.eventPlans.registerJobs(services.jobs);
  registerBudgetRoutes(app, { budget: services.budget, uploadLimit: config.uploadLimit });
  registerInstallationsRoutes(app, {
    installations: services.installations,
    uploadLimit: config.uploadLimit,
  });
  registerPortalRoutes(app, { portal: services.portal });
  registerMediaRoutes(app, { media: services.portalMedia, uploadLimit: config.uploadLimit });
  registerTranslationRoutes(app, { translation: services.portalTranslation });
  registerPortalQueueRoutes(app, { db: services.db, portal: services.portal });
  registerPortalPreviewRoutes(app, {
    portal: services.portal,
    publicSite: { url: config.portal.publicUrl ?? null, port: config.portal.port },
  });
  registerRegistersRoutes(app, { registers: services.registers });
  registerImportRoutes(app, { imports: services.imports, uploadLimit: config.uploadLimit });
  registerImportOcrRoutes(app, { ocr: services.importOcr, uploadLimit: config.uploadLimit });
  registerMonitoringRoutes(app, services.monitoring);
  registerRebuttalRoutes(app, { rebuttals: services.portalRebuttals });
  scheduleMonitoringJobs(services.jobs);
  await app.ready();

  let closed = false;
  return {
    config,
    database,
    services,
    app,
    routes,
    async close() {
      if (closed) return;
      closed = true;
      await services.jobs.stop();
      await app.close();
      await services.monitoring.close();
      await changes.close();
      await database.close();
    },
  };
}
