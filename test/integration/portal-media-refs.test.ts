/**
 * Where library media are used, from a reference table instead of a `LIKE` scan over every body
 * (migration 0027): rows written before the migration are backfilled; every save through the portal
 * repository rewrites a text's references, so a correction that drops an image frees it; a product's
 * file address counts; and a text that only mentions a media id in its words does not use it.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, type Migration, Migrator } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaRepository } from "../../src/modules/portal/media/media.repository.js";
import { createPortalRepository } from "../../src/modules/portal/portal.repository.js";
import { type Db, type DialectName, openDatabase } from "../../src/platform/db/database.js";
import { migrateToLatest, migrations } from "../../src/platform/db/migrations/index.js";
import { createTestDatabase, dialects, type TestDatabase } from "../support/db.js";
import { portalItemRow, portalTextRow } from "../support/portal-rows.js";

const REFS_MIGRATION = "0027-portal-sitemap-media-refs";
const now = "2025-03-01T00:00:00.000Z";

const imageDoc = (mediaId: string, words = "Cảng Lạch Huyện.") =>
  JSON.stringify({
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: words }] },
      { type: "image", attrs: { mediaId, src: `/media/${mediaId}/abc-960.jpg`, alt: "" } },
    ],
  });
const wordsDoc = (words: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: words }] }] });

/** Every migration but the reference table's, as a database made before it would have. */
async function migrateBefore(db: Db, dialect: DialectName) {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: {
      async getMigrations() {
        const out: Record<string, Migration> = {};
        for (const m of migrations)
          if (m.name !== REFS_MIGRATION) out[m.name] = { up: (k: Kysely<unknown>) => m.up(k, dialect) };
        return out;
      },
    },
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

const item = (id: string, mediaUrl: string | null = null) =>
  portalItemRow(now, { id, kind: "product", product_type: "publication", media_url: mediaUrl });
const text = (itemId: string, lang: string, bodyJson: string, state = "published") =>
  portalTextRow(itemId, lang, now, { body_json: bodyJson, state });

describe.each(dialects())("portal media references on %s", (dialect) => {
  let tdb: TestDatabase;
  let db: Db;
  let close: () => Promise<void>;
  const media = createMediaRepository();
  const portal = createPortalRepository();
  const photo = randomUUID();
  const pdf = randomUUID();
  const legacy = randomUUID();
  const legacyText = { id: "" };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const opened = openDatabase({ database: tdb.database });
    db = opened.db;
    close = opened.close;
    await migrateBefore(db, opened.dialect);
    // Written before the migration, straight into the tables (no reference rows yet).
    await db
      .insertInto("portal_items")
      .values(item(legacy, `/media/${pdf}/0123456789abcdef.pdf`))
      .execute();
    const t = text(legacy, "vi", imageDoc(photo));
    legacyText.id = t.id;
    await db.insertInto("portal_localizations").values(t).execute();
    await db
      .insertInto("portal_localizations")
      .values(text(legacy, "en", wordsDoc("No image."), "draft"))
      .execute();
    await migrateToLatest(db, opened.dialect);
  });
  afterAll(async () => {
    await close?.();
    await tdb?.drop();
  });

  it("backfills the references of texts and product files written before the migration", async () => {
    expect((await media.usage(db, photo)).map((u) => `${u.item_id} ${u.lang} ${u.state}`)).toEqual([
      `${legacy} en draft`,
      `${legacy} vi published`,
    ]);
    expect((await media.usage(db, pdf)).map((u) => u.item_id)).toEqual([legacy, legacy]);
    expect(await media.isPublic(db, photo)).toBe(true);
    expect(await media.isPublic(db, pdf)).toBe(true);
    expect(await media.usage(db, randomUUID())).toEqual([]);
  });

  it("rewrites a text's references on every save: a correction that drops the image frees it", async () => {
    await portal.updateLocalization(db, legacyText.id, {
      body_json: wordsDoc("Ảnh đã bỏ."),
      updated_at: now,
    });
    expect(await media.usage(db, photo)).toEqual([]);
    expect(await media.isPublic(db, photo)).toBe(false);
    // Put back in another language's draft: used, but not public until that text is published.
    const en = await db
      .selectFrom("portal_localizations")
      .select("id")
      .where("item_id", "=", legacy)
      .where("lang", "=", "en")
      .executeTakeFirstOrThrow();
    await portal.updateLocalization(db, en.id, { body_json: imageDoc(photo), updated_at: now });
    expect((await media.usage(db, photo)).length).toBe(2);
    expect(await media.isPublic(db, photo)).toBe(false);
    await portal.updateLocalization(db, en.id, { state: "published" });
    expect(await media.isPublic(db, photo)).toBe(true);
  });

  it("counts a product's file address, and not a text that only mentions an id in its words", async () => {
    const other = randomUUID();
    const product = randomUUID();
    await portal.insertItem(db, item(product, `https://portal.example/media/${other}/cover-480.jpg`));
    await portal.insertLocalization(db, text(product, "vi", wordsDoc(`Mã ảnh trong kho: ${pdf}.`)));
    expect((await media.usage(db, other)).map((u) => u.item_id)).toEqual([product]);
    expect((await media.usage(db, pdf)).map((u) => u.item_id)).not.toContain(product);
    await portal.updateItem(db, product, { media_url: null });
    expect(await media.usage(db, other)).toEqual([]);
  });

  it.runIf(dialect === "sqlite")("finds the users of a media item through its index", async () => {
    const { sql } = await import("kysely");
    const plan = await sql<{ detail: string }>`explain query plan
      select item_id from portal_media_refs where media_id = ${photo}`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(" | ")).toContain("portal_media_refs_media_idx");
  });
});
