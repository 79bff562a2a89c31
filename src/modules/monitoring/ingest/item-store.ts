/**
 * Stores one prepared item in ONE transaction with everything derived from it: labels (mentions,
 * topics), LSH bands, story membership and the search index row. Either all of it is stored or none,
 * and the (source, dedupe key) unique constraint makes a repeated store a no-op.
 */
import type { Db } from "../../../platform/db/database.js";
import { newId } from "../../../platform/ids.js";
import {
  SAME_STORY_MIN_SIMILARITY,
  signatureFromHex,
  similarity,
} from "../analysis/near-duplicate.minhash.js";
import type { MonitoringSourceTable } from "../monitoring.tables.js";
import type { SearchIndex } from "../search/search-index.js";
import type { ItemsRepository } from "../storage/items.repository.js";
import type { SourcesRepository } from "../storage/sources.repository.js";
import type { ItemDraft } from "./item-prepare.js";

/** Calendar day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function localDay(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
}

export interface ItemStoreDeps {
  db: Db;
  items: ItemsRepository;
  sources: SourcesRepository;
  search: SearchIndex;
}

type SourceInfo = Pick<MonitoringSourceTable, "id" | "country" | "outlet_type">;

/** Returns the new item's id, or null when the source already had it. */
export async function storeItem(
  deps: ItemStoreDeps,
  source: SourceInfo,
  draft: ItemDraft,
  now: string,
): Promise<string | null> {
  return deps.db.transaction().execute(async (trx) => {
    const id = newId();
    const a = draft.analysis;
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
      story_id: null,
      minhash: draft.minhashHex,
      fts_rowid: null,
      created_at: now,
    });
    if (!isInserted) return null;

    // Near-duplicates: candidates share an LSH band; the most similar one above the threshold wins.
    let storyId: string | null = null;
    let best = 0;
    for (const c of await deps.items.candidatesByBands(trx, draft.bands)) {
      const s = similarity(draft.signature, signatureFromHex(c.minhash));
      if (s >= SAME_STORY_MIN_SIMILARITY && s > best && c.story_id) {
        best = s;
        storyId = c.story_id;
      }
    }
    if (storyId) await deps.items.touchStory(trx, storyId, now);
    else {
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
    await deps.items.updateItem(trx, id, { story_id: storyId });
    await deps.items.insertLabels(
      trx,
      a.mentions.map((m) => ({
        id: newId(),
        item_id: id,
        alias_id: m.alias,
        text: m.text,
        offset: m.offset,
      })),
      a.topics.map((t) => ({
        item_id: id,
        topic: t.topic,
        score: t.score,
        terms_json: JSON.stringify(t.terms),
      })),
      draft.bands.map((band_key) => ({ item_id: id, band_key })),
    );
    const rowid = await deps.search.index(trx, {
      id,
      title: draft.title,
      text: draft.text,
      foldedText: draft.foldedText,
    });
    if (rowid !== null) await deps.items.setFtsRowid(trx, id, rowid);
    await deps.sources.addItems(trx, source.id, 1);
    return id;
  });
}
