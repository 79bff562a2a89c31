/**
 * Metrics read at scrape time: process metrics (prom-client's defaults: CPU, memory, event-loop lag,
 * GC, handles), the PostgreSQL connection pool and the job queue. Started only when metrics are
 * served, so a process that never exports them never pays for the event-loop and GC observers.
 */
import { collectDefaultMetrics, Gauge } from "prom-client";
import type { DatabaseHandle } from "../db/database.js";
import type { JobsRepository } from "../jobs/jobs.repository.js";
import type { Metrics } from "./metrics.js";

export interface CollectorDeps {
  database: DatabaseHandle;
  jobs: JobsRepository;
  now?: () => Date;
}

/** Registers the scrape-time collectors on `metrics.registry`. Call once per registry. */
export function startCollectors(metrics: Metrics, deps: CollectorDeps): void {
  const registry = metrics.registry;
  const now = deps.now ?? (() => new Date());
  collectDefaultMetrics({ register: registry });

  const { poolStats } = deps.database;
  if (poolStats)
    new Gauge({
      name: "haidang_db_pool_connections",
      help: "PostgreSQL pool connections by state (total, idle, waiting clients, max)",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const s = poolStats();
        this.set({ state: "total" }, s.total);
        this.set({ state: "idle" }, s.idle);
        this.set({ state: "waiting" }, s.waiting);
        this.set({ state: "max" }, s.max);
      },
    });

  // One query answers both queue gauges; a scrape collects them concurrently, so they share it.
  const seen = new Set<string>();
  let inFlight: Promise<void> | null = null;
  const refresh = (): Promise<void> => {
    inFlight ??= readQueue().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
  const depth = new Gauge({
    name: "haidang_jobs_queue_depth",
    help: "Jobs waiting (due, not yet taken) or running, by job name",
    labelNames: ["name", "state"] as const,
    registers: [registry],
    collect: refresh,
  });
  const age = new Gauge({
    name: "haidang_jobs_queue_oldest_age_seconds",
    help: "How long the oldest due job of each name has been waiting (0 when none waits)",
    labelNames: ["name"] as const,
    registers: [registry],
    collect: refresh,
  });

  async function readQueue(): Promise<void> {
    const at = now();
    const rows = await deps.jobs.queueStats(deps.database.db, at.toISOString());
    // A name that waited before reads 0 now rather than vanishing, so alerts see it recover.
    for (const name of seen) {
      depth.set({ name, state: "waiting" }, 0);
      depth.set({ name, state: "running" }, 0);
      age.set({ name }, 0);
    }
    for (const row of rows) {
      seen.add(row.name);
      const count = Number(row.count);
      if (row.status === "running") {
        depth.set({ name: row.name, state: "running" }, count);
        continue;
      }
      depth.set({ name: row.name, state: "waiting" }, count);
      const oldest = row.oldest_run_at ? Date.parse(String(row.oldest_run_at)) : Number.NaN;
      if (!Number.isNaN(oldest)) age.set({ name: row.name }, Math.max(0, (at.getTime() - oldest) / 1000));
    }
  }
}
