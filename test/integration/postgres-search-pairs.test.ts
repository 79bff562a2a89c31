import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.js";
import { migrateToLatest } from "../../src/platform/db/migrations/index.js";
import { createTestDatabase, dialects, type TestDatabase } from "../support/db.js";

// The SQL functions behind PostgreSQL phrase search (migration 0010). SQLite has FTS5 positions instead.
describe.each(dialects().filter((d) => d === "postgres"))("phrase search functions on %s", (dialect) => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;
  const one = async <T>(query: ReturnType<typeof sql<{ v: T }>>) =>
    (await query.execute(handle.db)).rows[0]?.v;

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    handle = openDatabase({ database: testDb.database });
    await migrateToLatest(handle.db, handle.dialect);
  });
  afterAll(async () => {
    await handle.close();
    await testDb.drop();
  });

  it("derives the adjacent pairs from the tsvector's positions", async () => {
    expect(
      await one<string>(sql`select haidang_bigrams(to_tsvector('simple', 'a b c a b'))::text as v`),
    ).toBe("'a b' 'b c' 'c a'");
    expect(await one<string>(sql`select haidang_bigrams(to_tsvector('simple', 'một'))::text as v`)).toBe("");
  });

  it("searches a two-word phrase by its pair alone, a longer one by its pairs and the phrase", async () => {
    expect(await one<string>(sql`select haidang_phrase_query('cang container')::text as v`)).toBe(
      "'cang container'",
    );
    expect(await one<string>(sql`select haidang_phrase_query('cang')::text as v`)).toBe("'cang'");
    const three = await one<string>(sql`select haidang_phrase_query('cang container hai')::text as v`);
    expect(three).toContain("'cang container' & 'container hai'");
    expect(three).toContain("'cang' <-> 'container' <-> 'hai'");
  });

  it("quotes any lexeme so that it cannot change the query", async () => {
    for (const lexeme of ["it's", "a\\b", "x' | 'y", "' & !z", "''", "\\'"]) {
      const matches = await one<boolean>(
        sql`select array_to_tsvector(array[${lexeme}]) @@ haidang_tsquery_lexeme(${lexeme})::tsquery as v`,
      );
      expect(matches, lexeme).toBe(true);
      const other = await one<boolean>(
        sql`select array_to_tsvector(array['y', 'z']) @@ haidang_tsquery_lexeme(${lexeme})::tsquery as v`,
      );
      expect(other, lexeme).toBe(false);
    }
  });

  it("finds a phrase whatever else the text holds, and not its words apart", async () => {
    await sql`create temporary table t (id int, tsv tsvector)`.execute(handle.db);
    await sql`insert into t values
      (1, to_tsvector('simple', 'tau vao cang container lach huyen')),
      (2, to_tsvector('simple', 'container cang')),
      (3, to_tsvector('simple', 'cang va container'))`.execute(handle.db);
    await sql`update t set tsv = tsv || haidang_bigrams(tsv)`.execute(handle.db);
    const ids = async (phrase: string) =>
      (
        await sql<{
          id: number;
        }>`select id from t where tsv @@ haidang_phrase_query(${phrase}) order by id`.execute(handle.db)
      ).rows.map((r) => r.id);
    expect(await ids("cang container")).toEqual([1]);
    expect(await ids("cang container lach")).toEqual([1]);
    expect(await ids("container cang")).toEqual([2]);
    expect(await ids("container")).toEqual([1, 2, 3]);
  });
});
