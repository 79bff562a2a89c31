/**
 * The portal's work queues: the translator's (texts waiting for a translation in the languages the
 * account works in, outdated translations first) and the reviewer's (texts in review that the account
 * did not write — nobody reviews their own text).
 */
import type { Actor, RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { PortalItemKind, PortalLanguage, PortalProductType } from "../../shared/api/portal.js";
import type { PortalQueue, PortalQueueEntry, PortalQueueQuery } from "../../shared/api/portal-queue.js";
import { portalErrors } from "./portal.errors.js";
import type { PortalQueueRepository, QueueRow } from "./portal-queue.repository.js";

/** At most this many entries per queue answer. */
export const QUEUE_LIMIT = 200;

/**
 * The languages an account is restricted to, when its account carries such a list (translators per
 * language); `null` when it may work in every language.
 */
export function restrictedLanguages(actor: Actor): readonly string[] | null {
  if (!("translationLanguages" in actor)) return null;
  const list: unknown = actor.translationLanguages;
  return Array.isArray(list) && list.length > 0
    ? list.filter((l): l is string => typeof l === "string")
    : null;
}

function entry(row: QueueRow, lang: PortalLanguage): PortalQueueEntry {
  const isOutdated =
    lang !== "vi" && row.loc_source_revision !== null && row.loc_source_revision < row.source_revision;
  return {
    itemId: row.item_id,
    kind: row.kind as PortalItemKind,
    productType: row.product_type as PortalProductType | null,
    lang,
    sourceTitle: row.source_title,
    title: row.title,
    state: (row.state ?? "missing") as PortalQueueEntry["state"],
    isOutdated,
    translationSourceRevision: lang === "vi" ? null : row.loc_source_revision,
    sourceRevision: row.source_revision,
    editedBy: row.edited_by,
    updatedAt: row.updated_at ?? row.source_updated_at,
  };
}

export function createPortalQueueService(deps: {
  db: Db;
  queue: PortalQueueRepository;
  languages: readonly PortalLanguage[];
}) {
  const { db, queue, languages } = deps;

  return {
    async list(ctx: RequestContext, query: PortalQueueQuery): Promise<PortalQueue> {
      const actor = assertCan(ctx.actor, "portal.read");
      if (query.lang && !languages.includes(query.lang))
        throw portalErrors.languageNotEnabled({ meta: { lang: query.lang } });
      const allowed = restrictedLanguages(actor);
      let langs = languages.filter((l) => !allowed || allowed.includes(l));
      if (query.kind === "translate") langs = langs.filter((l) => l !== "vi");
      if (query.lang) langs = langs.filter((l) => l === query.lang);

      if (query.kind === "review") {
        const rows = await queue.toReview(db, langs, actor.userId, QUEUE_LIMIT + 1);
        return {
          kind: "review",
          languages: langs,
          items: rows.slice(0, QUEUE_LIMIT).map((r) => entry(r, r.lang as PortalLanguage)),
          truncated: rows.length > QUEUE_LIMIT,
        };
      }
      const perLanguage = await Promise.all(
        langs.map(async (lang) =>
          (await queue.toTranslate(db, lang, QUEUE_LIMIT + 1)).map((r) => entry(r, lang)),
        ),
      );
      const all = perLanguage.flat();
      // Outdated translations first, then texts not yet started, then the latest work.
      const rank = (e: PortalQueueEntry) => (e.isOutdated ? 0 : e.state === "missing" ? 2 : 1);
      all.sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt));
      return {
        kind: "translate",
        languages: langs,
        items: all.slice(0, QUEUE_LIMIT),
        truncated: all.length > QUEUE_LIMIT,
      };
    },
  };
}

export type PortalQueueService = ReturnType<typeof createPortalQueueService>;
