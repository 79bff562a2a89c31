/** Items feed, item view with labels and why, label corrections (kept as training data), stories, dictionaries. */
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { AuditService } from "../audit/audit.service.js";
import { hoChiMinhDayStart } from "../follow-up/calendar/calendar.clock.js";
import type { AnalysisConfigProvider } from "./ingest/analysis-config.js";
import { monitoringServiceErrors as errors } from "./monitoring.errors.js";
import { presentItem, presentItemSummary } from "./monitoring.presenter.js";
import { type CorrectLabel, DICTIONARY_SCHEMAS, type ItemQueryInput } from "./monitoring.schemas.js";
import type { SearchFilters, SearchIndex } from "./search/search-index.js";
import type { DictionariesRepository, DictionaryKind } from "./storage/dictionaries.repository.js";
import type { ItemsRepository } from "./storage/items.repository.js";
import type { SourcesRepository } from "./storage/sources.repository.js";

export function itemFilters(q: Omit<ItemQueryInput, "page" | "pageSize">): SearchFilters {
  return {
    ...(q.sourceId && { sourceId: q.sourceId }),
    ...(q.storyId && { storyId: q.storyId }),
    ...(q.lang?.length && { lang: q.lang }),
    ...(q.country?.length && { country: q.country.map((c) => c.toUpperCase()) }),
    ...(q.topic?.length && { topic: q.topic }),
    ...(q.tone?.length && { tone: q.tone }),
    ...(q.outletType?.length && { outletType: q.outletType }),
    ...(q.flag && { flag: q.flag }),
    ...(q.mentionsCity && { mentionsCity: q.mentionsCity === "true" }),
    ...(q.from && { dateFrom: q.from }),
    ...(q.to && { dateTo: q.to }),
  };
}

export function createItemsService(deps: {
  db: Db;
  items: ItemsRepository;
  sources: SourcesRepository;
  search: SearchIndex;
  dictionaries: DictionariesRepository;
  analysis: AnalysisConfigProvider;
  audit: AuditService;
}) {
  const { db, items } = deps;

  /** Presented list rows for ids (in order), with their topics. */
  async function summaries(ids: string[]) {
    const [rows, topics] = await Promise.all([items.listByIds(db, ids), items.topicsOf(db, ids)]);
    const byItem = new Map<string, string[]>();
    for (const t of topics) byItem.set(t.item_id, [...(byItem.get(t.item_id) ?? []), t.topic]);
    return rows.map((r) => presentItemSummary(r, byItem.get(r.id) ?? []));
  }

  async function loadItem(id: string) {
    const item = await items.find(db, id);
    if (!item) throw errors.itemNotFound({ meta: { id } });
    const [source, topics, mentions, corrections] = await Promise.all([
      deps.sources.find(db, item.source_id),
      items.topicsOf(db, [id]),
      items.mentionsOf(db, id),
      items.corrections(db, { itemId: id }, 100),
    ]);
    return presentItem(item, { sourceName: source?.name ?? "", topics, mentions, corrections });
  }

  return {
    summaries,

    async list(ctx: RequestContext, query: ItemQueryInput) {
      assertCan(ctx.actor, "monitoring.read");
      const hits = await deps.search.query(db, null, itemFilters(query), toLimitOffset(query));
      return { items: await summaries(hits.ids), total: hits.total, isTotalExact: hits.isTotalExact };
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "monitoring.read");
      return loadItem(id);
    },

    /** Corrects automatic labels; every change is kept (before/after) as training data and audited. */
    async correct(ctx: RequestContext, id: string, input: CorrectLabel) {
      const actor = assertCan(ctx.actor, "monitoring.manage");
      const before = await loadItem(id);
      const now = nowIso();
      await db.transaction().execute(async (trx) => {
        const record = async (field: string, from: unknown, to: unknown) => {
          if (JSON.stringify(from) === JSON.stringify(to)) return;
          await items.insertCorrection(trx, {
            id: newId(),
            item_id: id,
            field,
            before_json: JSON.stringify(from),
            after_json: JSON.stringify(to),
            note: input.note ?? null,
            corrected_by: actor.userId,
            corrected_at: now,
          });
        };
        if (input.tone !== undefined) {
          await record("tone", before.labels.tone, input.tone);
          await items.updateItem(trx, id, { tone: input.tone });
        }
        if (input.language !== undefined) {
          await record("language", before.labels.language, input.language);
          await items.updateItem(trx, id, { language: input.language });
        }
        if (input.mentionsCity !== undefined) {
          await record("mentionsCity", before.labels.mentionsCity, input.mentionsCity);
          await items.updateItem(trx, id, { mentions_city: input.mentionsCity ? 1 : 0 });
        }
        if (input.flags !== undefined) {
          await record("flags", before.labels.flags, input.flags);
          await items.updateItem(trx, id, { flags_json: JSON.stringify(input.flags) });
        }
        if (input.topics !== undefined) {
          await record(
            "topics",
            before.labels.topics.map((t) => t.topic),
            input.topics,
          );
          const old = new Map(before.labels.topics.map((t) => [t.topic, t]));
          await items.replaceTopics(
            trx,
            id,
            [...new Set(input.topics)].map((topic) => ({
              item_id: id,
              topic,
              score: old.get(topic)?.score ?? 0,
              terms_json: JSON.stringify(old.get(topic)?.terms ?? []),
            })),
          );
        }
        await deps.audit.record(trx, ctx, {
          entityType: "monitoring_item",
          entityId: id,
          action: "correct_labels",
          before: {
            tone: before.labels.tone,
            topics: before.labels.topics.map((t) => t.topic),
            language: before.labels.language,
            mentionsCity: before.labels.mentionsCity,
            flags: before.labels.flags,
          },
          after: input,
        });
      });
      return loadItem(id);
    },

    async corrections(ctx: RequestContext, limit: number) {
      assertCan(ctx.actor, "monitoring.manage");
      return items.corrections(db, {}, limit);
    },

    async listStories(
      ctx: RequestContext,
      query: { page: number; pageSize: number; from?: string | undefined; minItems?: number | undefined },
    ) {
      assertCan(ctx.actor, "monitoring.read");
      // "From" is a day in Viet Nam; stories store UTC instants.
      const from = query.from ? hoChiMinhDayStart(query.from) : undefined;
      return items.listStories(db, { from, minItems: query.minItems }, toLimitOffset(query));
    },

    async getStory(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "monitoring.read");
      const story = await items.findStory(db, id);
      if (!story) throw errors.storyNotFound({ meta: { id } });
      const ids = (await items.storyItemIds(db, id)).map((r) => r.id);
      return { story, items: await summaries(ids) };
    },

    async getDictionary(ctx: RequestContext, kind: DictionaryKind) {
      assertCan(ctx.actor, "monitoring.read");
      const row = await deps.dictionaries.find(db, kind);
      return {
        kind,
        version: row?.version ?? 0,
        updatedAt: row?.updated_at ?? null,
        data: row ? (JSON.parse(row.data_json) as unknown) : null,
      };
    },

    async updateDictionary(ctx: RequestContext, kind: DictionaryKind, data: unknown) {
      const actor = assertCan(ctx.actor, "monitoring.manage");
      const parsed = DICTIONARY_SCHEMAS[kind].safeParse(data);
      if (!parsed.success)
        throw errors.dictionaryInvalid({
          details: parsed.error.issues
            .slice(0, 20)
            .map((i) => ({ path: i.path.join("."), message: i.message })),
        });
      await db.transaction().execute(async (trx) => {
        const before = await deps.dictionaries.find(trx, kind);
        await deps.dictionaries.update(trx, kind, JSON.stringify(parsed.data), nowIso(), actor.userId);
        await deps.audit.record(trx, ctx, {
          entityType: "monitoring_dictionary",
          entityId: kind,
          action: "update",
          before: { version: before?.version ?? 0 },
          after: { version: (before?.version ?? 0) + 1 },
        });
      });
      deps.analysis.invalidate();
      return this.getDictionary(ctx, kind);
    },
  };
}

export type ItemsService = ReturnType<typeof createItemsService>;
