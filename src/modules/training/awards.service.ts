/** Entries to the national external-information award (Giải thưởng toàn quốc về thông tin đối ngoại). */
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { pageOf, toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertNoProblems, readSheetRows } from "../../platform/import-rows/import-rows.js";
import { assertCan } from "../../platform/policy/policy.js";
import type {
  AwardListQuery,
  CreateAwardEntryBody,
  UpdateAwardEntryBody,
} from "../../shared/api/training.js";
import type { AuditService } from "../audit/audit.service.js";
import { type AwardsRepository, foldAwardText } from "./awards.repository.js";
import { trainingErrors } from "./training.errors.js";
import { AWARD_IMPORT_COLUMNS, ImportedAwardEntry } from "./training.export.js";
import { presentAwardEntry } from "./training.presenter.js";
import type { AwardEntryTable } from "./training.tables.js";

export function createAwardsService(deps: { db: Db; awards: AwardsRepository; audit: AuditService }) {
  const { db, awards, audit } = deps;

  async function mustFind(trx: DbOrTrx, id: string) {
    const row = await awards.find(trx, id);
    if (!row) throw trainingErrors.awardEntryNotFound({ meta: { id } });
    return row;
  }

  async function createMany(ctx: RequestContext, inputs: readonly CreateAwardEntryBody[]) {
    assertCan(ctx.actor, "training.manage");
    return db.transaction().execute(async (trx) => {
      const out = [];
      for (const input of inputs) {
        const now = nowIso();
        const row: AwardEntryTable = {
          id: newId(),
          title: input.title,
          authors: input.authors,
          category: input.category,
          round: input.round,
          year: input.year,
          submitted_on: input.submittedOn ?? null,
          result: input.result,
          folded_text: foldAwardText(input),
          created_by: ctx.actor?.userId ?? null,
          created_at: now,
          updated_at: now,
        };
        await awards.insert(trx, row);
        const created = presentAwardEntry(row);
        await audit.record(trx, ctx, {
          entityType: "award_entry",
          entityId: row.id,
          action: "create",
          after: created,
        });
        out.push(created);
      }
      return out;
    });
  }

  return {
    async list(ctx: RequestContext, query: AwardListQuery) {
      assertCan(ctx.actor, "training.read");
      const { limit, offset } = toLimitOffset(query);
      const { rows, total } = await awards.page(db, query, limit, offset);
      return pageOf(rows.map(presentAwardEntry), total, query);
    },

    async all(ctx: RequestContext, filter: Pick<AwardListQuery, "q" | "year" | "category" | "result">) {
      assertCan(ctx.actor, "training.read");
      return awards.all(db, filter);
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "training.read");
      return presentAwardEntry(await mustFind(db, id));
    },

    async create(ctx: RequestContext, input: CreateAwardEntryBody) {
      const [created] = await createMany(ctx, [input]);
      return created as ReturnType<typeof presentAwardEntry>;
    },

    async update(ctx: RequestContext, id: string, input: UpdateAwardEntryBody) {
      assertCan(ctx.actor, "training.manage");
      return db.transaction().execute(async (trx) => {
        const before = await mustFind(trx, id);
        const title = input.title ?? before.title;
        const authors = input.authors ?? before.authors;
        await awards.update(trx, id, {
          title,
          authors,
          ...(input.category !== undefined && { category: input.category }),
          ...(input.round !== undefined && { round: input.round }),
          ...(input.year !== undefined && { year: input.year }),
          ...(input.submittedOn !== undefined && { submitted_on: input.submittedOn }),
          ...(input.result !== undefined && { result: input.result }),
          folded_text: foldAwardText({ title, authors }),
          updated_at: nowIso(),
        });
        const after = presentAwardEntry(await mustFind(trx, id));
        await audit.record(trx, ctx, {
          entityType: "award_entry",
          entityId: id,
          action: "update",
          before: presentAwardEntry(before),
          after,
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "training.manage");
      await db.transaction().execute(async (trx) => {
        const before = await mustFind(trx, id);
        await awards.delete(trx, id);
        await audit.record(trx, ctx, {
          entityType: "award_entry",
          entityId: id,
          action: "delete",
          before: presentAwardEntry(before),
        });
      });
    },

    /** Imports entries from a workbook: all rows or, with any bad row, none (per-row report). */
    async importWorkbook(ctx: RequestContext, upload: { contentBase64: string }) {
      assertCan(ctx.actor, "training.manage");
      const report = await readSheetRows(
        Buffer.from(upload.contentBase64, "base64"),
        AWARD_IMPORT_COLUMNS,
        ImportedAwardEntry,
      );
      const created = await createMany(ctx, assertNoProblems(report));
      return { imported: created.length };
    },
  };
}

export type AwardsService = ReturnType<typeof createAwardsService>;
