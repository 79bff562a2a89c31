/**
 * The durable job runner: named, typed handlers; jobs claimed from the database with a lease,
 * retried with exponential backoff, and recorded as done or dead. Cron schedules (croner, in
 * Asia/Ho_Chi_Minh) enqueue a job per tick with an idempotency key made of the schedule name and
 * the tick time, so several processes running the same schedule enqueue it once.
 *
 * @example
 * runner.register({ name: "reminders.scan", handle: async ({ payload }) => { … } });
 * runner.schedule({ name: "reminders.scan", cron: "0 7 * * 1-5" });
 * runner.start();
 */
import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import type { Db } from "../db/database.js";
import type { JobsRepository } from "./jobs.repository.js";
import type { JobTable } from "./jobs.tables.js";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export interface JobContext<P> {
  payload: P;
  job: JobTable;
  /** Stable for the job across retries: use it to make side effects (e-mails) happen once. */
  idempotencyKey: string;
}

export interface JobHandler<P = unknown> {
  name: string;
  handle(ctx: JobContext<P>): Promise<unknown>;
  /** Lease length; a job running longer than this may be taken by another worker. */
  leaseMs?: number;
}

export interface JobRunnerOptions {
  db: Db;
  jobs: JobsRepository;
  now?: () => Date;
  pollMs?: number;
  concurrency?: number;
  workerId?: string;
  /** The lease a claim takes (default 5 minutes): how long a dead process's jobs wait for another. */
  leaseMs?: number;
  log?: (level: "info" | "warn" | "error", msg: string, data?: Record<string, unknown>) => void;
  /** Told of every job run (metrics). */
  observe?: (run: { name: string; outcome: "done" | "failed"; seconds: number }) => void;
}

/** The lease of a job whose handler names none. */
const DEFAULT_LEASE_MS = 5 * 60_000;

const backoffMs = (attempt: number) => Math.min(60 * 60_000, 30_000 * 2 ** (attempt - 1));

export function createJobRunner(options: JobRunnerOptions) {
  const now = options.now ?? (() => new Date());
  const workerId = options.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const handlers = new Map<string, JobHandler>();
  const crons: Cron[] = [];
  const log = options.log ?? (() => {});
  const claimLeaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  async function runOne(job: JobTable): Promise<void> {
    const handler = handlers.get(job.name);
    if (!handler) return;
    // Claims take the default lease; a handler that needs longer (OCR) extends its own job's lease only,
    // so a crashed worker's ordinary jobs are still taken over after the default.
    if (handler.leaseMs !== undefined && handler.leaseMs !== claimLeaseMs) {
      const until = new Date(now().getTime() + handler.leaseMs).toISOString();
      await options.jobs.setLease(options.db, job.id, workerId, until);
    }
    const started = performance.now();
    const observe = (outcome: "done" | "failed") =>
      options.observe?.({ name: job.name, outcome, seconds: (performance.now() - started) / 1000 });
    try {
      const result = await handler.handle({
        payload: JSON.parse(job.payload_json) as unknown,
        job,
        idempotencyKey: job.idempotency_key ?? job.id,
      });
      await options.jobs.complete(options.db, job.id, workerId, now().toISOString(), result);
      observe("done");
    } catch (err) {
      observe("failed");
      const message = err instanceof Error ? err.message : String(err);
      const retryAt = new Date(now().getTime() + backoffMs(job.attempts)).toISOString();
      await options.jobs.fail(options.db, job, workerId, now().toISOString(), message, retryAt);
      log("warn", "job failed", { job: job.name, id: job.id, attempt: job.attempts, error: message });
    }
  }

  /** Claims and runs every due job once; returns how many ran. Tests call this directly. */
  async function tick(): Promise<number> {
    const at = now();
    const lease = claimLeaseMs;
    const jobs = await options.jobs.claim(
      options.db,
      workerId,
      at.toISOString(),
      new Date(at.getTime() + lease).toISOString(),
      options.concurrency ?? 4,
      [...handlers.keys()],
    );
    await Promise.all(jobs.map(runOne));
    return jobs.length;
  }

  return {
    workerId,
    register<P>(handler: JobHandler<P>) {
      handlers.set(handler.name, handler as JobHandler);
    },

    async enqueue(input: {
      name: string;
      payload?: unknown;
      runAt?: Date;
      idempotencyKey?: string;
      maxAttempts?: number;
    }) {
      return options.jobs.enqueue(
        options.db,
        {
          name: input.name,
          payload: input.payload ?? null,
          runAt: (input.runAt ?? now()).toISOString(),
          idempotencyKey: input.idempotencyKey ?? null,
          ...(input.maxAttempts !== undefined && { maxAttempts: input.maxAttempts }),
        },
        now().toISOString(),
      );
    },

    /** Enqueues `name` at every tick of `cron` (Asia/Ho_Chi_Minh), once across processes. */
    schedule(input: { name: string; cron: string; payload?: unknown }) {
      const cron = new Cron(input.cron, { timezone: TIME_ZONE, paused: true, protect: true }, async () => {
        const tickAt = cron.currentRun() ?? now();
        await options.jobs.enqueue(
          options.db,
          {
            name: input.name,
            payload: input.payload ?? null,
            runAt: tickAt.toISOString(),
            idempotencyKey: `${input.name}@${tickAt.toISOString()}`,
          },
          now().toISOString(),
        );
      });
      crons.push(cron);
      return cron;
    },

    tick,

    start() {
      if (running) return;
      running = true;
      for (const c of crons) c.resume();
      const loop = () => {
        inFlight = tick()
          .catch((err: unknown) =>
            log("error", "job tick failed", { error: err instanceof Error ? err.message : String(err) }),
          )
          .finally(() => {
            if (running) timer = setTimeout(loop, options.pollMs ?? 2000);
          });
      };
      loop();
    },

    /** Stops polling and waits for the jobs in hand. */
    async stop() {
      running = false;
      for (const c of crons) c.stop();
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
