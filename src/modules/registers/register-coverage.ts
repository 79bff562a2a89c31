/**
 * Coverage of a register entry (a delegation, a foreign press visit) as its page shows it and as the
 * secretariat decides it: the decided items split into confirmed and rejected, next to the proposals;
 * a decision stored (replacing an earlier one) and audited on the entry as `confirm_coverage` or
 * `reject_coverage`. The registers differ only in how they find proposals and in their permission.
 */
import type { Actor, RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import type { CoverageItem } from "../../shared/api/delegations.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CoverageItemRow, CoverageRepository } from "./register-coverage.repository.js";

export function presentCoverageItem(row: CoverageItemRow): CoverageItem {
  return {
    itemId: row.id,
    title: row.title,
    url: row.url,
    sourceName: row.source_name,
    publishedDay: row.published_day,
    decision: row.decision === "confirmed" || row.decision === "rejected" ? row.decision : null,
    decidedAt: row.decided_at,
  };
}

/** What an entry's coverage panel shows. */
export function coverageOf(decided: readonly CoverageItemRow[], proposed: readonly CoverageItemRow[]) {
  return {
    confirmed: decided.filter((d) => d.decision === "confirmed").map(presentCoverageItem),
    rejected: decided.filter((d) => d.decision === "rejected").map(presentCoverageItem),
    proposed: proposed.map(presentCoverageItem),
  };
}

/**
 * Records the secretariat's decision on an item for an entry the caller has checked exists;
 * `itemNotFound` is the register's own error for an item that is not in monitoring.
 */
export async function decideCoverage(
  deps: { db: Db; audit: AuditService; coverage: CoverageRepository },
  ctx: RequestContext,
  actor: Actor,
  entry: { entityType: "delegation" | "press_visit"; id: string },
  input: { itemId: string; decision: "confirmed" | "rejected" },
  itemNotFound: () => Error,
): Promise<void> {
  const { db, audit, coverage } = deps;
  if (!(await coverage.itemExists(db, input.itemId))) throw itemNotFound();
  const before = await coverage.findDecision(db, entry.id, input.itemId);
  await db.transaction().execute(async (trx) => {
    await coverage.saveDecision(trx, {
      id: before?.id ?? newId(),
      entryId: entry.id,
      itemId: input.itemId,
      decision: input.decision,
      decidedBy: actor.userId,
      decidedAt: nowIso(),
    });
    await audit.record(trx, ctx, {
      entityType: entry.entityType,
      entityId: entry.id,
      action: input.decision === "confirmed" ? "confirm_coverage" : "reject_coverage",
      before: before ? { itemId: input.itemId, decision: before.decision } : null,
      after: { itemId: input.itemId, decision: input.decision },
    });
  });
}
