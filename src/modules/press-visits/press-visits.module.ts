/**
 * The foreign press visits register: its service, routes, and the daily job (03:15 Asia/Ho_Chi_Minh,
 * through the job table) that erases reporters' personal data after the retention period.
 */
import type { Db } from "../../platform/db/database.js";
import type { App } from "../../platform/http/types.js";
import type { JobRunner } from "../../platform/jobs/job-runner.js";
import type { AuditService } from "../audit/audit.service.js";
import { createPressVisitsRepository } from "./press-visits.repository.js";
import { registerPressVisitsRoutes } from "./press-visits.routes.js";
import {
  createPressVisitsService,
  PRESS_RETENTION_JOB,
  type PressVisitsPolicy,
} from "./press-visits.service.js";

export function createPressVisitsModule(deps: {
  db: Db;
  audit: AuditService;
  jobs: JobRunner;
  policy: PressVisitsPolicy;
}) {
  const pressVisits = createPressVisitsService({
    db: deps.db,
    pressVisits: createPressVisitsRepository(),
    audit: deps.audit,
    policy: deps.policy,
  });
  deps.jobs.register({
    name: PRESS_RETENTION_JOB,
    handle: async () => ({ erased: await pressVisits.eraseExpired() }),
  });
  return { pressVisits };
}

/** The daily erasure; scheduled by the server only (a cron timer would keep CLI commands alive). */
export function schedulePressVisitsJobs(jobs: JobRunner) {
  jobs.schedule({ name: PRESS_RETENTION_JOB, cron: "15 3 * * *" });
}

export function registerPressVisitsModuleRoutes(
  app: App,
  module: ReturnType<typeof createPressVisitsModule>,
) {
  registerPressVisitsRoutes(app, { pressVisits: module.pressVisits });
}
