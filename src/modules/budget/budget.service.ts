/** The budget proposals register (đề xuất kinh phí): rules, permissions, audit. */
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import type { FileStore } from "../../platform/files/file-store.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import { parseSort, toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertNoProblems, readSheetRows } from "../../platform/import-rows/import-rows.js";
import { assertCan } from "../../platform/policy/policy.js";
import type {
  BudgetListQuery,
  BudgetStatus,
  BudgetTotals,
  CreateBudgetItemBody,
  UpdateBudgetItemBody,
} from "../../shared/api/budget.js";
import { BUDGET_STATUSES } from "../../shared/api/budget.js";
import type { AuditService } from "../audit/audit.service.js";
import { storeUpload } from "../follow-up/follow-up.files.js";
import { rowsWithUnits } from "../registers/register-import.js";
import { mayEditEntry } from "../registers/register-rights.js";
import { registerErrors } from "../registers/registers.errors.js";
import { budgetErrors } from "./budget.errors.js";
import { BUDGET_IMPORT_COLUMNS, ImportedBudgetItem } from "./budget.import.js";
import { presentBudgetDocument, presentBudgetItem } from "./budget.presenter.js";
import {
  type BudgetFilter,
  type BudgetItemRow,
  type BudgetRepository,
  type BudgetSort,
  foldBudgetText,
  type TotalsRow,
} from "./budget.repository.js";
import type { BudgetItemTable } from "./budget.tables.js";

/** The register's kind in task links (`task_record_links.record_kind`). */
const BUDGET_KIND = "budget_item";

/** Whole đồng, not negative, exact in a double. */
export function assertAmount(value: number | null | undefined, field: string): void {
  if (value === null || value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0) throw budgetErrors.amountInvalid({ meta: { field, value } });
}

/** The amounts a status requires: approved needs the approved amount, disbursed both. */
function assertAmountsFitStatus(
  row: Pick<BudgetItemTable, "status" | "approved_amount" | "disbursed_amount">,
) {
  if ((row.status === "approved" || row.status === "disbursed") && row.approved_amount === null)
    throw budgetErrors.statusAmountMissing({ meta: { status: row.status } });
  if (row.status === "disbursed" && row.disbursed_amount === null)
    throw budgetErrors.statusAmountMissing({ meta: { status: row.status } });
  if (
    row.approved_amount !== null &&
    row.disbursed_amount !== null &&
    row.disbursed_amount > row.approved_amount
  )
    throw budgetErrors.amountOverApproved();
}

const presentTotals = (t: TotalsRow) => ({
  count: t.count,
  proposedAmount: t.proposed,
  approvedAmount: t.approved,
  disbursedAmount: t.disbursed,
});

export interface BudgetUploadDeps {
  store: FileStore;
  storedFiles: StoredFilesRepository;
  uploadLimit: number;
}

export function createBudgetService(deps: {
  db: Db;
  budget: BudgetRepository;
  audit: AuditService;
  files: BudgetUploadDeps;
}) {
  const { db, budget, audit } = deps;

  async function mustFind(trx: DbOrTrx, id: string): Promise<BudgetItemRow> {
    const row = await budget.find(trx, id);
    if (!row) throw budgetErrors.itemNotFound({ meta: { id } });
    return row;
  }

  /** The secretariat edits all; a task's leads edit the proposals attached to the tasks they lead. */
  const canEdit = (ctx: RequestContext, id: string) =>
    mayEditEntry(db, ctx.actor, "budget.edit", { kind: BUDGET_KIND, id });

  /** The item, when the caller may edit it: 404 when absent, 403 `register_entry_not_lead` when not theirs. */
  async function mustEdit(ctx: RequestContext, id: string): Promise<BudgetItemRow> {
    assertCan(ctx.actor, "budget.edit");
    const row = await mustFind(db, id);
    if (!(await canEdit(ctx, id))) throw registerErrors.notEntryLead({ meta: { id } });
    return row;
  }

  async function assertUnit(unitId: string | null | undefined) {
    if (unitId && !(await budget.unitExists(db, unitId))) throw budgetErrors.unitNotFound();
  }

  /** Validates a new item and returns its row (shared by create and import). */
  function newRow(ctx: RequestContext, input: CreateBudgetItemBody): BudgetItemTable {
    assertAmount(input.proposedAmount, "proposedAmount");
    assertAmount(input.approvedAmount, "approvedAmount");
    assertAmount(input.disbursedAmount, "disbursedAmount");
    const now = nowIso();
    const row: BudgetItemTable = {
      id: newId(),
      title: input.title,
      folded_text: foldBudgetText(input.title, input.description),
      year: input.year,
      description: input.description ?? null,
      unit_id: input.unitId ?? null,
      status: input.status,
      proposed_amount: input.proposedAmount,
      approved_amount: input.approvedAmount ?? null,
      disbursed_amount: input.disbursedAmount ?? null,
      proposed_on: input.proposedOn ?? null,
      created_by: ctx.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    };
    assertAmountsFitStatus(row);
    return row;
  }

  async function insertAudited(
    trx: DbOrTrx,
    ctx: RequestContext,
    row: BudgetItemTable,
    action: "create" | "import",
  ) {
    await budget.insert(trx, row);
    const created = await mustFind(trx, row.id);
    await audit.record(trx, ctx, {
      entityType: "budget_item",
      entityId: row.id,
      action: action === "create" ? "create" : "import",
      after: presentBudgetItem(created),
    });
    return created;
  }

  return {
    newRow,

    async list(ctx: RequestContext, query: BudgetListQuery) {
      assertCan(ctx.actor, "budget.read");
      const { field, direction } = parseSort<BudgetSort>(query.sort, "year");
      const sortDirection = query.sort ? direction : "desc";
      return budget.list(db, query, { ...toLimitOffset(query), sort: field, direction: sortDirection });
    },

    async all(ctx: RequestContext, filter: BudgetFilter) {
      assertCan(ctx.actor, "budget.read");
      return budget.all(db, filter);
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "budget.read");
      const row = await mustFind(db, id);
      const documents = await budget.documents(db, id);
      return {
        ...presentBudgetItem(row),
        documents: documents.map(presentBudgetDocument),
        canEdit: await canEdit(ctx, id),
      };
    },

    async create(ctx: RequestContext, input: CreateBudgetItemBody) {
      assertCan(ctx.actor, "budget.manage");
      const row = newRow(ctx, input);
      await assertUnit(input.unitId);
      return db.transaction().execute((trx) => insertAudited(trx, ctx, row, "create"));
    },

    /**
     * Imports items from the first sheet of a workbook: every row is checked first (amounts, statuses,
     * the amounts a status needs, the unit by name); with any bad row nothing is written and the answer
     * (400 `import_rows_invalid`) lists each problem by row.
     */
    async importWorkbook(ctx: RequestContext, upload: { contentBase64: string }) {
      assertCan(ctx.actor, "budget.manage");
      const report = await readSheetRows(
        Buffer.from(upload.contentBase64, "base64"),
        BUDGET_IMPORT_COLUMNS,
        ImportedBudgetItem,
      );
      const rows = rowsWithUnits(report, {
        units: await budget.unitNames(db),
        unitColumn: "Đơn vị đề xuất",
        unitCode: "budget_unit_not_found",
        build: (value, unitId) => newRow(ctx, { ...value, unitId }),
      });
      assertNoProblems(report);
      await db.transaction().execute(async (trx) => {
        for (const row of rows) await insertAudited(trx, ctx, row, "import");
      });
      return { imported: rows.length };
    },

    async update(ctx: RequestContext, id: string, input: UpdateBudgetItemBody) {
      const before = await mustEdit(ctx, id);
      assertAmount(input.proposedAmount, "proposedAmount");
      assertAmount(input.approvedAmount, "approvedAmount");
      assertAmount(input.disbursedAmount, "disbursedAmount");
      await assertUnit(input.unitId);
      const changes: Partial<BudgetItemTable> = {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.year !== undefined && { year: input.year }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.unitId !== undefined && { unit_id: input.unitId }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.proposedAmount !== undefined && { proposed_amount: input.proposedAmount }),
        ...(input.approvedAmount !== undefined && { approved_amount: input.approvedAmount }),
        ...(input.disbursedAmount !== undefined && { disbursed_amount: input.disbursedAmount }),
        ...(input.proposedOn !== undefined && { proposed_on: input.proposedOn }),
      };
      const merged = { ...before, ...changes };
      assertAmountsFitStatus({
        status: merged.status,
        approved_amount: merged.approved_amount === null ? null : Number(merged.approved_amount),
        disbursed_amount: merged.disbursed_amount === null ? null : Number(merged.disbursed_amount),
      });
      return db.transaction().execute(async (trx) => {
        await budget.update(trx, id, {
          ...changes,
          folded_text: foldBudgetText(merged.title, merged.description),
          updated_at: nowIso(),
        });
        const after = await mustFind(trx, id);
        await audit.record(trx, ctx, {
          entityType: "budget_item",
          entityId: id,
          action: "update",
          before: presentBudgetItem(before),
          after: presentBudgetItem(after),
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "budget.manage");
      const before = await mustFind(db, id);
      await db.transaction().execute(async (trx) => {
        await budget.delete(trx, id);
        await audit.record(trx, ctx, {
          entityType: "budget_item",
          entityId: id,
          action: "delete",
          before: presentBudgetItem(before),
        });
      });
    },

    /** Totals of a year (or of every year): all items, by status, by linked task. */
    async totals(ctx: RequestContext, year: number | undefined): Promise<BudgetTotals> {
      assertCan(ctx.actor, "budget.read");
      const filter = { year };
      const [all, byStatus, byTask] = await Promise.all([
        budget.totals(db, filter),
        budget.totalsByStatus(db, filter),
        budget.totalsByTask(db, filter),
      ]);
      const zero: TotalsRow = { count: 0, proposed: 0, approved: 0, disbursed: 0 };
      return {
        year: year ?? null,
        all: presentTotals(all),
        byStatus: BUDGET_STATUSES.map((status: BudgetStatus) => ({
          status,
          ...presentTotals(byStatus.find((s) => s.status === status) ?? zero),
        })),
        byTask: byTask.map((t) => ({
          taskId: t.task_id,
          taskRef: t.ref,
          taskText: t.text,
          ...presentTotals(t),
        })),
      };
    },

    async addDocument(
      ctx: RequestContext,
      id: string,
      input: { title?: string | undefined; filename: string; contentBase64: string },
    ) {
      const actor = assertCan(ctx.actor, "budget.edit");
      await mustEdit(ctx, id);
      return db.transaction().execute(async (trx) => {
        const fileId = await storeUpload(trx, deps.files, input, actor.userId);
        const docId = newId();
        await budget.insertDocument(trx, {
          id: docId,
          budget_item_id: id,
          file_id: fileId,
          file_name: input.filename,
          title: input.title ?? input.filename,
          created_by: actor.userId,
          created_at: nowIso(),
        });
        const doc = await budget.document(trx, id, docId);
        if (!doc) throw budgetErrors.documentNotFound();
        await audit.record(trx, ctx, {
          entityType: "budget_item",
          entityId: id,
          action: "add_document",
          after: { document: doc.title, fileName: doc.file_name },
        });
        return presentBudgetDocument(doc);
      });
    },

    async removeDocument(ctx: RequestContext, id: string, documentId: string) {
      await mustEdit(ctx, id);
      const doc = await budget.document(db, id, documentId);
      if (!doc) throw budgetErrors.documentNotFound();
      await db.transaction().execute(async (trx) => {
        await budget.deleteDocument(trx, documentId);
        await audit.record(trx, ctx, {
          entityType: "budget_item",
          entityId: id,
          action: "remove_document",
          before: { document: doc.title, fileName: doc.file_name },
        });
      });
    },

    async documentFile(ctx: RequestContext, id: string, documentId: string) {
      assertCan(ctx.actor, "budget.read");
      const doc = await budget.document(db, id, documentId);
      if (!doc) throw budgetErrors.documentNotFound();
      return {
        bytes: await deps.files.store.read(doc.storage_path),
        mediaType: doc.media_type,
        filename: doc.file_name,
      };
    },
  };
}

export type BudgetService = ReturnType<typeof createBudgetService>;
