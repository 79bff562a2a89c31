/**
 * All SQL of the job table. Claiming is atomic: on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so
 * several worker processes never take the same job; on SQLite a single writer makes the
 * `UPDATE … WHERE id IN (SELECT …) RETURNING` statement atomic on its own.
 */
import type { Db, DbOrTrx, DialectName } from "../db/database.js";
import { newId } from "../ids.js";
import type { JobTable } from "./jobs.tables.js";

export interface EnqueueInput {
  name: string;
  payload: unknown;
  runAt: string;
  idempotencyKey?: string | null;
  maxAttempts?: number;
}

export function createJobsRepository(dialect: DialectName) {
  return {
    /** Inserts a job unless one with the same idempotency key exists. Returns the id, or null when it existed. */
    async enqueue(db: DbOrTrx, input: EnqueueInput, now: string): Promise<string | null> {
      const id = newId();
      const result = await db
        .insertInto("jobs")
        .values({
          id,
          name: input.name,
          payload_json: JSON.stringify(input.payload ?? null),
          idempotency_key: input.idempotencyKey ?? null,
          status: "pending",
          run_at: input.runAt,
          attempts: 0,
          max_attempts: input.maxAttempts ?? 5,
          locked_by: null,
          locked_until: null,
          last_error: null,
          result_json: null,
          created_at: now,
          updated_at: now,
          finished_at: null,
        })
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
    },

    /** Takes up to `limit` due jobs (pending, or running with an expired lease) for this worker. */
    async claim(
      db: Db,
      workerId: string,
      now: string,
      leaseUntil: string,
      limit: number,
      names: string[],
    ): Promise<JobTable[]> {
      if (names.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        let due = trx
          .selectFrom("jobs")
          .select("id")
          .where("name", "in", names)
          .where((eb) =>
            eb.or([
              eb.and([eb("status", "=", "pending"), eb("run_at", "<=", now)]),
              eb.and([eb("status", "=", "running"), eb("locked_until", "<", now)]),
            ]),
          )
          .orderBy("run_at")
          .limit(limit);
        if (dialect === "postgres") due = due.forUpdate().skipLocked();
        const ids = (await due.execute()).map((r) => r.id);
        if (ids.length === 0) return [];
        return trx
          .updateTable("jobs")
          .set((eb) => ({
            status: "running",
            locked_by: workerId,
            locked_until: leaseUntil,
            attempts: eb("attempts", "+", 1),
            updated_at: now,
          }))
          .where("id", "in", ids)
          .returningAll()
          .execute();
      });
    },

    /** Moves the lease of a job this worker holds. */
    async setLease(db: DbOrTrx, id: string, workerId: string, leaseUntil: string): Promise<void> {
      await db
        .updateTable("jobs")
        .set({ locked_until: leaseUntil })
        .where("id", "=", id)
        .where("locked_by", "=", workerId)
        .execute();
    },

    async complete(db: DbOrTrx, id: string, workerId: string, now: string, result: unknown): Promise<void> {
      await db
        .updateTable("jobs")
        .set({
          status: "done",
          finished_at: now,
          updated_at: now,
          locked_by: null,
          locked_until: null,
          result_json: result === undefined ? null : JSON.stringify(result),
        })
        .where("id", "=", id)
        .where("locked_by", "=", workerId)
        .execute();
    },

    async fail(
      db: DbOrTrx,
      job: JobTable,
      workerId: string,
      now: string,
      error: string,
      retryAt: string | null,
    ): Promise<void> {
      const isDead = retryAt === null || job.attempts >= job.max_attempts;
      await db
        .updateTable("jobs")
        .set({
          status: isDead ? "dead" : "pending",
          run_at: isDead ? job.run_at : (retryAt ?? job.run_at),
          last_error: error.slice(0, 2000),
          locked_by: null,
          locked_until: null,
          updated_at: now,
          ...(isDead && { finished_at: now }),
        })
        .where("id", "=", job.id)
        .where("locked_by", "=", workerId)
        .execute();
    },

    /**
     * Jobs waiting (pending and due) or running, per name and status, with the oldest due time:
     * the queue depth and age exported as metrics.
     */
    queueStats(db: DbOrTrx, now: string) {
      return db
        .selectFrom("jobs")
        .select((eb) => [
          "name",
          "status",
          eb.fn.countAll<number>().as("count"),
          eb.fn.min("run_at").as("oldest_run_at"),
        ])
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "pending"), eb("run_at", "<=", now)]),
            eb("status", "=", "running"),
          ]),
        )
        .groupBy(["name", "status"])
        .execute();
    },

    find(db: DbOrTrx, id: string) {
      return db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
    },

    list(db: DbOrTrx, filter: { name?: string; status?: JobTable["status"] }, limit = 100) {
      let q = db.selectFrom("jobs").selectAll();
      if (filter.name) q = q.where("name", "=", filter.name);
      if (filter.status) q = q.where("status", "=", filter.status);
      return q.orderBy("created_at", "desc").limit(limit).execute();
    },
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
