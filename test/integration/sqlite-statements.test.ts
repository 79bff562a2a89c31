import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.js";

// The SQLite handle keeps prepared statements and builds row objects from arrays itself
// (platform/db/database.ts). These check that what Kysely receives is what better-sqlite3 would give.
describe("SQLite statement cache and row building", () => {
  let dir: string;
  let handle: DatabaseHandle;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-stmt-"));
    handle = openDatabase({ database: { kind: "sqlite", file: path.join(dir, "t.sqlite") } });
    await sql`create table t (a integer, b text)`.execute(handle.db);
    await sql`insert into t values (1, 'một'), (2, 'hai')`.execute(handle.db);
  });
  afterEach(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("returns the same objects as better-sqlite3, in column order", async () => {
    const { rows } = await sql`select b, a, a + 1 as "c d" from t order by a`.execute(handle.db);
    const direct = handle.sqlite?.prepare(`select b, a, a + 1 as "c d" from t order by a`).all();
    expect(rows).toEqual(direct);
    expect(Object.keys(rows[0] as object)).toEqual(["b", "a", "c d"]);
  });

  it("keeps the last value of a repeated column name, as better-sqlite3 does", async () => {
    const { rows } = await sql`select a as x, b as x from t where a = 1`.execute(handle.db);
    expect(rows).toEqual(handle.sqlite?.prepare("select a as x, b as x from t where a = 1").all());
  });

  it("reads the column names again after the schema changes under a cached `select *`", async () => {
    const selectAll = () =>
      handle.db
        .selectFrom("t" as never)
        .selectAll()
        .execute();
    expect(await selectAll()).toEqual([
      { a: 1, b: "một" },
      { a: 2, b: "hai" },
    ]);
    await sql`alter table t add column c text default 'mới'`.execute(handle.db);
    expect(await selectAll()).toEqual([
      { a: 1, b: "một", c: "mới" },
      { a: 2, b: "hai", c: "mới" },
    ]);
    await sql`alter table t rename column b to name`.execute(handle.db);
    expect((await selectAll())[0]).toEqual({ a: 1, name: "một", c: "mới" });
  });

  it("sees a column added by another process when the row width changes", async () => {
    const selectAll = () =>
      handle.db
        .selectFrom("t" as never)
        .selectAll()
        .execute();
    await selectAll();
    const other = new SQLite(path.join(dir, "t.sqlite"));
    other.exec("alter table t add column note text default 'khác'");
    other.close();
    expect((await selectAll())[0]).toEqual({ a: 1, b: "một", note: "khác" });
  });

  it("streams rows as objects and runs writes with their change counts", async () => {
    const streamed: unknown[] = [];
    for await (const row of handle.db
      .selectFrom("t" as never)
      .selectAll()
      .stream())
      streamed.push(row);
    expect(streamed).toEqual([
      { a: 1, b: "một" },
      { a: 2, b: "hai" },
    ]);
    const result = await sql`update t set b = 'ba' where a > 0`.execute(handle.db);
    expect(result.numAffectedRows).toBe(2n);
    const { rows } = await sql`insert into t values (3, 'bốn') returning a, b`.execute(handle.db);
    expect(rows).toEqual([{ a: 3, b: "bốn" }]);
  });

  it("refuses a result column named __proto__ instead of setting the prototype", async () => {
    await expect(sql`select 1 as "__proto__"`.execute(handle.db)).rejects.toThrow(/__proto__/);
  });
});
