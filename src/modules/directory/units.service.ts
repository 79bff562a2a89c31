/** Units of the organisation (departments, districts, press, armed forces…): create, edit with name history. */
import type { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { parseSort, toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { AuditService } from "../audit/audit.service.js";
import { directoryErrors } from "./directory.errors.js";
import { presentUnit } from "./directory.presenter.js";
import type { DirectoryRepository } from "./directory.repository.js";
import type { CreateUnitBody, UnitQuery, UpdateUnitBody } from "./directory.schemas.js";

type CreateUnit = z.infer<typeof CreateUnitBody>;

const foldUnit = (name: string, shortName: string | null | undefined) =>
  foldVietnamese(`${name} ${shortName ?? ""}`);

export function createUnitsService(deps: { db: Db; directory: DirectoryRepository; audit: AuditService }) {
  const { db, directory, audit } = deps;

  async function assertParent(trx: DbOrTrx, unitId: string | null, parentId: string | null | undefined) {
    if (!parentId) return;
    if (!(await directory.findUnit(trx, parentId))) throw directoryErrors.parentNotFound();
    if (unitId && (parentId === unitId || (await directory.ancestorIds(trx, parentId)).includes(unitId)))
      throw directoryErrors.unitCycle();
  }

  /** Inserts a unit inside the caller's transaction (used by imports and the demo seed too). */
  async function insert(trx: DbOrTrx, ctx: RequestContext, input: CreateUnit) {
    await assertParent(trx, null, input.parentId);
    const now = nowIso();
    const id = newId();
    await directory.insertUnit(trx, {
      id,
      name: input.name,
      short_name: input.shortName ?? null,
      folded_name: foldUnit(input.name, input.shortName),
      type: input.type,
      parent_id: input.parentId ?? null,
      is_active: input.isActive === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    });
    await directory.addUnitName(trx, id, input.name, input.shortName ?? null, now, ctx.actor?.userId ?? null);
    const unit = await directory.findUnit(trx, id);
    if (!unit) throw directoryErrors.unitNotFound();
    await audit.record(trx, ctx, {
      entityType: "unit",
      entityId: id,
      action: "create",
      after: presentUnit(unit),
    });
    return unit;
  }

  return {
    insert,

    async list(ctx: RequestContext, query: UnitQuery) {
      assertCan(ctx.actor, "directory.read");
      const filter = {
        q: query.q,
        type: query.type,
        parentId: query.parentId,
        isActive: query.isActive === undefined ? undefined : query.isActive === "true",
      };
      return directory.listUnits(db, filter, toLimitOffset(query), parseSort(query.sort, "name"));
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "directory.read");
      const unit = await directory.findUnit(db, id);
      if (!unit) throw directoryErrors.unitNotFound();
      return { unit, nameHistory: await directory.unitNameHistory(db, id) };
    },

    async create(ctx: RequestContext, input: CreateUnit) {
      assertCan(ctx.actor, "directory.write");
      return db.transaction().execute((trx) => insert(trx, ctx, input));
    },

    async update(ctx: RequestContext, id: string, input: z.infer<typeof UpdateUnitBody>) {
      const actor = assertCan(ctx.actor, "directory.write");
      return db.transaction().execute(async (trx) => {
        const before = await directory.findUnit(trx, id);
        if (!before) throw directoryErrors.unitNotFound();
        if (input.parentId !== undefined) await assertParent(trx, id, input.parentId);
        const name = input.name ?? before.name;
        const shortName = input.shortName === undefined ? before.short_name : input.shortName;
        const now = nowIso();
        await directory.updateUnit(trx, id, {
          name,
          short_name: shortName,
          folded_name: foldUnit(name, shortName),
          ...(input.type !== undefined && { type: input.type }),
          ...(input.parentId !== undefined && { parent_id: input.parentId }),
          ...(input.isActive !== undefined && { is_active: input.isActive ? 1 : 0 }),
          updated_at: now,
        });
        // Names change with reorganisations; keep every name the unit has had.
        if (name !== before.name || shortName !== before.short_name) {
          await directory.addUnitName(trx, id, name, shortName, now, actor.userId);
        }
        const after = await directory.findUnit(trx, id);
        if (!after) throw directoryErrors.unitNotFound();
        await audit.record(trx, ctx, {
          entityType: "unit",
          entityId: id,
          action: "update",
          before: presentUnit(before),
          after: presentUnit(after),
        });
        return after;
      });
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
