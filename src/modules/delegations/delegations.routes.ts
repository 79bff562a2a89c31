/** Delegations register API: list, export, entries, status changes and coverage. */
import { z } from "zod";
import type { App } from "../../platform/http/types.js";
import {
  CoverageDecisionBody,
  CoverageSchema,
  CreateDelegationBody,
  DelegationExportQuery,
  DelegationListQuery,
  DelegationPageSchema,
  DelegationSchema,
  DelegationStatusBody,
  IdParams,
  RegisterImportBody,
  RegisterImportResultSchema,
  UpdateDelegationBody,
} from "../../shared/api/delegations.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import { exportDelegations } from "./delegations.export.js";
import { presentDelegation, presentDelegationListItem } from "./delegations.presenter.js";
import type { DelegationsService } from "./delegations.service.js";

const read = { policy: "delegations.read" } as const;
const manage = { policy: "delegations.manage" } as const;
const edit = { policy: "delegations.edit" } as const;
const tags = ["delegations"];

export function registerDelegationsRoutes(app: App, deps: { delegations: DelegationsService }) {
  const { delegations } = deps;

  app.get(
    "/api/delegations",
    {
      config: read,
      schema: {
        operationId: "listDelegations",
        tags,
        summary: "Danh sách đoàn ra, đoàn vào / List delegations",
        querystring: DelegationListQuery,
        response: { 200: DelegationPageSchema },
      },
    },
    async (request) => {
      const { rows, total } = await delegations.list(request.ctx, request.query);
      return {
        items: rows.map(presentDelegationListItem),
        page: request.query.page,
        pageSize: request.query.pageSize,
        total,
      };
    },
  );

  app.get(
    "/api/delegations/export",
    {
      config: read,
      schema: {
        operationId: "exportDelegations",
        tags,
        summary: "Xuất danh sách đoàn (CSV/XLSX) / Export delegations",
        querystring: DelegationExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await delegations.all(request.ctx, filter);
      const file = await exportDelegations(
        rows.map((r) => presentDelegation(r, { canEdit: false })),
        format,
      );
      const stamp = todayInHoChiMinh();
      return reply
        .header("content-disposition", `attachment; filename="doan-ra-doan-vao-${stamp}.${format}"`)
        .type(file.contentType)
        .send(file.body);
    },
  );

  app.post(
    "/api/delegations/import",
    {
      config: manage,
      schema: {
        operationId: "importDelegations",
        tags,
        summary: "Nhập đoàn từ tệp Excel / Import delegations from XLSX",
        body: RegisterImportBody,
        response: { 200: RegisterImportResultSchema },
      },
    },
    async (request) => delegations.importWorkbook(request.ctx, request.body),
  );

  app.post(
    "/api/delegations",
    {
      config: manage,
      schema: {
        operationId: "createDelegation",
        tags,
        summary: "Thêm đoàn / Create a delegation",
        body: CreateDelegationBody,
        response: { 201: DelegationSchema },
      },
    },
    async (request, reply) => {
      const row = await delegations.create(request.ctx, request.body);
      return reply.status(201).send(presentDelegation(row, { canEdit: true }));
    },
  );

  app.get(
    "/api/delegations/:id",
    {
      config: read,
      schema: {
        operationId: "getDelegation",
        tags,
        summary: "Chi tiết đoàn / Delegation",
        params: IdParams,
        response: { 200: DelegationSchema },
      },
    },
    async (request) => {
      const { row, canEdit } = await delegations.get(request.ctx, request.params.id);
      return presentDelegation(row, { canEdit });
    },
  );

  app.patch(
    "/api/delegations/:id",
    {
      config: edit,
      schema: {
        operationId: "updateDelegation",
        tags,
        summary: "Sửa đoàn / Update a delegation",
        params: IdParams,
        body: UpdateDelegationBody,
        response: { 200: DelegationSchema },
      },
    },
    async (request) =>
      presentDelegation(await delegations.update(request.ctx, request.params.id, request.body), {
        canEdit: true,
      }),
  );

  app.post(
    "/api/delegations/:id/status",
    {
      config: edit,
      schema: {
        operationId: "changeDelegationStatus",
        tags,
        summary: "Chuyển trạng thái đoàn / Change a delegation's status",
        params: IdParams,
        body: DelegationStatusBody,
        response: { 200: DelegationSchema },
      },
    },
    async (request) =>
      presentDelegation(await delegations.changeStatus(request.ctx, request.params.id, request.body.status), {
        canEdit: true,
      }),
  );

  app.delete(
    "/api/delegations/:id",
    {
      config: manage,
      schema: {
        operationId: "deleteDelegation",
        tags,
        summary: "Xóa đoàn / Delete a delegation",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await delegations.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/delegations/:id/coverage",
    {
      config: read,
      schema: {
        operationId: "getDelegationCoverage",
        tags,
        summary: "Tin, bài về đoàn: đã xác nhận và đề xuất / Coverage of a delegation",
        params: IdParams,
        response: { 200: CoverageSchema },
      },
    },
    async (request) => delegations.coverage(request.ctx, request.params.id),
  );

  app.post(
    "/api/delegations/:id/coverage",
    {
      config: manage,
      schema: {
        operationId: "decideDelegationCoverage",
        tags,
        summary: "Xác nhận hoặc loại tin, bài đề xuất / Confirm or reject proposed coverage",
        params: IdParams,
        body: CoverageDecisionBody,
        response: { 200: CoverageSchema },
      },
    },
    async (request) => {
      await delegations.decideCoverage(request.ctx, request.params.id, request.body);
      return delegations.coverage(request.ctx, request.params.id);
    },
  );
}
