/** The committee and its membership terms (head, deputy heads, members, secretariat members). */
import type { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { AuditService } from "../audit/audit.service.js";
import { directoryErrors } from "./directory.errors.js";
import type { DirectoryRepository } from "./directory.repository.js";
import type { CreateCommitteeBody, CreateMemberBody, UpdateMemberBody } from "./directory.schemas.js";

export function createCommitteesService(deps: {
  db: Db;
  directory: DirectoryRepository;
  audit: AuditService;
}) {
  const { db, directory, audit } = deps;
  return {
    async list(ctx: RequestContext) {
      assertCan(ctx.actor, "directory.read");
      return directory.listCommittees(db);
    },

    async create(ctx: RequestContext, input: z.infer<typeof CreateCommitteeBody>) {
      assertCan(ctx.actor, "committee.write");
      return db.transaction().execute(async (trx) => {
        if (input.unitId && !(await directory.findUnit(trx, input.unitId)))
          throw directoryErrors.unitNotFound();
        const row = {
          id: newId(),
          name: input.name,
          short_name: input.shortName ?? null,
          unit_id: input.unitId ?? null,
          created_at: nowIso(),
        };
        await directory.insertCommittee(trx, row);
        await audit.record(trx, ctx, {
          entityType: "committee",
          entityId: row.id,
          action: "create",
          after: row,
        });
        return row;
      });
    },

    async members(ctx: RequestContext, committeeId: string, activeOn?: string) {
      assertCan(ctx.actor, "directory.read");
      if (!(await directory.findCommittee(db, committeeId))) throw directoryErrors.committeeNotFound();
      return directory.listMembers(db, committeeId, activeOn);
    },

    async addMember(ctx: RequestContext, committeeId: string, input: z.infer<typeof CreateMemberBody>) {
      assertCan(ctx.actor, "committee.write");
      return db.transaction().execute(async (trx) => {
        if (!(await directory.findCommittee(trx, committeeId))) throw directoryErrors.committeeNotFound();
        if (!(await directory.findPerson(trx, input.personId))) throw directoryErrors.personNotFound();
        const now = nowIso();
        const row = {
          id: newId(),
          committee_id: committeeId,
          person_id: input.personId,
          role: input.role,
          start_date: input.startDate,
          end_date: input.endDate ?? null,
          created_at: now,
          updated_at: now,
        };
        await directory.insertMember(trx, row);
        await audit.record(trx, ctx, {
          entityType: "committee_member",
          entityId: row.id,
          action: "create",
          after: row,
        });
        const member = (await directory.listMembers(trx, committeeId)).find((m) => m.id === row.id);
        if (!member) throw directoryErrors.memberNotFound();
        return member;
      });
    },

    async updateMember(ctx: RequestContext, id: string, input: z.infer<typeof UpdateMemberBody>) {
      assertCan(ctx.actor, "committee.write");
      return db.transaction().execute(async (trx) => {
        const before = await directory.findMember(trx, id);
        if (!before) throw directoryErrors.memberNotFound();
        const startDate = input.startDate ?? before.start_date;
        const endDate = input.endDate === undefined ? before.end_date : input.endDate;
        if (endDate && endDate < startDate) throw directoryErrors.memberDates();
        const patch = {
          ...(input.role !== undefined && { role: input.role }),
          start_date: startDate,
          end_date: endDate,
          updated_at: nowIso(),
        };
        await directory.updateMember(trx, id, patch);
        const after = { ...before, ...patch };
        await audit.record(trx, ctx, {
          entityType: "committee_member",
          entityId: id,
          action: "update",
          before,
          after,
        });
        const member = (await directory.listMembers(trx, before.committee_id)).find((m) => m.id === id);
        if (!member) throw directoryErrors.memberNotFound();
        return member;
      });
    },
  };
}

export type CommitteesService = ReturnType<typeof createCommitteesService>;
