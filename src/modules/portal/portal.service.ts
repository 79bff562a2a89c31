/**
 * The portal's editorial side: items and their per-language texts, the translation workflow
 * (nháp → đang dịch → thẩm định → đã duyệt → đã đăng), revisions with diff and restore, slugs that stay
 * stable after publication, and scheduled publication through the job table.
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import type { createJobRunner } from "../../platform/jobs/job-runner.js";
import { assertCan, can, type Permission } from "../../platform/policy/policy.js";
import type {
  CreatePortalItemBody,
  LocalizationBody,
  PortalItemListQuery,
  PortalItemPage,
  PortalLanguage,
  PortalState,
  RevisionDiff,
  RichTextDoc,
  ScheduleBody,
  UpdatePortalItemBody,
} from "../../shared/api/portal.js";
import type { AuditService } from "../audit/audit.service.js";
import { DEFAULT_TOPICS } from "../monitoring/analysis/topic.terms.js";
import { portalErrors } from "./portal.errors.js";
import { parseLanguages, presentItem, presentRevision, publicPath } from "./portal.presenter.js";
import type { PortalRepository } from "./portal.repository.js";
import type { PortalItemTable, PortalLocalizationTable } from "./portal.tables.js";
import { diffWords } from "./portal-diff.js";
import { assertLanguageAssigned } from "./portal-language-access.js";
import { renderRichText, richTextToPlain } from "./portal-render.js";
import { searchTextOf } from "./portal-search-text.js";
import { slugify } from "./portal-slug.js";

type JobRunner = ReturnType<typeof createJobRunner>;

export const PORTAL_SCHEDULE_JOB = "portal.schedule";
interface ScheduleJobPayload {
  itemId: string;
  lang: string;
  action: "publish" | "unpublish";
  at: string;
}

const TOPIC_KEYS = new Set<string>(DEFAULT_TOPICS.map((t) => t.topic));

/** Which state may follow which, and the permission each step needs. */
const TRANSITIONS: Record<PortalState, Partial<Record<PortalState, Permission>>> = {
  draft: { translating: "portal.translate", review: "portal.translate" },
  translating: { review: "portal.translate", draft: "portal.translate" },
  review: { approved: "portal.review", translating: "portal.review" },
  approved: { published: "portal.publish", translating: "portal.review" },
  published: { approved: "portal.publish" },
};

export function createPortalService(deps: {
  db: Db;
  portal: PortalRepository;
  audit: AuditService;
  jobs: JobRunner;
  languages: readonly PortalLanguage[];
  /** The public site's address and port, for preview links. */
  publicSite: { url: string | null; port: number };
  /** Called in the transaction that approves a translation (the translation memory learns it). */
  onApproved?: (trx: DbOrTrx, itemId: string, lang: string, approvedBy: string | null) => Promise<void>;
  /** Called in the transaction that publishes a language: may refuse (alt text missing) or re-render the text. */
  onPublishing?: (
    trx: DbOrTrx,
    loc: PortalLocalizationTable,
  ) => Promise<Partial<PortalLocalizationTable> | undefined>;
}) {
  const { db, portal, audit, jobs, languages, publicSite } = deps;

  function assertLanguage(lang: string): asserts lang is PortalLanguage {
    if (!languages.includes(lang as PortalLanguage))
      throw portalErrors.languageNotEnabled({ meta: { lang } });
  }

  async function mustFindItem(trx: DbOrTrx, id: string): Promise<PortalItemTable> {
    const item = await portal.findItem(trx, id);
    if (!item) throw portalErrors.itemNotFound({ meta: { id } });
    return item;
  }

  async function mustFindLocalization(trx: DbOrTrx, id: string, lang: string) {
    const loc = await portal.findLocalization(trx, id, lang);
    if (!loc) throw portalErrors.localizationNotFound({ meta: { id, lang } });
    return loc;
  }

  async function detail(trx: DbOrTrx, id: string) {
    const item = await mustFindItem(trx, id);
    const [localizations, tags, topics, views] = await Promise.all([
      portal.localizationsOf(trx, id),
      portal.tagsOf(trx, id),
      portal.topicsOf(trx, id),
      portal.viewsOfItem(trx, id),
    ]);
    return presentItem(item, { localizations, tags, topics, views });
  }

  async function checkMeta(input: UpdatePortalItemBody, kind: string) {
    if (input.productType !== undefined && (kind === "product") !== (input.productType !== null))
      throw portalErrors.productTypeRequired();
    if (input.categoryId && !(await portal.categoryExists(db, input.categoryId)))
      throw portalErrors.categoryNotFound({ meta: { categoryId: input.categoryId } });
    for (const topic of input.topics ?? [])
      if (!TOPIC_KEYS.has(topic)) throw portalErrors.unknownTopic({ meta: { topic } });
    for (const lang of input.fallbackLanguages ?? []) assertLanguage(lang);
  }

  /** A free slug for the text: the requested one (409 if another item holds it) or one made from the title. */
  async function resolveSlug(trx: DbOrTrx, itemId: string, lang: string, input: LocalizationBody) {
    if (input.slug) {
      const holder = await portal.slugHolder(trx, lang, input.slug);
      if (holder && holder !== itemId) throw portalErrors.slugTaken({ meta: { lang, slug: input.slug } });
      return input.slug;
    }
    const base = slugify(input.title);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      const holder = await portal.slugHolder(trx, lang, candidate);
      if (!holder || holder === itemId) return candidate;
    }
  }

  function textColumns(input: LocalizationBody, doc: RichTextDoc) {
    return {
      title: input.title,
      summary: input.summary,
      body_json: JSON.stringify(doc),
      body_html: renderRichText(doc),
      seo_title: input.seoTitle ?? null,
      seo_description: input.seoDescription ?? null,
      search_text: searchTextOf(input.title, input.summary, richTextToPlain(doc)),
    };
  }

  /**
   * Saves one language's text as a new revision. The source (vi) moving on bumps the item's source
   * revision, so translations made from the older one read as outdated. A changed slug of a text that
   * was ever published leaves a redirect from the old one. Saving an approved text sends it back to
   * review (the approval was of other words); a published text stays published (a correction).
   */
  async function save(ctx: RequestContext, itemId: string, lang: string, input: LocalizationBody) {
    assertLanguage(lang);
    const actor = assertCan(ctx.actor, lang === "vi" ? "portal.edit" : "portal.translate");
    assertLanguageAssigned(actor, lang);
    return db.transaction().execute(async (trx) => {
      const item = await mustFindItem(trx, itemId);
      const before = await portal.findLocalization(trx, itemId, lang);
      const source = lang === "vi" ? before : await portal.findLocalization(trx, itemId, "vi");
      if (!source && lang !== "vi") throw portalErrors.sourceRequired();
      const slug = await resolveSlug(trx, itemId, lang, { ...input, slug: input.slug ?? before?.slug });
      const now = nowIso();
      const text = textColumns(input, input.body);
      const isSourceChange =
        lang === "vi" &&
        before !== undefined &&
        (before.title !== text.title ||
          before.summary !== text.summary ||
          before.body_json !== text.body_json);
      const sourceRevision = isSourceChange ? item.source_revision + 1 : item.source_revision;
      if (isSourceChange)
        await portal.updateItem(trx, itemId, { source_revision: sourceRevision, updated_at: now });
      else await portal.updateItem(trx, itemId, { updated_at: now });
      let loc: PortalLocalizationTable;
      if (before) {
        if (before.slug !== slug && before.first_published_at)
          await portal.insertRedirect(trx, { lang, slug: before.slug, item_id: itemId, created_at: now });
        await portal.deleteRedirect(trx, lang, slug);
        const changes = {
          ...text,
          slug,
          state: before.state === "approved" ? "review" : before.state,
          revision: before.revision + 1,
          source_revision: sourceRevision,
          edited_by: actor.userId,
          updated_at: now,
        };
        await portal.updateLocalization(trx, before.id, changes);
        loc = { ...before, ...changes };
        if (loc.state === "published") {
          // A correction: rendered as publication renders (library images with their responsive
          // variants and alt text in this language), and refused as publication is (alt text missing).
          const rendered = await deps.onPublishing?.(trx, loc);
          if (rendered) {
            await portal.updateLocalization(trx, loc.id, rendered);
            loc = { ...loc, ...rendered };
          }
        }
      } else {
        loc = {
          id: newId(),
          item_id: itemId,
          lang,
          ...text,
          slug,
          state: lang === "vi" ? "draft" : "translating",
          revision: 1,
          source_revision: sourceRevision,
          edited_by: actor.userId,
          reviewed_by: null,
          published_at: null,
          first_published_at: null,
          publish_at: null,
          unpublish_at: null,
          created_at: now,
          updated_at: now,
        };
        await portal.insertLocalization(trx, loc);
      }
      await portal.insertRevision(trx, {
        id: newId(),
        localization_id: loc.id,
        revision: loc.revision,
        title: loc.title,
        summary: loc.summary,
        body_json: loc.body_json,
        seo_title: loc.seo_title,
        seo_description: loc.seo_description,
        slug: loc.slug,
        source_revision: loc.source_revision,
        created_by: actor.userId,
        created_at: now,
      });
      await audit.record(trx, ctx, {
        entityType: "portal_localization",
        entityId: loc.id,
        action: before ? "update" : "create",
        before: before ? { lang, title: before.title, slug: before.slug, revision: before.revision } : null,
        after: { itemId, lang, title: loc.title, slug: loc.slug, revision: loc.revision },
      });
      return detail(trx, itemId);
    });
  }

  /** Moves one language to another state; `system` runs scheduled steps without an actor. */
  async function transition(
    ctx: RequestContext,
    itemId: string,
    lang: string,
    to: PortalState,
    options: { isSystem?: boolean } = {},
  ) {
    assertLanguage(lang);
    return db.transaction().execute(async (trx) => {
      await mustFindItem(trx, itemId);
      const loc = await mustFindLocalization(trx, itemId, lang);
      const from = loc.state as PortalState;
      const permission = TRANSITIONS[from]?.[to];
      if (!permission) throw portalErrors.invalidTransition({ meta: { from, to } });
      const actorId = options.isSystem
        ? null
        : assertCan(ctx.actor, permission as Exclude<Permission, "public">).userId;
      if (!options.isSystem) assertLanguageAssigned(ctx.actor, lang);
      if (to === "approved" && from === "review" && actorId !== null && loc.edited_by === actorId)
        throw portalErrors.cannotReviewOwnText();
      const now = nowIso();
      const changes: Partial<PortalLocalizationTable> = { state: to, updated_at: now };
      if (to === "approved" && from === "review") changes.reviewed_by = actorId;
      if (to === "published") {
        changes.published_at = now;
        changes.first_published_at = loc.first_published_at ?? now;
        changes.publish_at = null;
        Object.assign(changes, await deps.onPublishing?.(trx, loc));
      }
      if (from === "published") {
        changes.published_at = null;
        changes.unpublish_at = null;
      }
      await portal.updateLocalization(trx, loc.id, changes);
      if (to === "approved") await deps.onApproved?.(trx, itemId, lang, actorId);
      await portal.updateItem(trx, itemId, { updated_at: now });
      await audit.record(trx, ctx, {
        entityType: "portal_localization",
        entityId: loc.id,
        action: "state_change",
        before: { lang, state: from },
        after: { lang, state: to },
      });
      return detail(trx, itemId);
    });
  }

  async function runScheduled(payload: ScheduleJobPayload): Promise<string> {
    const loc = await portal.findLocalization(db, payload.itemId, payload.lang);
    if (!loc) return "gone";
    const planned = payload.action === "publish" ? loc.publish_at : loc.unpublish_at;
    if (planned !== payload.at) return "superseded";
    const ctx: RequestContext = { actor: null, requestId: null, ip: null, lang: "vi" };
    if (payload.action === "publish" && loc.state === "approved")
      await transition(ctx, payload.itemId, payload.lang, "published", { isSystem: true });
    else if (payload.action === "unpublish" && loc.state === "published")
      await transition(ctx, payload.itemId, payload.lang, "approved", { isSystem: true });
    else return `skipped_${loc.state}`;
    return payload.action;
  }

  jobs.register<ScheduleJobPayload>({
    name: PORTAL_SCHEDULE_JOB,
    handle: async ({ payload }) => ({ outcome: await runScheduled(payload) }),
  });

  return {
    languages,

    async list(ctx: RequestContext, query: PortalItemListQuery): Promise<PortalItemPage> {
      assertCan(ctx.actor, "portal.read");
      const lang = query.lang ?? "vi";
      assertLanguage(lang);
      const { rows, total } = await portal.listRows(db, {
        lang,
        state: query.state,
        kind: query.kind,
        q: query.q,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind as PortalItemPage["items"][number]["kind"],
          productType: r.product_type as PortalItemPage["items"][number]["productType"],
          sourceTitle: r.source_title,
          lang,
          title: r.title,
          state: (r.state ?? "missing") as PortalItemPage["items"][number]["state"],
          isOutdated:
            lang !== "vi" && r.loc_source_revision !== null && r.loc_source_revision < r.source_revision,
          isFallbackAllowed: parseLanguages(r.fallback_languages).includes(lang),
          publicPath: r.slug && r.state === "published" ? publicPath(lang, r.slug) : null,
          updatedAt: r.updated_at,
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
        languages: [...languages],
        publicSite,
      };
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "portal.read");
      return detail(db, id);
    },

    async create(ctx: RequestContext, input: CreatePortalItemBody) {
      const actor = assertCan(ctx.actor, "portal.edit");
      await checkMeta({ ...input, productType: input.productType ?? null }, input.kind);
      const now = nowIso();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await portal.insertItem(trx, {
          id,
          kind: input.kind,
          product_type: input.productType ?? null,
          category_id: input.categoryId ?? null,
          media_url: input.mediaUrl ?? null,
          source_revision: 1,
          fallback_languages: JSON.stringify(input.fallbackLanguages ?? []),
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await portal.setTags(trx, id, [...new Set(input.tags ?? [])]);
        await portal.setTopics(trx, id, [...new Set(input.topics ?? [])]);
        await audit.record(trx, ctx, {
          entityType: "portal_item",
          entityId: id,
          action: "create",
          after: { kind: input.kind, title: input.source.title },
        });
      });
      try {
        return await save(ctx, id, "vi", input.source);
      } catch (err) {
        // Nothing half-written: an item whose source could not be saved is removed again.
        await db.transaction().execute(async (trx) => {
          await portal.setTags(trx, id, []);
          await portal.setTopics(trx, id, []);
          await trx.deleteFrom("portal_items").where("id", "=", id).execute();
        });
        throw err;
      }
    },

    async update(ctx: RequestContext, id: string, input: UpdatePortalItemBody) {
      assertCan(ctx.actor, "portal.edit");
      const before = await mustFindItem(db, id);
      await checkMeta(input, before.kind);
      return db.transaction().execute(async (trx) => {
        const changes: Partial<PortalItemTable> = { updated_at: nowIso() };
        if (input.productType !== undefined) changes.product_type = input.productType;
        if (input.categoryId !== undefined) changes.category_id = input.categoryId;
        if (input.mediaUrl !== undefined) changes.media_url = input.mediaUrl;
        if (input.fallbackLanguages !== undefined)
          changes.fallback_languages = JSON.stringify([...new Set(input.fallbackLanguages)]);
        await portal.updateItem(trx, id, changes);
        if (input.tags) await portal.setTags(trx, id, [...new Set(input.tags)]);
        if (input.topics) await portal.setTopics(trx, id, [...new Set(input.topics)]);
        await audit.record(trx, ctx, {
          entityType: "portal_item",
          entityId: id,
          action: "update",
          before: { fallbackLanguages: parseLanguages(before.fallback_languages), kind: before.kind },
          after: input,
        });
        return detail(trx, id);
      });
    },

    save,
    transition: (ctx: RequestContext, id: string, lang: string, to: PortalState) =>
      transition(ctx, id, lang, to),

    async revisions(ctx: RequestContext, id: string, lang: string) {
      assertCan(ctx.actor, "portal.read");
      assertLanguage(lang);
      const loc = await mustFindLocalization(db, id, lang);
      return { items: (await portal.listRevisions(db, loc.id)).map(presentRevision) };
    },

    async diff(
      ctx: RequestContext,
      id: string,
      lang: string,
      from: number,
      to: number,
    ): Promise<RevisionDiff> {
      assertCan(ctx.actor, "portal.read");
      assertLanguage(lang);
      const loc = await mustFindLocalization(db, id, lang);
      const [a, b] = await Promise.all([
        portal.findRevision(db, loc.id, from),
        portal.findRevision(db, loc.id, to),
      ]);
      if (!a || !b) throw portalErrors.revisionNotFound({ meta: { from, to } });
      const bodyOf = (json: string) => richTextToPlain(JSON.parse(json) as RichTextDoc);
      return {
        from,
        to,
        fields: [
          { field: "title", parts: diffWords(a.title, b.title) },
          { field: "summary", parts: diffWords(a.summary, b.summary) },
          { field: "body", parts: diffWords(bodyOf(a.body_json), bodyOf(b.body_json)) },
          { field: "slug", parts: diffWords(a.slug, b.slug) },
        ],
      };
    },

    /** Saves an earlier revision's text again, as a new revision (history is never rewritten). */
    async restore(ctx: RequestContext, id: string, lang: string, revision: number) {
      assertLanguage(lang);
      const loc = await mustFindLocalization(db, id, lang);
      const rev = await portal.findRevision(db, loc.id, revision);
      if (!rev) throw portalErrors.revisionNotFound({ meta: { revision } });
      return save(ctx, id, lang, {
        title: rev.title,
        summary: rev.summary,
        body: JSON.parse(rev.body_json) as RichTextDoc,
        seoTitle: rev.seo_title,
        seoDescription: rev.seo_description,
        slug: rev.slug,
      });
    },

    /** Plans publication and/or withdrawal of one language; the job runner carries it out. */
    async schedule(ctx: RequestContext, id: string, lang: string, input: ScheduleBody) {
      assertCan(ctx.actor, "portal.publish");
      assertLanguage(lang);
      const loc = await mustFindLocalization(db, id, lang);
      const publishAt =
        input.publishAt === undefined
          ? loc.publish_at
          : input.publishAt && new Date(input.publishAt).toISOString();
      const unpublishAt =
        input.unpublishAt === undefined
          ? loc.unpublish_at
          : input.unpublishAt && new Date(input.unpublishAt).toISOString();
      if (publishAt && unpublishAt && unpublishAt <= publishAt) throw portalErrors.scheduleInvalid();
      await db.transaction().execute(async (trx) => {
        await portal.updateLocalization(trx, loc.id, { publish_at: publishAt, unpublish_at: unpublishAt });
        await audit.record(trx, ctx, {
          entityType: "portal_localization",
          entityId: loc.id,
          action: "schedule",
          before: { publishAt: loc.publish_at, unpublishAt: loc.unpublish_at },
          after: { publishAt, unpublishAt },
        });
      });
      for (const [action, at] of [
        ["publish", publishAt],
        ["unpublish", unpublishAt],
      ] as const) {
        if (!at) continue;
        await jobs.enqueue({
          name: PORTAL_SCHEDULE_JOB,
          payload: { itemId: id, lang, action, at } satisfies ScheduleJobPayload,
          runAt: new Date(at),
          idempotencyKey: `portal:${loc.id}:${action}:${at}`,
        });
      }
      return detail(db, id);
    },

    async categories(ctx: RequestContext) {
      assertCan(ctx.actor, "portal.read");
      const rows = await portal.listCategories(db);
      return {
        items: rows.map((c) => ({
          id: c.id,
          key: c.key,
          names: JSON.parse(c.names_json) as Record<string, string>,
        })),
      };
    },

    async createCategory(
      ctx: RequestContext,
      input: { key: string; names: Partial<Record<PortalLanguage, string>> },
    ) {
      assertCan(ctx.actor, "portal.edit");
      if (!input.names.vi) throw portalErrors.categoryNeedsVietnamese();
      if (await portal.findCategoryByKey(db, input.key))
        throw portalErrors.categoryExists({ meta: { key: input.key } });
      const row = {
        id: newId(),
        key: input.key,
        names_json: JSON.stringify(input.names),
        created_at: nowIso(),
      };
      await db.transaction().execute(async (trx) => {
        await portal.insertCategory(trx, row);
        await audit.record(trx, ctx, {
          entityType: "portal_category",
          entityId: row.id,
          action: "create",
          after: input,
        });
      });
      return { id: row.id, key: row.key, names: input.names as Record<string, string> };
    },

    /** Whether the actor could act on this language at all (the web app hides buttons with it). */
    canTranslate: (ctx: RequestContext) => can(ctx.actor, "portal.translate"),
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
