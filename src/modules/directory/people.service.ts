/**
 * People in the directory: create and edit (with name history), and merge two records found to be
 * the same person. Members may edit only their own record (row-level rule).
 */
import type { z } from "zod";
import type { Actor, RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { commonErrors } from "../../platform/errors.js";
import { parseSort, toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan, hasAnyRole } from "../../platform/policy/policy.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { AuditService } from "../audit/audit.service.js";
import { directoryErrors } from "./directory.errors.js";
import { presentPerson } from "./directory.presenter.js";
import type { DirectoryRepository } from "./directory.repository.js";
import type { CreatePersonBody, PersonQuery, UpdatePersonBody } from "./directory.schemas.js";

type CreatePerson = z.infer<typeof CreatePersonBody>;

export function createPeopleService(deps: { db: Db; directory: DirectoryRepository; audit: AuditService }) {
  const { db, directory, audit } = deps;

  async function assertUnit(trx: DbOrTrx, unitId: string | null | undefined) {
    if (unitId && !(await directory.findUnit(trx, unitId))) throw directoryErrors.unitNotFound();
  }

  async function load(trx: DbOrTrx, id: string) {
    const person = await directory.findPerson(trx, id);
    if (!person) throw directoryErrors.personNotFound();
    return person;
  }

  /** Inserts a person inside the caller's transaction (used by imports and the demo seed too). */
  async function insert(trx: DbOrTrx, ctx: RequestContext, input: CreatePerson) {
    await assertUnit(trx, input.unitId);
    const now = nowIso();
    const id = newId();
    await directory.insertPerson(trx, {
      id,
      full_name: input.fullName,
      folded_name: foldVietnamese(input.fullName),
      honorific: input.honorific ?? null,
      position: input.position ?? null,
      unit_id: input.unitId ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      is_active: input.isActive === false ? 0 : 1,
      merged_into_id: null,
      created_at: now,
      updated_at: now,
    });
    await directory.addPersonName(trx, id, input.fullName, now, ctx.actor?.userId ?? null);
    const person = await load(trx, id);
    await audit.record(trx, ctx, {
      entityType: "person",
      entityId: id,
      action: "create",
      after: presentPerson(person),
    });
    return person;
  }

  function assertMayEdit(actor: Actor, personId: string) {
    if (hasAnyRole(actor, ["admin", "secretariat"])) return;
    if (actor.personId !== personId) throw commonErrors.forbidden({ meta: { reason: "not own record" } });
  }

  return {
    insert,

    async list(ctx: RequestContext, query: PersonQuery) {
      assertCan(ctx.actor, "directory.read");
      const filter = { q: query.q, unitId: query.unitId, includeMerged: query.includeMerged === "true" };
      return directory.listPeople(db, filter, toLimitOffset(query), parseSort(query.sort, "fullName"));
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "directory.read");
      const person = await load(db, id);
      return { person, nameHistory: await directory.personNameHistory(db, id) };
    },

    async create(ctx: RequestContext, input: CreatePerson) {
      assertCan(ctx.actor, "directory.write");
      return db.transaction().execute((trx) => insert(trx, ctx, input));
    },

    async update(ctx: RequestContext, id: string, input: z.infer<typeof UpdatePersonBody>) {
      const actor = assertCan(ctx.actor, "directory.person.update");
      assertMayEdit(actor, id);
      // Members edit contact details only; name, unit and status are the secretariat's.
      if (
        !hasAnyRole(actor, ["admin", "secretariat"]) &&
        (input.fullName !== undefined ||
          input.unitId !== undefined ||
          input.isActive !== undefined ||
          input.position !== undefined)
      ) {
        throw commonErrors.forbidden({ meta: { reason: "members edit contact details only" } });
      }
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        if (before.merged_into_id) throw directoryErrors.personMerged();
        if (input.unitId !== undefined) await assertUnit(trx, input.unitId);
        const now = nowIso();
        await directory.updatePerson(trx, id, {
          ...(input.fullName !== undefined && {
            full_name: input.fullName,
            folded_name: foldVietnamese(input.fullName),
          }),
          ...(input.honorific !== undefined && { honorific: input.honorific }),
          ...(input.position !== undefined && { position: input.position }),
          ...(input.unitId !== undefined && { unit_id: input.unitId }),
          ...(input.email !== undefined && { email: input.email }),
          ...(input.phone !== undefined && { phone: input.phone }),
          ...(input.isActive !== undefined && { is_active: input.isActive ? 1 : 0 }),
          updated_at: now,
        });
        if (input.fullName !== undefined && input.fullName !== before.full_name) {
          await directory.addPersonName(trx, id, input.fullName, now, actor.userId);
        }
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          entityType: "person",
          entityId: id,
          action: "update",
          before: presentPerson(before),
          after: presentPerson(after),
        });
        return after;
      });
    },

    /**
     * Merges `duplicateId` into `survivorId`: memberships, accounts and name history move to the
     * survivor, the duplicate stays (for history) marked as merged and inactive. Both sides audited.
     */
    async merge(ctx: RequestContext, survivorId: string, duplicateId: string) {
      assertCan(ctx.actor, "directory.merge");
      if (survivorId === duplicateId) throw directoryErrors.mergeSelf();
      return db.transaction().execute(async (trx) => {
        const survivor = await load(trx, survivorId);
        const duplicate = await load(trx, duplicateId);
        if (survivor.merged_into_id || duplicate.merged_into_id) throw directoryErrors.personMerged();
        const now = nowIso();
        await directory.repointPerson(trx, duplicateId, survivorId);
        await directory.updatePerson(trx, duplicateId, {
          merged_into_id: survivorId,
          is_active: 0,
          updated_at: now,
        });
        // Keep contact details the survivor lacks.
        await directory.updatePerson(trx, survivorId, {
          email: survivor.email ?? duplicate.email,
          phone: survivor.phone ?? duplicate.phone,
          position: survivor.position ?? duplicate.position,
          unit_id: survivor.unit_id ?? duplicate.unit_id,
          honorific: survivor.honorific ?? duplicate.honorific,
          updated_at: now,
        });
        const after = await load(trx, survivorId);
        const duplicateAfter = await load(trx, duplicateId);
        await audit.record(trx, ctx, {
          entityType: "person",
          entityId: survivorId,
          action: "merge",
          before: presentPerson(survivor),
          after: { ...presentPerson(after), mergedFrom: duplicateId },
        });
        await audit.record(trx, ctx, {
          entityType: "person",
          entityId: duplicateId,
          action: "merged_into",
          before: presentPerson(duplicate),
          after: presentPerson(duplicateAfter),
        });
        return after;
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
