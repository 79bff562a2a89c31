/**
 * Request and response shapes of the budget proposals register (đề xuất kinh phí): one source for the
 * server's validation and the OpenAPI document, and for the web client's types.
 */
import { z } from "zod";
import { PageQuery, PageSchema, SearchText, sortParam } from "./pagination.js";

export const BUDGET_STATUSES = ["proposed", "approved", "disbursed"] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

const Id = z.string().min(1).max(64);
/**
 * An amount in đồng. Any number is accepted here so that the service can answer a negative or
 * fractional amount with its own code (`amount_invalid`) rather than a generic validation error.
 */
const Amount = z.number();

export const BudgetIdParams = z.object({ id: Id });
export const BudgetDocumentParams = z.object({ id: Id, documentId: Id });

const BudgetFields = {
  title: z.string().trim().min(1).max(500),
  year: z.number().int().min(2000).max(2100),
  description: z.string().trim().max(5000).nullable().optional(),
  /** Proposing unit (đơn vị đề xuất). */
  unitId: Id.nullable().optional(),
  status: z.enum(BUDGET_STATUSES).default("proposed"),
  proposedAmount: Amount,
  approvedAmount: Amount.nullable().optional(),
  disbursedAmount: Amount.nullable().optional(),
  /** Date of the proposal (YYYY-MM-DD); reports count an item in the period of this date. */
  proposedOn: z.iso.date().nullable().optional(),
};

export const CreateBudgetItemBody = z.strictObject(BudgetFields);
export type CreateBudgetItemBody = z.infer<typeof CreateBudgetItemBody>;

export const UpdateBudgetItemBody = z.strictObject({
  title: BudgetFields.title.optional(),
  year: BudgetFields.year.optional(),
  description: BudgetFields.description,
  unitId: BudgetFields.unitId,
  status: z.enum(BUDGET_STATUSES).optional(),
  proposedAmount: Amount.optional(),
  approvedAmount: BudgetFields.approvedAmount,
  disbursedAmount: BudgetFields.disbursedAmount,
  proposedOn: BudgetFields.proposedOn,
});
export type UpdateBudgetItemBody = z.infer<typeof UpdateBudgetItemBody>;

export const BudgetListQuery = PageQuery.extend({
  q: SearchText,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(BUDGET_STATUSES).optional(),
  sort: sortParam(["title", "year", "proposedAmount", "updatedAt"]),
});
export type BudgetListQuery = z.infer<typeof BudgetListQuery>;

export const BudgetExportQuery = BudgetListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
});
export type BudgetExportQuery = z.infer<typeof BudgetExportQuery>;

export const BudgetTotalsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const BudgetDocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});

export const BudgetItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number(),
  description: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  status: z.enum(BUDGET_STATUSES),
  proposedAmount: z.number(),
  approvedAmount: z.number().nullable(),
  disbursedAmount: z.number().nullable(),
  proposedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const BudgetItemDetailSchema = BudgetItemSchema.extend({
  documents: z.array(BudgetDocumentSchema),
  /** Whether the caller may edit it (secretariat, or a lead of a task it is attached to). */
  canEdit: z.boolean(),
});
export const BudgetItemPageSchema = PageSchema(BudgetItemSchema);

/** One line of totals: count and sums in đồng. */
const TotalsLine = z.object({
  count: z.number(),
  proposedAmount: z.number(),
  approvedAmount: z.number(),
  disbursedAmount: z.number(),
});
export const BudgetTotalsSchema = z.object({
  year: z.number().nullable(),
  all: TotalsLine,
  byStatus: z.array(TotalsLine.extend({ status: z.enum(BUDGET_STATUSES) })),
  /** Items linked to each programme task (an item linked to two tasks counts for both). */
  byTask: z.array(TotalsLine.extend({ taskId: z.string(), taskRef: z.string(), taskText: z.string() })),
});

export const AddBudgetDocumentBody = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  filename: z.string().trim().min(1).max(255),
  /** The file, base64-encoded. */
  contentBase64: z.string().min(1),
});

export type BudgetItemDto = z.infer<typeof BudgetItemSchema>;
export type BudgetItemDetail = z.infer<typeof BudgetItemDetailSchema>;
export type BudgetTotals = z.infer<typeof BudgetTotalsSchema>;
export type BudgetDocument = z.infer<typeof BudgetDocumentSchema>;

/** An XLSX workbook to import (the export's columns), base64-encoded. */
export const BudgetImportBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(20_000_000),
});
export const BudgetImportResultSchema = z.object({ imported: z.number() });
