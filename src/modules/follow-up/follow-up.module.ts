/**
 * Builds the follow-up and notifications services (one object each, only what they use),
 * registers the reminder job and its daily schedule (07:30 Asia/Ho_Chi_Minh), and their routes.
 */
import type { Db } from "../../platform/db/database.js";
import type { FileStore } from "../../platform/files/file-store.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import type { App } from "../../platform/http/types.js";
import type { JobRunner } from "../../platform/jobs/job-runner.js";
import type { AuditService } from "../audit/audit.service.js";
import { createMailer } from "../notifications/mailer.js";
import { createNotificationsRepository } from "../notifications/notifications.repository.js";
import { registerNotificationsRoutes } from "../notifications/notifications.routes.js";
import { createNotificationsService } from "../notifications/notifications.service.js";
import { createRemindersService } from "../notifications/reminders.service.js";
import { createCheckInsRepository } from "./check-ins.repository.js";
import { createCheckInsService } from "./check-ins.service.js";
import { registerDashboardRoutes } from "./dashboard.routes.js";
import { createDashboardService } from "./dashboard.service.js";
import { createFollowUpData } from "./follow-up.data.js";
import { createFollowUpRepository } from "./follow-up.repository.js";
import { registerFollowUpRoutes } from "./follow-up.routes.js";
import { createFollowUpService } from "./follow-up.service.js";

/** The daily reminder scan's job name; its payload may carry `{ asOf: "YYYY-MM-DD" }`. */
export const REMINDER_SCAN_JOB = "follow-up.reminders.scan";

export function createFollowUpModule(deps: {
  db: Db;
  audit: AuditService;
  jobs: JobRunner;
  files: FileStore;
  storedFiles: StoredFilesRepository;
  uploadLimit: number;
  smtp: { url: string | undefined; from: string };
  reminderWorkingDays: number;
}) {
  const { db, audit } = deps;
  const followUpRepo = createFollowUpRepository();
  const checkInsRepo = createCheckInsRepository();
  const notificationsRepo = createNotificationsRepository();
  const data = createFollowUpData({ db, repo: followUpRepo });
  const uploads = { store: deps.files, storedFiles: deps.storedFiles, uploadLimit: deps.uploadLimit };
  const reminders = createRemindersService({
    db,
    data,
    followUp: followUpRepo,
    notifications: notificationsRepo,
    mailer: createMailer(deps.smtp),
    workingDaysBefore: deps.reminderWorkingDays,
  });
  deps.jobs.register<{ asOf?: string } | null>({
    name: REMINDER_SCAN_JOB,
    handle: ({ payload }) => reminders.scan(payload?.asOf ? { asOf: payload.asOf } : {}),
  });
  return {
    followUpData: data,
    checkIns: createCheckInsService({ db, checkIns: checkInsRepo, followUp: followUpRepo, audit, uploads }),
    followUp: createFollowUpService({ db, followUp: followUpRepo, checkIns: checkInsRepo, audit, uploads }),
    dashboard: createDashboardService({ db, data, followUp: followUpRepo }),
    notifications: createNotificationsService({ db, notifications: notificationsRepo }),
    reminders,
  };
}

export type FollowUpModule = ReturnType<typeof createFollowUpModule>;

/**
 * The daily reminder scan at 07:30 Asia/Ho_Chi_Minh. Scheduled by the server only: a cron timer
 * would keep one-shot CLI commands from exiting.
 */
export function scheduleFollowUpJobs(jobs: JobRunner) {
  jobs.schedule({ name: REMINDER_SCAN_JOB, cron: "30 7 * * *" });
}

export function registerFollowUpModuleRoutes(
  app: App,
  module: FollowUpModule,
  options: { uploadLimit: number },
) {
  registerFollowUpRoutes(app, {
    checkIns: module.checkIns,
    followUp: module.followUp,
    uploadLimit: options.uploadLimit,
  });
  registerDashboardRoutes(app, { dashboard: module.dashboard });
  registerNotificationsRoutes(app, { notifications: module.notifications });
}
