import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.js";
import { migrateToLatest } from "../../src/platform/db/migrations/index.js";
import { createJobRunner } from "../../src/platform/jobs/job-runner.js";
import { createJobsRepository } from "../../src/platform/jobs/jobs.repository.js";
import { createTestDatabase, dialects, type TestDatabase } from "../support/db.js";

describe.each(dialects())("durable jobs on %s", (dialect) => {
  let testDb: TestDatabase;
  let handles: DatabaseHandle[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    const first = openDatabase({ database: testDb.database });
    await migrateToLatest(first.db, first.dialect);
    handles = [first, openDatabase({ database: testDb.database })];
  });
  afterAll(async () => {
    for (const h of handles) await h.close();
    await testDb.drop();
  });

  it("enqueues once per idempotency key and runs each job once across two workers", async () => {
    const ran: string[] = [];
    // PostgreSQL: two pools, as two worker processes would have. SQLite is one writer per file: one
    // connection shared by both runners (a second connection in the same thread would block on the lock).
    const pools = dialect === "postgres" ? handles : [handles[0], handles[0]];
    const runners = pools.map((h, i) => {
      if (!h) throw new Error("no db");
      return createJobRunner({
        db: h.db,
        jobs: createJobsRepository(h.dialect),
        workerId: `w${i}`,
        concurrency: 3,
      });
    });
    for (const r of runners) {
      r.register<{ n: number }>({
        name: "test.count",
        handle: async ({ payload }) => {
          await new Promise((res) => setTimeout(res, 5));
          ran.push(String(payload.n));
          return { ok: true };
        },
      });
    }
    const [a] = runners;
    if (!a) throw new Error("no runner");
    for (let n = 0; n < 20; n++)
      await a.enqueue({ name: "test.count", payload: { n }, idempotencyKey: `count-${n}` });
    // Same keys again (a second process, a retry): nothing new.
    for (let n = 0; n < 20; n++)
      expect(
        await a.enqueue({ name: "test.count", payload: { n }, idempotencyKey: `count-${n}` }),
      ).toBeNull();

    let done = 0;
    while (done < 20) {
      const counts = await Promise.all(runners.map((r) => r.tick()));
      done += counts.reduce((x, y) => x + y, 0);
      if (counts.every((c) => c === 0)) break;
    }
    expect(ran.sort()).toEqual(Array.from({ length: 20 }, (_, n) => String(n)).sort());
    const first = handles[0];
    if (!first) throw new Error("no db");
    const rows = await first.db
      .selectFrom("jobs")
      .select(["status", "attempts"])
      .where("name", "=", "test.count")
      .execute();
    expect(rows.every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
  });

  it("retries a failing job with backoff and marks it dead after max attempts", async () => {
    const h = handles[0];
    if (!h) throw new Error("no db");
    let clock = new Date("2024-06-01T00:00:00Z");
    const runner = createJobRunner({ db: h.db, jobs: createJobsRepository(h.dialect), now: () => clock });
    runner.register({ name: "test.fail", handle: async () => Promise.reject(new Error("smtp down")) });
    const id = await runner.enqueue({ name: "test.fail", maxAttempts: 2, idempotencyKey: "fail-1" });
    expect(await runner.tick()).toBe(1);
    let job = await h.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", id ?? "")
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("pending");
    expect(job.last_error).toBe("smtp down");
    expect(await runner.tick()).toBe(0); // not due yet: backoff
    clock = new Date(clock.getTime() + 10 * 60_000);
    expect(await runner.tick()).toBe(1);
    job = await h.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", id ?? "")
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("dead");
  });

  it("reclaims a job whose worker died (lease expired) after a restart", async () => {
    const h = handles[0];
    if (!h) throw new Error("no db");
    let clock = new Date("2024-07-01T00:00:00Z");
    const jobs = createJobsRepository(h.dialect);
    const crashed = createJobRunner({ db: h.db, jobs, now: () => clock, workerId: "crashed" });
    await crashed.enqueue({ name: "test.lease", idempotencyKey: "lease-1" });
    // The crashed worker claimed it and never finished.
    const claimed = await jobs.claim(
      h.db,
      "crashed",
      clock.toISOString(),
      new Date(clock.getTime() + 60_000).toISOString(),
      5,
      ["test.lease"],
    );
    expect(claimed).toHaveLength(1);
    const ran: string[] = [];
    const restarted = createJobRunner({ db: h.db, jobs, now: () => clock, workerId: "restarted" });
    restarted.register({
      name: "test.lease",
      handle: async ({ idempotencyKey }) => ran.push(idempotencyKey),
    });
    expect(await restarted.tick()).toBe(0); // lease still held
    clock = new Date(clock.getTime() + 5 * 60_000);
    expect(await restarted.tick()).toBe(1);
    expect(ran).toEqual(["lease-1"]);
  });

  it("gives a long job its own lease without delaying the takeover of ordinary jobs", async () => {
    const h = handles[0];
    if (!h) throw new Error("no db");
    let clock = new Date("2024-08-01T00:00:00Z");
    const jobs = createJobsRepository(h.dialect);
    // A worker with both kinds of handler claims one job of each, then dies mid-run.
    const dying = createJobRunner({ db: h.db, jobs, now: () => clock, workerId: "dying" });
    const never = () => new Promise<never>(() => {});
    dying.register({ name: "test.short", handle: never });
    dying.register({ name: "test.long", handle: never, leaseMs: 15 * 60_000 });
    await dying.enqueue({ name: "test.short", idempotencyKey: "short-1" });
    await dying.enqueue({ name: "test.long", idempotencyKey: "long-1" });
    void dying.tick();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const ran: string[] = [];
    const other = createJobRunner({ db: h.db, jobs, now: () => clock, workerId: "other" });
    for (const name of ["test.short", "test.long"])
      other.register({
        name,
        handle: async ({ idempotencyKey }) => ran.push(idempotencyKey),
        leaseMs: name === "test.long" ? 15 * 60_000 : undefined,
      });
    clock = new Date(clock.getTime() + 5 * 60_000 + 1000);
    await other.tick();
    expect(ran).toEqual(["short-1"]); // the long job's lease still holds
    clock = new Date(clock.getTime() + 10 * 60_000);
    await other.tick();
    expect(ran).toEqual(["short-1", "long-1"]);
  });
});
