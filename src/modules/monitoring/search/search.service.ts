/** Search in the monitoring query language, and saved searches (each owned by its user). */
import type { RequestContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { toLimitOffset } from "../../../platform/http/pagination.js";
import { newId, nowIso } from "../../../platform/ids.js";
import { assertCan } from "../../../platform/policy/policy.js";
import { monitoringServiceErrors as errors } from "../monitoring.errors.js";
import type { ItemSummary, SavedSearchDto } from "../monitoring.presenter.js";
import { parseQuery } from "./query-parser.js";
import type { SavedSearchesRepository, SavedSearchRow } from "./saved-searches.repository.js";
import type { AlertChannels, SavedSearchInput } from "./search.schemas.js";
import type { SearchIndex } from "./search-index.js";
import { positiveTerms, snippet } from "./snippet.js";

export function presentSavedSearch(s: SavedSearchRow): SavedSearchDto {
  const channels = JSON.parse(s.channels_json) as AlertChannels;
  return {
    id: s.id,
    name: s.name,
    query: s.query,
    alertOnNew: s.alert_on_new === 1,
    alertOnSpike: s.alert_on_spike === 1,
    spikeFactor: s.spike_factor,
    spikeMinCount: s.spike_min_count,
    digest: s.digest as SavedSearchDto["digest"],
    // The webhook secret is write-only.
    channels: {
      ...channels,
      webhook: channels.webhook ? { url: channels.webhook.url, hasSecret: true } : null,
    },
    checkedUntil: s.checked_until,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}

export function createSearchService(deps: {
  db: Db;
  search: SearchIndex;
  saved: SavedSearchesRepository;
  summaries: (ids: string[]) => Promise<ItemSummary[]>;
  /** The texts of the given items, for snippets. */
  texts: (ids: string[]) => Promise<Map<string, string>>;
}) {
  const { db, saved } = deps;

  async function ownOr404(ctx: RequestContext, id: string) {
    const actor = assertCan(ctx.actor, "monitoring.read");
    const row = await saved.find(db, id);
    if (!row || (row.owner_id !== actor.userId && !actor.roles.includes("admin")))
      throw errors.savedSearchNotFound({ meta: { id } });
    return row;
  }

  return {
    async search(ctx: RequestContext, q: string, page: { page: number; pageSize: number }) {
      assertCan(ctx.actor, "monitoring.read");
      const parsed = parseQuery(q);
      const hits = await deps.search.query(db, parsed.ast, parsed.filters, toLimitOffset(page));
      const [items, texts] = await Promise.all([deps.summaries(hits.ids), deps.texts(hits.ids)]);
      const terms = positiveTerms(parsed.ast);
      return {
        // Each result with a few lines around where it matched (plain text; the client highlights).
        items: items.map((item) => ({ ...item, snippet: snippet(texts.get(item.id) ?? "", terms) })),
        total: hits.total,
        isTotalExact: hits.isTotalExact,
        filters: parsed.filters,
      };
    },

    async listSaved(ctx: RequestContext) {
      const actor = assertCan(ctx.actor, "monitoring.read");
      return saved.listByOwner(db, actor.userId);
    },

    async getSaved(ctx: RequestContext, id: string) {
      const row = await ownOr404(ctx, id);
      return { row, events: await saved.events(db, id) };
    },

    async createSaved(ctx: RequestContext, input: SavedSearchInput) {
      const actor = assertCan(ctx.actor, "monitoring.read");
      parseQuery(input.query); // refuse a query that cannot run
      const now = nowIso();
      const id = newId();
      await saved.insert(db, {
        id,
        owner_id: actor.userId,
        name: input.name,
        query: input.query,
        filters_json: "{}",
        alert_on_new: input.alertOnNew ? 1 : 0,
        alert_on_spike: input.alertOnSpike ? 1 : 0,
        spike_factor: input.spikeFactor,
        spike_min_count: input.spikeMinCount,
        digest: input.digest,
        channels_json: JSON.stringify(input.channels),
        // Alerts cover what arrives from now on, not the archive.
        checked_until: now,
        created_at: now,
        updated_at: now,
      });
      return (await saved.find(db, id)) as SavedSearchRow;
    },

    async updateSaved(ctx: RequestContext, id: string, input: Partial<SavedSearchInput>) {
      const before = await ownOr404(ctx, id);
      if (input.query !== undefined) parseQuery(input.query);
      const channels = input.channels
        ? {
            ...input.channels,
            // Keep the stored secret when the client sends the webhook back without changing it.
            webhook: input.channels.webhook ?? null,
          }
        : undefined;
      await saved.update(db, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.query !== undefined && { query: input.query }),
        ...(input.alertOnNew !== undefined && { alert_on_new: input.alertOnNew ? 1 : 0 }),
        ...(input.alertOnSpike !== undefined && { alert_on_spike: input.alertOnSpike ? 1 : 0 }),
        ...(input.spikeFactor !== undefined && { spike_factor: input.spikeFactor }),
        ...(input.spikeMinCount !== undefined && { spike_min_count: input.spikeMinCount }),
        ...(input.digest !== undefined && { digest: input.digest }),
        ...(channels && { channels_json: JSON.stringify(channels) }),
        updated_at: nowIso(),
      });
      return (await saved.find(db, before.id)) as SavedSearchRow;
    },

    async removeSaved(ctx: RequestContext, id: string) {
      await ownOr404(ctx, id);
      await db.transaction().execute((trx) => saved.remove(trx, id));
    },

    /** Runs a saved search like a search. */
    async runSaved(ctx: RequestContext, id: string, page: { page: number; pageSize: number }) {
      const row = await ownOr404(ctx, id);
      return this.search(ctx, row.query, page);
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
