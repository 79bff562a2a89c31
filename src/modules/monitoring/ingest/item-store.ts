/**
 * Stores prepared items, a batch per transaction, with everything derived from them: labels (mentions,
 * topics), LSH bands, story membership and the search index row. A batch is stored entirely or not at
 * all, and the (source, dedupe key) unique constraint makes a repeated store a no-op, so a crash between
 * batches loses nothing and duplicates nothing: the next poll stores what is missing.
 *
 * Per item the transaction runs the near-duplicate lookup, (new story), the item insert with its story
 * and index key already set (SQLite rewrites a whole row, text and HTML included, on every update) and
 * the index insert; labels, bands and story counters go in once per batch.
 */
import type { Insertable } from "kysely";
import type { Db, DbOrTrx } from "../../../platform/db/database.js";
import { newId } from "../../../platform/ids.js";
import { hoChiMinhDateOf } from "../../follow-up/calendar/calendar.clock.js";
import {
  SAME_STORY_MIN_SIMILARITY,
  signatureFromHex,
  similarity,
} from "../analysis/near-duplicate.minhash.js";
import type {
  MonitoringItemMentionTable,
  MonitoringItemTopicTable,
  MonitoringSourceTable,
} from "../monitoring.tables.js";
import type { KeyedItem, SearchIndex } from "../search/search-index.js";
import type { ItemsRepository } from "../storage/items.repository.js";
import type { SourcesRepository } from "../storage/sources.repository.js";
import type { ItemDraft } from "./item-prepare.js";

/** Calendar day in Asia/Ho_Chi_Minh of a stored instant. */
export const localDay = hoChiMinhDateOf;

export interface ItemStoreDeps {
  db: Db;
  items: ItemsRepository;
  sources: SourcesRepository;
  search: SearchIndex;
}

type SourceInfo = Pick<MonitoringSourceTable, "id" | "country" | "outlet_type">;

/** Items of this batch stored so far, for near-duplicates inside the batch (their bands are not in SQL yet). */
interface BatchStory {
  bands: Set<string>;
  signature: Uint32Array;
  storyId: string;
}

/** The story an item joins: the most similar candidate at or above the threshold, else null. */
async function findStory(
  deps: ItemStoreDeps,
  trx: DbOrTrx,
  draft: ItemDraft,
  batch: BatchStory[],
): Promise<string | null> {
  let storyId: string | null = null;
  let best = 0;
  for (const c of await deps.items.candidatesByBands(trx, draft.bands)) {
    const s = similarity(draft.signature, signatureFromHex(c.minhash));
    if (s >= SAME_STORY_MIN_SIMILARITY && s > best && c.story_id) {
      best = s;
      storyId = c.story_id;
    }
  }
  for (const earlier of batch) {
    if (!draft.bands.some((b) => earlier.bands.has(b))) continue;
    const s = similarity(draft.signature, earlier.signature);
    if (s >= SAME_STORY_MIN_SIMILARITY && s > best) {
      best = s;
      storyId = earlier.storyId;
    }
  }
  return storyId;
}

/** Stores drafts of one source in ONE transaction; returns the new ids in draft order (null = had it). */
export async function storeItems(
  deps: ItemStoreDeps,
  source: SourceInfo,
  drafts: ItemDraft[],
  now: string,
): Promise<(string | null)[]> {
  if (!drafts.length) return [];
  return deps.db.transaction().execute(async (trx) => {
    const keys = await deps.search.reserveKeys(trx, drafts.length);
    const ids: (string | null)[] = [];
    const batch: BatchStory[] = [];
    const touched = new Map<string, number>();
    const indexed: KeyedItem[] = [];
    const mentions: Insertable<MonitoringItemMentionTable>[] = [];
    const topics: Insertable<MonitoringItemTopicTable>[] = [];
    const bands: { item_id: string; band_key: string }[] = [];
    for (const [n, draft] of drafts.entries()) {
      const id = newId();
      const a = draft.analysis;
      const key = keys[n] ?? null;
      let storyId = await findStory(deps, trx, draft, batch);
      const isNewStory = storyId === null;
      if (storyId === null) {
        storyId = newId();
        await deps.items.insertStory(trx, {
          id: storyId,
          title: draft.title,
          first_item_id: id,
          first_seen_at: now,
          last_seen_at: now,
          item_count: 1,
        });
      }
      const isInserted = await deps.items.insertItem(trx, {
        id,
        source_id: source.id,
        dedupe_key: draft.dedupeKey,
        guid: draft.guid,
        url: draft.url,
        canonical_url: draft.canonicalUrl,
        title: draft.title,
        author: draft.author,
        platform: draft.platform,
        published_at: draft.publishedAt,
        published_day: localDay(draft.publishedAt),
        fetched_at: now,
        language: a.language,
        country: source.country,
        outlet_type: source.outlet_type,
        text: draft.text,
        folded_text: draft.foldedText,
        html: draft.html,
        labels_json: JSON.stringify({ ...a, textOrigin: draft.textOrigin }),
        tone: a.tone,
        flags_json: JSON.stringify(a.flags),
        mentions_city: a.mentionsCity ? 1 : 0,
        story_id: storyId,
        minhash: draft.minhashHex,
        fts_rowid: key,
        created_at: now,
      });
      if (!isInserted) {
        // Stored meanwhile by another poll: undo the story opened for it.
        if (isNewStory) await deps.items.deleteStory(trx, storyId);
        ids.push(null);
        continue;
      }
      ids.push(id);
      if (!isNewStory) touched.set(storyId, (touched.get(storyId) ?? 0) + 1);
      batch.push({ bands: new Set(draft.bands), signature: draft.signature, storyId });
      indexed.push({ id, key, title: draft.title, text: draft.text, foldedText: draft.foldedText });
      for (const m of a.mentions)
        mentions.push({ id: newId(), item_id: id, alias_id: m.alias, text: m.text, offset: m.offset });
      for (const t of a.topics)
        topics.push({ item_id: id, topic: t.topic, score: t.score, terms_json: JSON.stringify(t.terms) });
      for (const band_key of draft.bands) bands.push({ item_id: id, band_key });
    }
    await deps.items.insertLabels(trx, mentions, topics, bands);
    // In id order: two batches touching the same stories lock them in the same order (no deadlock on PostgreSQL).
    for (const [storyId, count] of [...touched].sort(([a], [b]) => (a < b ? -1 : 1)))
      await deps.items.touchStory(trx, storyId, now, count);
    await deps.search.index(trx, indexed);
    if (indexed.length) await deps.sources.addItems(trx, source.id, indexed.length);
    return ids;
  });
}

/** Stores one prepared item; returns the new item's id, or null when the source already had it. */
export async function storeItem(
  deps: ItemStoreDeps,
  source: SourceInfo,
  draft: ItemDraft,
  now: string,
): Promise<string | null> {
  const [id] = await storeItems(deps, source, [draft], now);
  return id ?? null;
}
