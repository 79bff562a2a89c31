/** Foreign press visits API: list, totals, export, entries, personal-data erasure and coverage. */
import { z } from "zod";
import type { App } from "../../platform/http/types.js";
import { RegisterImportBody, RegisterImportResultSchema } from "../../shared/api/delegations.js";
import {
  CoverageDecisionBody,
  CoverageSchema,
  CreatePressVisitBody,
  IdParams,
  PressTotalsQuery,
  PressTotalsSchema,
  PressVisitExportQuery,
  PressVisitListQuery,
  PressVisitPageSchema,
  PressVisitSchema,
  UpdatePressVisitBody,
} from "../../shared/api/press-visits.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import { exportPressVisits } from "./press-visits.export.js";
import { presentPressVisitListItem } from "./press-visits.presenter.js";
import type { PressVisitsService } from "./press-visits.service.js";

const read = { policy: "press.read" } as const;
const manage = { policy: "press.manage" } as const;
const tags = ["press-visits"];

export function registerPressVisitsRoutes(app: App, deps: { pressVisits: PressVisitsService }) {
  const { pressVisits } = deps;

  app.get(
    "/api/press-visits",
    {
      config: read,
      schema: {
        operationId: "listPressVisits",
        tags,
        summary: "Danh sách đoàn phóng viên nước ngoài / List foreign press visits",
        querystring: PressVisitListQuery,
        response: { 200: PressVisitPageSchema },
      },
    },
    async (request) => {
      const { rows, total } = await pressVisits.list(request.ctx, request.query);
      return {
        items: rows.map((r) => presentPressVisitListItem(r.row, r.reporters, r.articles)),
        page: request.query.page,
        pageSize: request.query.pageSize,
        total,
      };
    },
  );

  app.get(
    "/api/press-visits/totals",
    {
      config: read,
      schema: {
        operationId: "getPressVisitTotals",
        tags,
        summary: "Tổng hợp đoàn, phóng viên, quốc gia, tin bài trong kỳ / Totals for a period",
        querystring: PressTotalsQuery,
        response: { 200: PressTotalsSchema },
      },
    },
    async (request) => pressVisits.totals(request.ctx, request.query),
  );

  app.get(
    "/api/press-visits/export",
    {
      config: read,
      schema: {
        operationId: "exportPressVisits",
        tags,
        summary: "Xuất danh sách đoàn phóng viên (CSV/XLSX) / Export press visits",
        querystring: PressVisitExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await pressVisits.all(request.ctx, filter);
      const file = await exportPressVisits(
        rows.map((r) => presentPressVisitListItem(r.row, r.reporters, r.articles)),
        format,
      );
      const stamp = todayInHoChiMinh();
      return reply
        .header("content-disposition", `attachment; filename="doan-phong-vien-${stamp}.${format}"`)
        .type(file.contentType)
        .send(file.body);
    },
  );

  app.post(
    "/api/press-visits/import",
    {
      config: manage,
      schema: {
        operationId: "importPressVisits",
        tags,
        summary:
          "Nhập đoàn phóng viên từ tệp Excel (mỗi dòng một phóng viên) / Import press visits from XLSX",
        body: RegisterImportBody,
        response: { 200: RegisterImportResultSchema },
      },
    },
    async (request) => pressVisits.importWorkbook(request.ctx, request.body),
  );

  app.post(
    "/api/press-visits",
    {
      config: manage,
      schema: {
        operationId: "createPressVisit",
        tags,
        summary: "Thêm đoàn phóng viên / Create a press visit",
        body: CreatePressVisitBody,
        response: { 201: PressVisitSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await pressVisits.create(request.ctx, request.body)),
  );

  app.get(
    "/api/press-visits/:id",
    {
      config: read,
      schema: {
        operationId: "getPressVisit",
        tags,
        summary: "Chi tiết đoàn phóng viên / Press visit",
        params: IdParams,
        response: { 200: PressVisitSchema },
      },
    },
    async (request) => pressVisits.get(request.ctx, request.params.id),
  );

  app.patch(
    "/api/press-visits/:id",
    {
      config: manage,
      schema: {
        operationId: "updatePressVisit",
        tags,
        summary: "Sửa đoàn phóng viên / Update a press visit",
        params: IdParams,
        body: UpdatePressVisitBody,
        response: { 200: PressVisitSchema },
      },
    },
    async (request) => pressVisits.update(request.ctx, request.params.id, request.body),
  );

  app.delete(
    "/api/press-visits/:id",
    {
      config: manage,
      schema: {
        operationId: "deletePressVisit",
        tags,
        summary: "Xóa đoàn phóng viên / Delete a press visit",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await pressVisits.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/press-visits/:id/erase-personal-data",
    {
      config: { policy: "press.personal.erase" },
      schema: {
        operationId: "erasePressVisitPersonalData",
        tags,
        summary: "Xóa ngay dữ liệu cá nhân của phóng viên / Erase the reporters' personal data now",
        params: IdParams,
        response: { 200: PressVisitSchema },
      },
    },
    async (request) => pressVisits.erasePersonalData(request.ctx, request.params.id),
  );

  app.get(
    "/api/press-visits/:id/coverage",
    {
      config: read,
      schema: {
        operationId: "getPressVisitCoverage",
        tags,
        summary: "Tin, bài sau chuyến thăm: đã xác nhận và đề xuất / Articles after the visit",
        params: IdParams,
        response: { 200: CoverageSchema },
      },
    },
    async (request) => pressVisits.coverage(request.ctx, request.params.id),
  );

  app.post(
    "/api/press-visits/:id/coverage",
    {
      config: manage,
      schema: {
        operationId: "decidePressVisitCoverage",
        tags,
        summary: "Xác nhận hoặc loại tin, bài đề xuất / Confirm or reject a proposed article",
        params: IdParams,
        body: CoverageDecisionBody,
        response: { 200: CoverageSchema },
      },
    },
    async (request) => {
      await pressVisits.decideCoverage(request.ctx, request.params.id, request.body);
      return pressVisits.coverage(request.ctx, request.params.id);
    },
  );
}
