/**
 * The daily clean-up of sign-in records: attempts older than the throttle ever looks at (the
 * "known address" window, 180 days), and sessions that ended long ago. Nothing here is evidence:
 * sign-ins and sign-outs are in the audit journal, which is never pruned.
 */
import type { Db } from "../../platform/db/database.js";
import type { JobRunner } from "../../platform/jobs/job-runner.js";
import type { AuthRepository } from "./auth.repository.js";
import { defaultAuthPolicy } from "./auth.service.js";

export const AUTH_HOUSEKEEPING_JOB = "auth.housekeeping";

/** Ended sessions are kept this long so that "where am I signed in" can still explain a recent sign-out. */
export const ENDED_SESSION_DAYS = 30;

const DAY_MS = 24 * 60 * 60_000;

export function registerAuthHousekeeping(deps: {
  db: Db;
  jobs: JobRunner;
  auth: AuthRepository;
  /** Attempts are kept as long as the throttle reads them (`knownAddressDays`). */
  attemptDays?: number;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const attemptDays = deps.attemptDays ?? defaultAuthPolicy.knownAddressDays;
  deps.jobs.register({
    name: AUTH_HOUSEKEEPING_JOB,
    handle: async () => {
      const t = now().getTime();
      const attempts = await deps.auth.pruneAttempts(
        deps.db,
        new Date(t - attemptDays * DAY_MS).toISOString(),
      );
      const sessions = await deps.auth.pruneSessions(
        deps.db,
        new Date(t - ENDED_SESSION_DAYS * DAY_MS).toISOString(),
      );
      return { attempts, sessions };
    },
  });
}

/** At 03:45 Asia/Ho_Chi_Minh; scheduled by the server only (a cron timer would keep CLI commands alive). */
export function scheduleAuthHousekeeping(jobs: JobRunner) {
  jobs.schedule({ name: AUTH_HOUSEKEEPING_JOB, cron: "45 3 * * *" });
}
