/** Sources: CRUD with audit, health, poll now, OPML import/export, manual entries (URL or pasted post). */
import type { RequestContext } from "../../platform/context.js";
import type { DbOrTrx } from "../../platform/db/database.js";
import { toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { AuditService } from "../audit/audit.service.js";
import { canonicalUrl } from "./analysis/url.canonical.js";
import { extractArticle } from "./extract/article.extract.js";
import { buildOpml, parseOpml } from "./feeds/opml.js";
import type { Fetcher } from "./fetch/fetch.client.js";
import type { AnalysisConfigProvider } from "./ingest/analysis-config.js";
import type { IngestPipeline } from "./ingest/ingest.pipeline.js";
import { analyseDraft, textKey } from "./ingest/item-prepare.js";
import { type ItemStoreDeps, storeItem } from "./ingest/item-store.js";
import { monitoringServiceErrors as errors } from "./monitoring.errors.js";
import { presentSource } from "./monitoring.presenter.js";
import type { CreateSource as CreateSourceBody, UpdateSource } from "./monitoring.schemas.js";

/** A new source; not the city's own channel unless said. */
type CreateSource = Omit<CreateSourceBody, "isOwnChannel"> & { isOwnChannel?: boolean | undefined };

import type { MonitoringSourceTable, OutletType } from "./monitoring.tables.js";
import { newSourceState, type SourcesRepository } from "./storage/sources.repository.js";

/** Built-in sources that manual entries are filed under when no source is given. */
export const MANUAL_SOURCES = {
  web: { id: "manual-web", name: "Nhập thủ công (trang web) / Manual entry (web)", outlet: "domestic_press" },
  social: {
    id: "manual-social",
    name: "Nhập thủ công (mạng xã hội) / Manual entry (social media)",
    outlet: "social_media",
  },
} as const;

export function createSourcesService(
  deps: ItemStoreDeps & {
    sources: SourcesRepository;
    audit: AuditService;
    pipeline: IngestPipeline;
    fetcher: Fetcher;
    analysis: AnalysisConfigProvider;
  },
) {
  const { db, sources, audit } = deps;

  async function findOr404(trx: DbOrTrx, id: string) {
    const s = await sources.find(trx, id);
    if (!s) throw errors.sourceNotFound({ meta: { id } });
    return s;
  }

  async function insert(
    trx: DbOrTrx,
    ctx: RequestContext,
    input: CreateSource,
  ): Promise<MonitoringSourceTable> {
    if (input.format !== "manual" && !input.url) throw errors.sourceNeedsUrl();
    if (input.url && (await sources.findByUrl(trx, input.url)))
      throw errors.sourceDuplicateUrl({ meta: { url: input.url } });
    const now = nowIso();
    const id = newId();
    await sources.insert(trx, {
      id,
      name: input.name,
      url: input.url ?? null,
      format: input.format,
      country: input.country,
      language: input.language ?? null,
      outlet_type: input.outletType,
      category: input.category ?? null,
      site_url: input.siteUrl ?? null,
      poll_minutes: input.pollMinutes,
      is_active: input.isActive ? 1 : 0,
      fetch_pages: input.fetchPages ? 1 : 0,
      is_own_channel: input.isOwnChannel ? 1 : 0,
      ...newSourceState(now),
    });
    const created = await findOr404(trx, id);
    await audit.record(trx, ctx, {
      entityType: "monitoring_source",
      entityId: id,
      action: "create",
      after: presentSource(created),
    });
    return created;
  }

  /** The built-in manual source of a kind, created on first use. */
  async function manualSource(kind: keyof typeof MANUAL_SOURCES): Promise<MonitoringSourceTable> {
    const def = MANUAL_SOURCES[kind];
    const found = await sources.find(db, def.id);
    if (found) return found;
    const now = nowIso();
    await db
      .transaction()
      .execute(async (trx) => {
        await sources.insert(trx, {
          id: def.id,
          name: def.name,
          url: null,
          format: "manual",
          country: "VN",
          language: null,
          outlet_type: def.outlet as OutletType,
          category: null,
          site_url: null,
          poll_minutes: 60,
          is_active: 1,
          fetch_pages: 1,
          is_own_channel: 0,
          ...newSourceState(now),
        });
      })
      .catch(() => undefined); // created concurrently: fine
    return findOr404(db, def.id);
  }

  return {
    insert,

    async list(
      ctx: RequestContext,
      query: {
        page: number;
        pageSize: number;
        q?: string | undefined;
        outletType?: string | undefined;
        isActive?: string | undefined;
        hasErrors?: string | undefined;
      },
    ) {
      assertCan(ctx.actor, "monitoring.read");
      return sources.list(
        db,
        {
          q: query.q,
          outletType: query.outletType,
          isActive: query.isActive === undefined ? undefined : query.isActive === "true",
          hasErrors: query.hasErrors === "true",
        },
        toLimitOffset(query),
      );
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "monitoring.read");
      return findOr404(db, id);
    },

    async create(ctx: RequestContext, input: CreateSource) {
      assertCan(ctx.actor, "monitoring.manage");
      return db.transaction().execute((trx) => insert(trx, ctx, input));
    },

    async update(ctx: RequestContext, id: string, input: UpdateSource) {
      assertCan(ctx.actor, "monitoring.manage");
      return db.transaction().execute(async (trx) => {
        const before = await findOr404(trx, id);
        if (input.url && input.url !== before.url && (await sources.findByUrl(trx, input.url)))
          throw errors.sourceDuplicateUrl({ meta: { url: input.url } });
        const format = input.format ?? before.format;
        if (format !== "manual" && !(input.url === undefined ? before.url : input.url))
          throw errors.sourceNeedsUrl();
        await sources.update(trx, id, {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.url !== undefined && { url: input.url, etag: null, last_modified: null }),
          ...(input.format !== undefined && { format: input.format }),
          ...(input.country !== undefined && { country: input.country }),
          ...(input.language !== undefined && { language: input.language }),
          ...(input.outletType !== undefined && { outlet_type: input.outletType }),
          ...(input.category !== undefined && { category: input.category }),
          ...(input.siteUrl !== undefined && { site_url: input.siteUrl }),
          ...(input.pollMinutes !== undefined && { poll_minutes: input.pollMinutes }),
          ...(input.isActive !== undefined && { is_active: input.isActive ? 1 : 0 }),
          ...(input.fetchPages !== undefined && { fetch_pages: input.fetchPages ? 1 : 0 }),
          ...(input.isOwnChannel !== undefined && { is_own_channel: input.isOwnChannel ? 1 : 0 }),
          // Re-enabling or editing a failing source gives it a fresh start.
          ...((input.isActive === true || input.url !== undefined) && {
            consecutive_failures: 0,
            next_poll_at: nowIso(),
          }),
          updated_at: nowIso(),
        });
        const after = await findOr404(trx, id);
        await audit.record(trx, ctx, {
          entityType: "monitoring_source",
          entityId: id,
          action: "update",
          before: presentSource(before),
          after: presentSource(after),
        });
        return after;
      });
    },

    /** Polls a source now (outside the schedule) and returns the result. */
    async pollNow(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "monitoring.manage");
      await findOr404(db, id);
      return deps.pipeline.pollSource(id);
    },

    /** Imports OPML sources; one result per outline (created, or why not). */
    async importOpml(ctx: RequestContext, input: { opml: string; outletType: OutletType; country: string }) {
      assertCan(ctx.actor, "monitoring.manage");
      const { sources: outlines } = parseOpml(input.opml);
      const results: { url: string; name: string; status: "created" | "exists" | "invalid"; id?: string }[] =
        [];
      for (const o of outlines) {
        if (!/^https?:\/\//i.test(o.xmlUrl)) {
          results.push({ url: o.xmlUrl, name: o.title, status: "invalid" });
          continue;
        }
        const existing = await sources.findByUrl(db, o.xmlUrl);
        if (existing) {
          results.push({ url: o.xmlUrl, name: o.title, status: "exists", id: existing.id });
          continue;
        }
        const created = await db.transaction().execute((trx) =>
          insert(trx, ctx, {
            name: o.title.slice(0, 200) || o.xmlUrl,
            url: o.xmlUrl,
            format: "rss",
            country: input.country,
            outletType: input.outletType,
            pollMinutes: 60,
            isActive: true,
            fetchPages: true,
            ...(o.language && /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(o.language) && { language: o.language }),
            ...(o.category && { category: o.category.slice(0, 200) }),
            ...(o.htmlUrl && /^https?:\/\//i.test(o.htmlUrl) && { siteUrl: o.htmlUrl }),
          }),
        );
        results.push({ url: o.xmlUrl, name: o.title, status: "created", id: created.id });
      }
      return results;
    },

    async exportOpml(ctx: RequestContext): Promise<string> {
      assertCan(ctx.actor, "monitoring.read");
      const all = (await sources.listAll(db)).filter((s) => s.url && s.format !== "manual");
      return buildOpml(
        "Hải Đăng — nguồn theo dõi",
        all.map((s) => ({
          title: s.name,
          xmlUrl: s.url as string,
          ...(s.site_url && { htmlUrl: s.site_url }),
          ...(s.language && { language: s.language }),
          ...(s.category && { category: s.category }),
        })),
      );
    },

    /** A manual entry: a page URL fetched once, or a pasted social-media post. Returns the item id. */
    async addManualItem(
      ctx: RequestContext,
      input: {
        url?: string | undefined;
        text?: string | undefined;
        title?: string | undefined;
        platform?: string | undefined;
        author?: string | undefined;
        publishedAt?: string | undefined;
        sourceId?: string | undefined;
      },
    ): Promise<{ id: string | null; isDuplicate: boolean }> {
      assertCan(ctx.actor, "monitoring.manage");
      const source = input.sourceId
        ? await findOr404(db, input.sourceId)
        : await manualSource(input.text ? "social" : "web");
      const config = await deps.analysis.get(db);
      const now = nowIso();
      let title = input.title ?? "";
      let text = input.text ?? "";
      let html = "";
      if (!input.text && input.url) {
        const page = await deps.fetcher.fetch({ url: input.url, accept: "text/html,*/*;q=0.5" });
        const article = extractArticle(page.text, input.title ? { fallbackTitle: input.title } : {});
        title ||= article.title;
        text = article.text;
        html = article.html;
      } else {
        html = text
          .split(/\n{2,}/)
          .map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`)
          .join("");
        title ||= text.split("\n")[0]?.slice(0, 200) ?? "";
      }
      const canonical = input.url ? canonicalUrl(input.url) : null;
      const draft = analyseDraft(
        {
          dedupeKey: canonical ?? textKey([input.platform ?? "", input.author ?? "", text]),
          guid: null,
          url: input.url ?? null,
          canonicalUrl: canonical,
          title,
          author: input.author ?? null,
          platform: input.platform ?? null,
          publishedAt: input.publishedAt ? new Date(input.publishedAt).toISOString() : now,
          text,
          html,
          textOrigin: "manual",
        },
        source,
        config,
      );
      const id = await storeItem(deps, source, draft, now);
      return { id, isDuplicate: id === null };
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
