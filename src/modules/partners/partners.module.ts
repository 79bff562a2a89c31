/** The partners register wired: repository, service, renewal reminders (a job of the job table). */
import type { Db } from "../../platform/db/database.js";
import type { FileStore } from "../../platform/files/file-store.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import type { JobRunner } from "../../platform/jobs/job-runner.js";
import type { AuditService } from "../audit/audit.service.js";
import { createEmailOnce } from "../notifications/email-once.js";
import { createMailer } from "../notifications/mailer.js";
import { createNotificationsRepository } from "../notifications/notifications.repository.js";
import { createRenewalReminders, registerPartnerJobs } from "./partners.reminders.js";
import { createPartnersRepository } from "./partners.repository.js";
import { createPartnersService, DEFAULT_RENEWAL_REMINDER_DAYS } from "./partners.service.js";

export function createPartnersModule(deps: {
  db: Db;
  audit: AuditService;
  jobs: JobRunner;
  files: FileStore;
  storedFiles: StoredFilesRepository;
  uploadLimit: number;
  smtp: { url: string | undefined; from: string };
  reminderDays?: number;
}) {
  const repository = createPartnersRepository();
  const reminderDays = deps.reminderDays ?? DEFAULT_RENEWAL_REMINDER_DAYS;
  const notifications = createNotificationsRepository();
  const partnerReminders = createRenewalReminders({
    db: deps.db,
    partners: repository,
    notifications,
    email: createEmailOnce({ db: deps.db, notifications, mailer: createMailer(deps.smtp) }),
    reminderDays,
  });
  registerPartnerJobs(deps.jobs, partnerReminders);
  return {
    partners: createPartnersService({
      db: deps.db,
      partners: repository,
      audit: deps.audit,
      uploads: { store: deps.files, storedFiles: deps.storedFiles, uploadLimit: deps.uploadLimit },
      reminderDays,
    }),
    partnerReminders,
  };
}
