/**
 * Durable jobs of ingestion. `monitoring.schedule` (every minute) enqueues one `monitoring.poll` per due
 * source with the idempotency key source+slot, so several processes running the schedule enqueue each
 * poll once; on PostgreSQL several workers share the polls (SKIP LOCKED in the job runner).
 */
import type { Db } from "../../../platform/db/database.js";
import type { JobRunner } from "../../../platform/jobs/job-runner.js";
import type { SourcesRepository } from "../storage/sources.repository.js";
import type { IngestPipeline } from "./ingest.pipeline.js";

export const POLL_JOB = "monitoring.poll";
export const SCHEDULE_JOB = "monitoring.schedule";
/** Sources enqueued per scheduler run (a minute); 1,000 sources an hour need ~17 a minute. */
const DUE_BATCH = 500;

export function registerIngestJobs(deps: {
  db: Db;
  jobs: JobRunner;
  sources: SourcesRepository;
  pipeline: IngestPipeline;
  now?: () => Date;
  /** Extra work after each scheduler run (alerts). */
  afterSchedule?: (at: Date) => Promise<void>;
}) {
  const now = deps.now ?? (() => new Date());

  /** Enqueues a poll for every due source; returns how many were new. */
  async function enqueueDue(): Promise<number> {
    const at = now();
    let enqueued = 0;
    for (const s of await deps.sources.due(deps.db, at.toISOString(), DUE_BATCH)) {
      const id = await deps.jobs.enqueue({
        name: POLL_JOB,
        payload: { sourceId: s.id },
        idempotencyKey: `${POLL_JOB}:${s.id}@${s.next_poll_at}`,
        maxAttempts: 2,
      });
      if (id) enqueued++;
    }
    return enqueued;
  }

  deps.jobs.register<{ sourceId: string }>({
    name: POLL_JOB,
    leaseMs: 5 * 60_000,
    handle: async ({ payload }) => deps.pipeline.pollSource(payload.sourceId),
  });
  deps.jobs.register<null>({
    name: SCHEDULE_JOB,
    handle: async () => {
      const enqueued = await enqueueDue();
      await deps.afterSchedule?.(now());
      return { enqueued };
    },
  });
  return { enqueueDue };
}

/** Runs the scheduler every minute; called by the server only (a cron would keep a CLI process alive). */
export function scheduleMonitoringJobs(jobs: JobRunner) {
  jobs.schedule({ name: SCHEDULE_JOB, cron: "* * * * *" });
}
