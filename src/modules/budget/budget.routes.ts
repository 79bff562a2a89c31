/** Budget proposals register API: list, totals, entries, documents, export. */
import { z } from "zod";
import { sendAttachment } from "../../platform/files/download.js";
import { pageOf } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import {
  AddBudgetDocumentBody,
  BudgetDocumentParams,
  BudgetDocumentSchema,
  BudgetExportQuery,
  BudgetIdParams,
  BudgetImportBody,
  BudgetImportResultSchema,
  BudgetItemDetailSchema,
  BudgetItemPageSchema,
  BudgetItemSchema,
  BudgetListQuery,
  BudgetTotalsQuery,
  BudgetTotalsSchema,
  CreateBudgetItemBody,
  UpdateBudgetItemBody,
} from "../../shared/api/budget.js";
import { registerEntryRoutes } from "../registers/register-routes.js";
import { exportBudget } from "./budget.export.js";
import { presentBudgetItem } from "./budget.presenter.js";
import type { BudgetService } from "./budget.service.js";

const read = { policy: "budget.read" } as const;
const manage = { policy: "budget.manage" } as const;
/** Row-level: the secretariat, or a lead of a task the entry is attached to (checked by the service). */
const edit = { policy: "budget.edit" } as const;
const tags = ["budget"];

export function registerBudgetRoutes(app: App, deps: { budget: BudgetService; uploadLimit: number }) {
  const { budget } = deps;

  app.get(
    "/api/budget-items",
    {
      config: read,
      schema: {
        operationId: "listBudgetItems",
        tags,
        summary: "Danh sách đề xuất kinh phí / Budget items",
        querystring: BudgetListQuery,
        response: { 200: BudgetItemPageSchema },
      },
    },
    async (request) => {
      const { rows, total } = await budget.list(request.ctx, request.query);
      return pageOf(rows.map(presentBudgetItem), total, request.query);
    },
  );

  app.get(
    "/api/budget-items/totals",
    {
      config: read,
      schema: {
        operationId: "getBudgetTotals",
        tags,
        summary: "Tổng hợp kinh phí theo trạng thái và nhiệm vụ / Budget totals",
        querystring: BudgetTotalsQuery,
        response: { 200: BudgetTotalsSchema },
      },
    },
    async (request) => budget.totals(request.ctx, request.query.year),
  );

  registerEntryRoutes(app, {
    path: "/api/budget-items",
    tags,
    policy: { read: read.policy, manage: manage.policy, edit: edit.policy },
    operations: {
      export: {
        id: "exportBudgetItems",
        summary: "Xuất danh sách kinh phí (XLSX, CSV) / Export budget items",
      },
      import: {
        id: "importBudgetItems",
        summary: "Nhập kinh phí từ tệp Excel / Import budget items from XLSX",
      },
      create: { id: "createBudgetItem", summary: "Thêm đề xuất kinh phí / Create budget item" },
      get: { id: "getBudgetItem", summary: "Chi tiết khoản kinh phí / Budget item" },
      update: { id: "updateBudgetItem", summary: "Sửa khoản kinh phí / Update budget item" },
      delete: { id: "deleteBudgetItem", summary: "Xoá khoản kinh phí / Delete budget item" },
    },
    schemas: {
      params: BudgetIdParams,
      exportQuery: BudgetExportQuery,
      importBody: BudgetImportBody,
      importResult: BudgetImportResultSchema,
      create: CreateBudgetItemBody,
      update: UpdateBudgetItemBody,
      entry: BudgetItemSchema,
      detail: BudgetItemDetailSchema,
    },
    service: budget,
    present: presentBudgetItem,
    exportFile: exportBudget,
    exportName: "kinh-phi",
  });

  app.post(
    "/api/budget-items/:id/documents",
    {
      config: edit,
      // Base64 is 4/3 of the file, plus the JSON around it.
      bodyLimit: Math.ceil((deps.uploadLimit * 4) / 3) + 64 * 1024,
      schema: {
        operationId: "addBudgetDocument",
        tags,
        summary: "Đính kèm tài liệu / Attach a document",
        params: BudgetIdParams,
        body: AddBudgetDocumentBody,
        response: { 201: BudgetDocumentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await budget.addDocument(request.ctx, request.params.id, request.body)),
  );

  app.get(
    "/api/budget-items/:id/documents/:documentId/file",
    {
      config: read,
      schema: {
        operationId: "downloadBudgetDocument",
        tags,
        summary: "Tải tài liệu / Download a document",
        params: BudgetDocumentParams,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        ...(await budget.documentFile(request.ctx, request.params.id, request.params.documentId)),
        fallbackName: "tai-lieu-kinh-phi",
      }),
  );

  app.delete(
    "/api/budget-items/:id/documents/:documentId",
    {
      config: edit,
      schema: {
        operationId: "deleteBudgetDocument",
        tags,
        summary: "Gỡ tài liệu / Remove a document",
        params: BudgetDocumentParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await budget.removeDocument(request.ctx, request.params.id, request.params.documentId);
      return reply.status(204).send(null);
    },
  );
}
