import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.js";
import { createListQueries } from "../../src/platform/db/list-queries.js";
import { migrateToLatest } from "../../src/platform/db/migrations/index.js";
import { createTestDatabase, dialects, type TestDatabase } from "../support/db.js";

interface Values {
  [k: string]: unknown;
  type: string | undefined;
}

describe.each(dialects())("paged list queries on %s", (dialect) => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;
  let other: DatabaseHandle;
  const now = new Date().toISOString();

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    handle = openDatabase({ database: testDb.database });
    await migrateToLatest(handle.db, handle.dialect);
    other = openDatabase({ database: testDb.database });
    const rows = Array.from({ length: 7 }, (_, i) => ({
      id: `u${i}`,
      name: `Đơn vị ${i}`,
      folded_name: `don vi ${i}`,
      short_name: null,
      type: i < 4 ? "department" : "district",
      parent_id: null,
      is_active: 1,
      created_at: now,
      updated_at: now,
    }));
    await handle.db.insertInto("units").values(rows).execute();
  });
  afterAll(async () => {
    await other.close();
    await handle.close();
    await testDb.drop();
  });

  function listOf(lists: ReturnType<typeof createListQueries>, type: string | undefined, offset = 0) {
    const db = handle.db;
    const base = (v: Values) => {
      let q = db.selectFrom("units as u");
      if (v.type) q = q.where("u.type", "=", v.type);
      return q;
    };
    const count = (v: Values) => base(v).select((eb) => eb.fn.countAll<number>().as("n"));
    return lists.page(db, {
      shape: "units:name",
      values: { type, limit: 3, offset },
      count,
      rows: (v, withTotal) =>
        base(v)
          .select(["u.id", "u.type"])
          .$if(withTotal, (q) => q.select(count(v).as("total_count")))
          .orderBy("u.folded_name")
          .limit(v.limit)
          .offset(v.offset),
    });
  }

  it("binds each call's own values into a shape compiled once", async () => {
    const lists = createListQueries(dialect);
    const departments = await listOf(lists, "department");
    const districts = await listOf(lists, "district");
    const all = await listOf(lists, undefined);
    expect(departments.total).toBe(4);
    expect(departments.rows.map((r) => r.id)).toEqual(["u0", "u1", "u2"]);
    expect(districts.total).toBe(3);
    expect(districts.rows.map((r) => r.id)).toEqual(["u4", "u5", "u6"]);
    expect(all.total).toBe(7);
    expect((await listOf(lists, "department", 3)).rows.map((r) => r.id)).toEqual(["u3"]);
    const past = await listOf(lists, "district", 30);
    expect(past).toEqual({ rows: [], total: 3 });
  });

  it.each([
    ["through Kysely", false],
    ["through the raw SQLite handle", true],
  ])("counts again after a write, by this connection or by another one (%s)", async (_label, raw) => {
    const lists = createListQueries(dialect, raw && handle.sqlite ? { sqlite: handle.sqlite } : {});
    expect((await listOf(lists, "district")).total).toBe(3);
    await handle.db.updateTable("units").set({ type: "district" }).where("id", "=", "u0").execute();
    expect((await listOf(lists, "district")).total).toBe(4);
    // Another connection — as a CLI command beside the server would.
    await other.db.updateTable("units").set({ type: "department" }).where("id", "=", "u0").execute();
    expect((await listOf(lists, "district")).total).toBe(3);
  });

  it("refuses a value hidden inside a larger string, which would freeze it into the SQL", async () => {
    const lists = createListQueries(dialect);
    const build = (v: { name: string }) =>
      handle.db
        .selectFrom("units")
        .select("id")
        .where(sql<boolean>`name like ${`%${v.name}%`}`);
    await expect(lists.rows(handle.db, "bad", { name: "x" }, build)).rejects.toThrow(
      /inside a larger string/,
    );
  });
});
