/**
 * Ingestion of one source: fetch (SSRF-guarded, conditional GET) → parse → skip entries already stored →
 * prepare new ones (page fetch, extraction, sanitising, analysis; several at a time) → store them in
 * batches, one transaction each (`STORE_BATCH`) → record the source's health. Never throws for a bad source: the error is recorded on
 * the source and the next poll backs off. Re-running after a crash stores only what is missing.
 */
import type { Db } from "../../../platform/db/database.js";
import { isAppError } from "../../../platform/errors.js";
import type { AnalysisConfig } from "../analysis/article.analyze.js";
import { parseFeed } from "../feeds/feed.parse.js";
import type { FeedItem } from "../feeds/feed.types.js";
import type { Fetcher } from "../fetch/fetch.client.js";
import type { MonitoringSourceTable } from "../monitoring.tables.js";
import type { SearchIndex } from "../search/search-index.js";
import type { ItemsRepository } from "../storage/items.repository.js";
import type { SourcesRepository } from "../storage/sources.repository.js";
import type { AnalysisConfigProvider } from "./analysis-config.js";
import type { DraftPool } from "./draft-pool.js";
import { dedupeKeyOf, draftFromEntry, fetchEntry, type ItemDraft } from "./item-prepare.js";
import { storeItems } from "./item-store.js";
import { failurePatch, successPatch } from "./source-health.js";

export interface PollResult {
  sourceId: string;
  status: "ok" | "not_modified" | "error" | "skipped";
  entries: number;
  stored: number;
  skipped: number;
  errorCode?: string;
}

export interface IngestPipelineDeps {
  db: Db;
  sources: SourcesRepository;
  items: ItemsRepository;
  search: SearchIndex;
  fetcher: Fetcher;
  analysis: AnalysisConfigProvider;
  now?: () => Date;
  /** Entries prepared in parallel (page fetches, extraction). */
  concurrency?: number;
  /** Worker threads for extraction and analysis; without it they run on the calling thread. */
  draftPool?: DraftPool;
  /** Called after each stored item, once its batch is committed (tests simulate a crash by throwing here). */
  onStored?: (count: number) => void;
}

/**
 * Prepared items stored per transaction: one commit (and on SQLite one WAL append) per batch instead of
 * per item. Small enough that a crash loses little work and a batch's drafts stay a few MB.
 */
const STORE_BATCH = 16;

/** Runs `task` over `inputs` with at most `limit` in flight, delivering results in completion order. */
async function eachLimited<T>(inputs: T[], limit: number, task: (input: T) => Promise<void>): Promise<void> {
  let next = 0;
  let hasFailed = false;
  const worker = async () => {
    while (next < inputs.length && !hasFailed) {
      try {
        await task(inputs[next++] as T);
      } catch (err) {
        hasFailed = true; // stop taking new work; what is stored stays stored
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
}

function errorInfo(err: unknown): { code: string; message: string } {
  if (isAppError(err)) {
    const reason = err.meta?.reason;
    return {
      code: err.code,
      message: typeof reason === "string" ? `${err.messageEn}: ${reason}` : err.messageEn,
    };
  }
  return { code: "ingest_failed", message: err instanceof Error ? err.message : String(err) };
}

export function createIngestPipeline(deps: IngestPipelineDeps) {
  const now = deps.now ?? (() => new Date());

  /** Stores the entries of a parsed feed that the source does not have yet. */
  async function ingestEntries(
    source: MonitoringSourceTable,
    entries: FeedItem[],
    config: AnalysisConfig,
  ): Promise<{ stored: number; skipped: number }> {
    const withKeys = entries
      .map((e) => ({ entry: e, key: dedupeKeyOf(e) }))
      .filter((e) => e.key !== "" && (e.entry.title || e.entry.summary || e.entry.contentHtml));
    const existing = await deps.items.existingKeys(
      deps.db,
      source.id,
      withKeys.map((e) => e.key),
    );
    const seen = new Set<string>();
    const fresh = withKeys.filter((e) => !existing.has(e.key) && !seen.has(e.key) && seen.add(e.key));
    let stored = 0;
    let pending: ItemDraft[] = [];
    // Batches are stored one after another while preparation goes on; a failed store ends the chain.
    let storing: Promise<void> = Promise.resolve();
    const flush = () => {
      const batch = pending;
      pending = [];
      if (batch.length)
        storing = storing.then(async () => {
          const ids = await storeItems(deps, source, batch, now().toISOString());
          for (const id of ids) {
            if (!id) continue;
            stored++;
            deps.onStored?.(stored);
          }
        });
      return storing;
    };
    try {
      await eachLimited(fresh, deps.concurrency ?? 8, async ({ entry }) => {
        const fetched = await fetchEntry(entry, source, { fetcher: deps.fetcher, now: now().toISOString() });
        const draft: ItemDraft = deps.draftPool
          ? await deps.draftPool.draft(fetched, source, config)
          : draftFromEntry(fetched, source, config);
        pending.push(draft);
        if (pending.length >= STORE_BATCH) await flush();
      });
    } catch (err) {
      await storing.catch(() => {}); // the batch being stored settles; its own error is secondary
      throw err;
    }
    await flush();
    return { stored, skipped: entries.length - stored };
  }

  /** Feed text already in hand (CLI file ingest, tests): parse and store. */
  async function ingestFeedText(source: MonitoringSourceTable, text: string, baseUrl?: string) {
    const feed = parseFeed(text, baseUrl ? { baseUrl } : {});
    const config = await deps.analysis.get(deps.db);
    return {
      format: feed.format,
      entries: feed.items.length,
      warnings: feed.warnings,
      ...(await ingestEntries(source, feed.items, config)),
    };
  }

  /** Polls one source once and records its health. */
  async function pollSource(sourceId: string): Promise<PollResult> {
    const source = await deps.sources.find(deps.db, sourceId);
    if (!source?.url || source.format === "manual")
      return { sourceId, status: "skipped", entries: 0, stored: 0, skipped: 0 };
    try {
      const response = await deps.fetcher.fetch({
        url: source.url,
        ...(source.etag && { etag: source.etag }),
        ...(source.last_modified && { lastModified: source.last_modified }),
        accept:
          "application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml, */*;q=0.5",
      });
      if (response.notModified) {
        await deps.sources.update(deps.db, source.id, successPatch(now(), source, {}));
        return { sourceId, status: "not_modified", entries: 0, stored: 0, skipped: 0 };
      }
      const result = await ingestFeedText(source, response.text, response.url);
      await deps.sources.update(deps.db, source.id, {
        ...successPatch(now(), source, {
          etag: response.etag ?? "",
          lastModified: response.lastModified ?? "",
        }),
        // A feed read in spite of ill-formed XML stays healthy, with the repair on record (code feed_recovered).
        ...(result.warnings.length > 0
          ? {
              last_error_code: "feed_recovered",
              last_error_message: result.warnings
                .map((w) => `${w.code}: ${w.message}`)
                .join("; ")
                .slice(0, 1000),
            }
          : { last_error_code: null, last_error_message: null }),
      });
      return {
        sourceId,
        status: "ok",
        entries: result.entries,
        stored: result.stored,
        skipped: result.skipped,
      };
    } catch (err) {
      const info = errorInfo(err);
      await deps.sources.update(deps.db, source.id, failurePatch(now(), source, info));
      return { sourceId, status: "error", entries: 0, stored: 0, skipped: 0, errorCode: info.code };
    }
  }

  return { pollSource, ingestFeedText, ingestEntries };
}

export type IngestPipeline = ReturnType<typeof createIngestPipeline>;
