/** All SQL of monitored items and their labels, LSH bands, stories and label corrections. */
import type { Insertable, Updateable } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import type {
  MonitoringItemMentionTable,
  MonitoringItemTable,
  MonitoringItemTopicTable,
  MonitoringLabelCorrectionTable,
  MonitoringStoryTable,
} from "../monitoring.tables.js";

export type ItemRow = MonitoringItemTable;
export type StoryRow = MonitoringStoryTable;

/** Columns of a list row (no full text or HTML). */
const LIST_COLUMNS = [
  "i.id",
  "i.source_id",
  "i.title",
  "i.url",
  "i.canonical_url",
  "i.published_at",
  "i.fetched_at",
  "i.language",
  "i.country",
  "i.outlet_type",
  "i.tone",
  "i.flags_json",
  "i.mentions_city",
  "i.story_id",
  "i.platform",
  "i.author",
] as const;

/** Rows per multi-row label insert: 5 columns × 400 stays far below SQLite's 32,766 parameters. */
const LABEL_CHUNK = 400;

export function createItemsRepository() {
  return {
    /** Which of these dedupe keys the source already has. */
    async existingKeys(db: DbOrTrx, sourceId: string, keys: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await db
          .selectFrom("monitoring_items")
          .select("dedupe_key")
          .where("source_id", "=", sourceId)
          .where("dedupe_key", "in", keys.slice(i, i + 500))
          .execute();
        for (const r of rows) found.add(r.dedupe_key);
      }
      return found;
    },

    /** Inserts the item unless (source, key) exists; true when inserted. */
    async insertItem(db: DbOrTrx, row: Insertable<MonitoringItemTable>): Promise<boolean> {
      const r = await db
        .insertInto("monitoring_items")
        .values(row)
        .onConflict((oc) => oc.columns(["source_id", "dedupe_key"]).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Labels and LSH bands of stored items, in multi-row inserts (chunked under bind-parameter limits). */
    async insertLabels(
      db: DbOrTrx,
      mentions: Insertable<MonitoringItemMentionTable>[],
      topics: Insertable<MonitoringItemTopicTable>[],
      bands: { item_id: string; band_key: string }[],
    ) {
      for (let i = 0; i < mentions.length; i += LABEL_CHUNK)
        await db
          .insertInto("monitoring_item_mentions")
          .values(mentions.slice(i, i + LABEL_CHUNK))
          .execute();
      for (let i = 0; i < topics.length; i += LABEL_CHUNK)
        await db
          .insertInto("monitoring_item_topics")
          .values(topics.slice(i, i + LABEL_CHUNK))
          .execute();
      for (let i = 0; i < bands.length; i += LABEL_CHUNK)
        await db
          .insertInto("monitoring_item_bands")
          .values(bands.slice(i, i + LABEL_CHUNK))
          .execute();
    },

    /** Items sharing an LSH band key (near-duplicate candidates), with their signatures. */
    candidatesByBands(db: DbOrTrx, keys: string[], limit = 50) {
      return db
        .selectFrom("monitoring_item_bands as b")
        .innerJoin("monitoring_items as i", "i.id", "b.item_id")
        .select(["i.id", "i.minhash", "i.story_id"])
        .distinct()
        .where("b.band_key", "in", keys)
        .limit(limit)
        .execute();
    },

    insertStory(db: DbOrTrx, row: Insertable<MonitoringStoryTable>) {
      return db.insertInto("monitoring_stories").values(row).execute();
    },

    /** Counts `added` more items in a story, last seen now. */
    touchStory(db: DbOrTrx, id: string, seenAt: string, added = 1) {
      return db
        .updateTable("monitoring_stories")
        .set((eb) => ({ item_count: eb("item_count", "+", added), last_seen_at: seenAt }))
        .where("id", "=", id)
        .execute();
    },

    deleteStory(db: DbOrTrx, id: string) {
      return db.deleteFrom("monitoring_stories").where("id", "=", id).execute();
    },

    find(db: DbOrTrx, id: string) {
      return db.selectFrom("monitoring_items").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** List rows for ids, in the order given. */
    async listByIds(db: DbOrTrx, ids: string[]) {
      if (!ids.length) return [];
      const rows = await db
        .selectFrom("monitoring_items as i")
        .innerJoin("monitoring_sources as s", "s.id", "i.source_id")
        .select([...LIST_COLUMNS, "s.name as source_name"])
        .where("i.id", "in", ids)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
    },

    /** Item texts by id (for search snippets: one page of results). */
    async textsOf(db: DbOrTrx, ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom("monitoring_items")
        .select(["id", "text"])
        .where("id", "in", ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.text]));
    },

    topicsOf(db: DbOrTrx, itemIds: string[]) {
      if (!itemIds.length) return Promise.resolve([]);
      return db.selectFrom("monitoring_item_topics").selectAll().where("item_id", "in", itemIds).execute();
    },

    mentionsOf(db: DbOrTrx, itemId: string) {
      return db
        .selectFrom("monitoring_item_mentions")
        .selectAll()
        .where("item_id", "=", itemId)
        .orderBy("offset")
        .execute();
    },

    updateItem(db: DbOrTrx, id: string, patch: Updateable<MonitoringItemTable>) {
      return db.updateTable("monitoring_items").set(patch).where("id", "=", id).execute();
    },

    async replaceTopics(db: DbOrTrx, itemId: string, topics: Insertable<MonitoringItemTopicTable>[]) {
      await db.deleteFrom("monitoring_item_topics").where("item_id", "=", itemId).execute();
      if (topics.length) await db.insertInto("monitoring_item_topics").values(topics).execute();
    },

    insertCorrection(db: DbOrTrx, row: Insertable<MonitoringLabelCorrectionTable>) {
      return db.insertInto("monitoring_label_corrections").values(row).execute();
    },

    corrections(db: DbOrTrx, filter: { itemId?: string }, limit: number) {
      let q = db.selectFrom("monitoring_label_corrections").selectAll();
      if (filter.itemId) q = q.where("item_id", "=", filter.itemId);
      return q.orderBy("corrected_at", "desc").limit(limit).execute();
    },

    findStory(db: DbOrTrx, id: string) {
      return db.selectFrom("monitoring_stories").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async listStories(
      db: DbOrTrx,
      filter: { from?: string | undefined; minItems?: number | undefined },
      page: { limit: number; offset: number },
    ) {
      let q = db.selectFrom("monitoring_stories");
      if (filter.from) q = q.where("last_seen_at", ">=", filter.from);
      if (filter.minItems) q = q.where("item_count", ">=", filter.minItems);
      const [rows, total] = await Promise.all([
        q
          .selectAll()
          .orderBy("item_count", "desc")
          .orderBy("last_seen_at", "desc")
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    storyItemIds(db: DbOrTrx, storyId: string, limit = 200) {
      return db
        .selectFrom("monitoring_items")
        .select("id")
        .where("story_id", "=", storyId)
        .orderBy("published_at")
        .limit(limit)
        .execute();
    },

    countBySource(db: DbOrTrx, sourceId: string) {
      return db
        .selectFrom("monitoring_items")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("source_id", "=", sourceId)
        .executeTakeFirstOrThrow();
    },
  };
}

export type ItemsRepository = ReturnType<typeof createItemsRepository>;
