/**
 * Health probes, and what happens when things go wrong: the database becomes unreachable (503, the
 * process stays up and recovers), or a write fails half-way (nothing of the request is kept).
 */
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildUnit, countRows } from "../support/factories.js";
import { type Client, rawRequest, signIn } from "../support/http.js";

const FAILING_NAME = "Đơn vị làm hỏng nhật ký";

describe.each(dialects())("health and faults on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
  });
  afterAll(async () => t?.close());

  it("answers the liveness and readiness probes", async () => {
    const health = await rawRequest(t.platform.app, "GET", "/healthz");
    expect(health).toMatchObject({ status: 200, body: { status: "ok" } });
    const ready = await rawRequest(t.platform.app, "GET", "/readyz");
    expect(ready).toMatchObject({ status: 200, body: { status: "ready", database: dialect } });
  });

  it("keeps nothing of a request whose audit entry fails (one transaction per request)", async () => {
    const { db } = t.platform.database;
    if (dialect === "postgres") {
      await sql`create function fail_audit() returns trigger language plpgsql as $$
        begin raise exception 'simulated crash while auditing'; end $$`.execute(db);
      await sql
        .raw(`create trigger fail_audit before insert on audit_log for each row
        when (new.after_json like '%${FAILING_NAME}%') execute function fail_audit()`)
        .execute(db);
    } else {
      await sql
        .raw(`create trigger fail_audit before insert on audit_log
        when new.after_json like '%${FAILING_NAME}%'
        begin select raise(abort, 'simulated crash while auditing'); end`)
        .execute(db);
    }
    try {
      const before = await countRows(t.platform, ["units", "unit_names", "audit_log"]);
      const res = await admin.request("POST", "/api/units", { name: FAILING_NAME, type: "other" });
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ error: { code: "internal_error", message: "Lỗi hệ thống" } });
      expect(res.text).not.toContain("simulated crash");
      expect(await countRows(t.platform, ["units", "unit_names", "audit_log"])).toEqual(before);
      const search = await admin.request("GET", `/api/units?q=${encodeURIComponent(FAILING_NAME)}`);
      expect((search.body as { total: number }).total).toBe(0);
      // Other writes still go through.
      await buildUnit(admin, { name: "Đơn vị bình thường" });
    } finally {
      await sql`drop trigger fail_audit ${sql.raw(dialect === "postgres" ? "on audit_log" : "")}`.execute(db);
      if (dialect === "postgres") await sql`drop function fail_audit()`.execute(db);
    }
  });

  // Only a client/server database can become unreachable while the process runs: PostgreSQL only.
  const itOnServerDatabase = dialect === "postgres" ? it : () => {};
  itOnServerDatabase(
    "answers 503 while the database is unreachable and recovers when it is back",
    async () => {
      if (t.config.database.kind !== "postgres") throw new Error("expected PostgreSQL");
      const name = new URL(t.config.database.url).pathname.slice(1);
      const superuser = new pg.Client({ connectionString: inject("pgUrl") ?? "" });
      await superuser.connect();
      const setAllowed = async (allowed: boolean) => {
        await superuser.query(`alter database ${name} with allow_connections ${allowed}`);
        if (!allowed)
          await superuser.query(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
            [name],
          );
      };
      try {
        await setAllowed(false);
        const ready = await rawRequest(t.platform.app, "GET", "/readyz");
        expect(ready).toMatchObject({ status: 503, body: { status: "database_unavailable" } });
        const list = await admin.request("GET", "/api/units");
        expect(list.status).toBe(503);
        expect(list.body).toMatchObject({ error: { code: "service_unavailable" } });
        const write = await admin.request(
          "POST",
          "/api/units",
          { name: "Khi mất kết nối", type: "other" },
          { "accept-language": "en" },
        );
        expect(write.status, write.text).toBe(503);
        expect(write.body).toMatchObject({
          error: { code: "service_unavailable", message: "Service temporarily unavailable (database)" },
        });
        const anonymous = await rawRequest(t.platform.app, "POST", "/api/auth/login", {
          body: { email: t.adminEmail, password: t.adminPassword },
        });
        expect(anonymous.status).toBe(503);
        // The process is still up and answering.
        expect((await rawRequest(t.platform.app, "GET", "/healthz")).status).toBe(200);
      } finally {
        await setAllowed(true);
        await superuser.end();
      }
      expect((await rawRequest(t.platform.app, "GET", "/readyz")).status).toBe(200);
      expect((await admin.request("GET", "/api/units")).status).toBe(200);
      expect(
        (await admin.request("POST", "/api/units", { name: "Sau khi kết nối lại", type: "other" })).status,
      ).toBe(201);
    },
  );
});
