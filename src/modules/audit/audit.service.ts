/**
 * The audit journal: every change to stored data is recorded here, inside the same transaction
 * as the change itself, with who, when, what, before/after, the diff, request id and client address.
 */
import type { RequestContext } from "../../platform/context.js";
import type { DbOrTrx } from "../../platform/db/database.js";
import { nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { AuditFilter, AuditRepository, AuditRow } from "./audit.repository.js";
import { diffSnapshots } from "./audit-diff.js";
import { type AuditSubjectsRepository, createAuditSubjectsRepository } from "./audit-subjects.repository.js";

export interface ChangeRecord {
  entityType: string;
  entityId: string;
  /** `create`, `update`, `delete`, `merge`, `login`, `confirm`… */
  action: string;
  before?: object | null;
  after?: object | null;
}

export function createAuditService(deps: {
  db: DbOrTrx;
  audit: AuditRepository;
  /** Names and pages of the changed records (defaults to the SQL one). */
  subjects?: AuditSubjectsRepository;
}) {
  const subjects = deps.subjects ?? createAuditSubjectsRepository();
  return {
    /** Records one change using the caller's transaction. */
    async record(trx: DbOrTrx, ctx: RequestContext, change: ChangeRecord): Promise<void> {
      await deps.audit.insert(trx, {
        at: nowIso(),
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.displayName ?? null,
        entityType: change.entityType,
        entityId: change.entityId,
        action: change.action,
        before: change.before ?? null,
        after: change.after ?? null,
        diff: diffSnapshots(
          change.before as Record<string, unknown> | null,
          change.after as Record<string, unknown> | null,
        ),
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
    },

    async list(ctx: RequestContext, filter: AuditFilter, page: { limit: number; offset: number }) {
      assertCan(ctx.actor, "audit.read");
      const { rows, total } = await deps.audit.list(deps.db, filter, page);
      const named = await subjects.subjects(
        deps.db,
        rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id })),
      );
      return { rows, total, subjects: named };
    },

    iterate(ctx: RequestContext, filter: AuditFilter): AsyncGenerator<AuditRow[]> {
      assertCan(ctx.actor, "audit.read");
      return deps.audit.iterate(deps.db, filter);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
