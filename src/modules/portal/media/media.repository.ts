/**
 * All SQL of the portal's media library. An item "uses" a media item when its id appears in the item's
 * product file address or in the rich text of any of its languages (image blocks carry `mediaId` and
 * `/media/<id>/…` addresses); a UUID cannot occur there by chance.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import { escapeLike } from "../../../platform/http/pagination.js";
import type { PortalMediaFileTable, PortalMediaTable } from "./media.tables.js";
import { ITEM_OWNER } from "./media-refs.js";

export interface MediaFileRow extends PortalMediaFileTable {
  storage_path: string;
  size: number;
}

export interface MediaUsageRow {
  item_id: string;
  lang: string;
  state: string;
  title: string;
}

const containing = (id: string) => `%${escapeLike(id)}%`;

export function createMediaRepository() {
  return {
    async insert(db: DbOrTrx, row: PortalMediaTable, files: PortalMediaFileTable[]): Promise<void> {
      await db.insertInto("portal_media").values(row).execute();
      if (files.length) await db.insertInto("portal_media_files").values(files).execute();
    },

    find(db: DbOrTrx, id: string): Promise<PortalMediaTable | undefined> {
      return db.selectFrom("portal_media").selectAll().where("id", "=", id).executeTakeFirst();
    },

    findMany(db: DbOrTrx, ids: readonly string[]): Promise<PortalMediaTable[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("portal_media")
        .selectAll()
        .where("id", "in", [...ids])
        .execute();
    },

    async list(
      db: DbOrTrx,
      filter: { q?: string | undefined; kind?: string | undefined; limit: number; offset: number },
    ): Promise<{ rows: PortalMediaTable[]; total: number }> {
      let query = db.selectFrom("portal_media");
      if (filter.kind) query = query.where("kind", "=", filter.kind);
      for (const word of (filter.q ?? "").split(/\s+/).filter(Boolean))
        query = query.where(sql<boolean>`search_text like ${containing(word)} escape '\\'`);
      const [rows, count] = await Promise.all([
        query
          .selectAll()
          .orderBy("created_at", "desc")
          .orderBy("id")
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    async update(db: DbOrTrx, id: string, changes: Partial<PortalMediaTable>): Promise<void> {
      await db.updateTable("portal_media").set(changes).where("id", "=", id).execute();
    },

    async delete(db: DbOrTrx, id: string): Promise<void> {
      await db.deleteFrom("portal_media_files").where("media_id", "=", id).execute();
      await db.deleteFrom("portal_media").where("id", "=", id).execute();
    },

    /** The files of these media items, with where their bytes are stored. */
    filesOf(db: DbOrTrx, mediaIds: readonly string[]): Promise<MediaFileRow[]> {
      if (mediaIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("portal_media_files as f")
        .innerJoin("stored_files as s", "s.id", "f.file_id")
        .selectAll("f")
        .select(["s.storage_path", "s.size"])
        .where("f.media_id", "in", [...mediaIds])
        .orderBy("f.width")
        .execute();
    },

    findFile(db: DbOrTrx, mediaId: string, name: string): Promise<MediaFileRow | undefined> {
      return db
        .selectFrom("portal_media_files as f")
        .innerJoin("stored_files as s", "s.id", "f.file_id")
        .selectAll("f")
        .select(["s.storage_path", "s.size"])
        .where("f.media_id", "=", mediaId)
        .where("f.name", "=", name)
        .executeTakeFirst();
    },

    /** Every language text of every item that uses the media item (from the reference table, migration 0027). */
    async usage(db: DbOrTrx, mediaId: string): Promise<MediaUsageRow[]> {
      const users = db
        .selectFrom("portal_media_refs")
        .select("item_id")
        .where("media_id", "=", mediaId.toLowerCase());
      return db
        .selectFrom("portal_localizations as l")
        .select(["l.item_id", "l.lang", "l.state", "l.title"])
        .where("l.item_id", "in", users)
        .orderBy("l.item_id")
        .orderBy("l.lang")
        .execute();
    },

    /**
     * Whether a published text uses the media item, in its own rich text or through its item's product
     * address (then its files are public).
     */
    async isPublic(db: DbOrTrx, mediaId: string): Promise<boolean> {
      const row = await db
        .selectFrom("portal_media_refs as r")
        .innerJoin("portal_localizations as l", "l.item_id", "r.item_id")
        .select("l.id")
        .where("r.media_id", "=", mediaId.toLowerCase())
        .where("l.state", "=", "published")
        .where((eb) => eb.or([eb("r.owner", "=", ITEM_OWNER), eb("r.owner", "=", eb.ref("l.id"))]))
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The item's product file address and the rich text of all its languages (to find the media it uses). */
    async itemContent(db: DbOrTrx, itemId: string): Promise<{ mediaUrl: string | null; bodies: string[] }> {
      const [item, locs] = await Promise.all([
        db.selectFrom("portal_items").select("media_url").where("id", "=", itemId).executeTakeFirst(),
        db.selectFrom("portal_localizations").select("body_json").where("item_id", "=", itemId).execute(),
      ]);
      return { mediaUrl: item?.media_url ?? null, bodies: locs.map((l) => l.body_json) };
    },
  };
}

export type MediaRepository = ReturnType<typeof createMediaRepository>;
