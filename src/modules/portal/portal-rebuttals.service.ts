/**
 * Rebuttal articles (bài phản bác): the secretariat links a portal item to the response case it answers
 * (task 14, xử lý thông tin sai sự thật); the case lists its rebuttals per language with their views and
 * counts them in its figures; the item's page names the case. Links are audited on the case.
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { CaseRebuttals, ItemCase, Rebuttal } from "../../shared/api/portal-rebuttals.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CasesService } from "../monitoring/cases/cases.service.js";
import { portalErrors } from "./portal.errors.js";
import { publicPath } from "./portal.presenter.js";
import type { PortalRepository } from "./portal.repository.js";
import type { RebuttalsRepository } from "./portal-rebuttals.repository.js";

export function createRebuttalsService(deps: {
  db: Db;
  rebuttals: RebuttalsRepository;
  portal: Pick<PortalRepository, "findItem">;
  /** Visibility of a case follows the cases' own row-level rule (members: only cases assigned to them). */
  cases: Pick<CasesService, "get">;
  audit: AuditService;
}) {
  const { db, rebuttals, portal, cases, audit } = deps;

  async function listOf(caseId: string): Promise<CaseRebuttals> {
    const links = await rebuttals.linksOfCase(db, caseId);
    const langs = await rebuttals.languagesOf(
      db,
      links.map((l) => l.item_id),
    );
    const items: Rebuttal[] = links.map((l) => {
      const languages = langs
        .filter((x) => x.item_id === l.item_id)
        .map((x) => ({
          lang: x.lang,
          title: x.title,
          state: x.state as Rebuttal["languages"][number]["state"],
          publicPath: x.state === "published" ? publicPath(x.lang, x.slug) : null,
          views: Number(x.n ?? 0),
        }));
      return {
        itemId: l.item_id,
        kind: l.kind,
        sourceTitle: l.source_title ?? "",
        languages,
        views: languages.reduce((a, x) => a + x.views, 0),
        linkedAt: l.linked_at,
        linkedBy: l.linked_by,
      };
    });
    const published = items.filter((i) => i.languages.some((x) => x.state === "published"));
    return {
      caseId,
      items,
      figures: {
        items: items.length,
        published: published.length,
        languages: new Set(
          items.flatMap((i) => i.languages.filter((x) => x.state === "published").map((x) => x.lang)),
        ).size,
        views: items.reduce((a, i) => a + i.views, 0),
      },
    };
  }

  return {
    async ofCase(ctx: RequestContext, caseId: string): Promise<CaseRebuttals> {
      await cases.get(ctx, caseId);
      return listOf(caseId);
    },

    /** Links the item to the case; linking it again to the same case changes nothing. */
    async link(ctx: RequestContext, caseId: string, itemId: string): Promise<CaseRebuttals> {
      const actor = assertCan(ctx.actor, "monitoring.case");
      const theCase = await cases.get(ctx, caseId);
      if (!(await portal.findItem(db, itemId))) throw portalErrors.itemNotFound({ meta: { id: itemId } });
      await db.transaction().execute(async (trx) => {
        const existing = await rebuttals.findLink(trx, itemId);
        if (existing?.case_id === caseId) return;
        if (existing) throw portalErrors.rebuttalLinkedElsewhere({ meta: { caseId: existing.case_id } });
        await rebuttals.insertLink(trx, {
          item_id: itemId,
          case_id: caseId,
          linked_by: actor.userId,
          linked_at: nowIso(),
        });
        await audit.record(trx, ctx, {
          entityType: "monitoring_case",
          entityId: caseId,
          action: "rebuttal_link",
          after: { itemId, caseTitle: theCase.title },
        });
      });
      return listOf(caseId);
    },

    async unlink(ctx: RequestContext, caseId: string, itemId: string): Promise<void> {
      assertCan(ctx.actor, "monitoring.case");
      const theCase = await cases.get(ctx, caseId);
      await db.transaction().execute(async (trx) => {
        if (!(await rebuttals.deleteLink(trx, itemId, caseId)))
          throw portalErrors.rebuttalNotFound({ meta: { caseId, itemId } });
        await audit.record(trx, ctx, {
          entityType: "monitoring_case",
          entityId: caseId,
          action: "rebuttal_unlink",
          before: { itemId, caseTitle: theCase.title },
        });
      });
    },

    /** The case the item answers (its title and state), for the item's page. */
    async caseOfItem(ctx: RequestContext, itemId: string): Promise<ItemCase> {
      assertCan(ctx.actor, "portal.read");
      if (!(await portal.findItem(db, itemId))) throw portalErrors.itemNotFound({ meta: { id: itemId } });
      const row = await rebuttals.caseOfItem(db, itemId);
      return {
        case: row
          ? {
              id: row.id,
              title: row.title,
              state: row.state,
              assessment: row.assessment,
              linkedAt: row.linked_at,
            }
          : null,
      };
    },
  };
}

export type RebuttalsService = ReturnType<typeof createRebuttalsService>;
