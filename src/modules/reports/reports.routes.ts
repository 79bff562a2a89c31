/** Report drafts and urging notices. */
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { pageOf, parseSort, toLimitOffset } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import { PageSchema } from "../../shared/api/pagination.js";
import {
  ReportListItemSchema,
  type ReportModelSchema,
  ReportSchema,
  ReportSummaryListSchema,
} from "../../shared/api/reports.js";
import { IdParams } from "../follow-up/follow-up.schemas.js";
import type { ReportTable } from "../follow-up/follow-up.tables.js";
import type { ReportModel } from "./docx/report.model.js";
import { AFTER_CUTOFF_RULE, type AfterCutoffItem } from "./report-builder.js";
import {
  CreateReportBody,
  ExportQuery,
  ReportListQuery,
  UpdateReportBody,
  UrgingNoticeBody,
} from "./reports.schemas.js";
import type { ExportedFile, ReportsService } from "./reports.service.js";

const tags = ["reports"];

/** A report in a list: what it is and where it stands, without its content. */
const presentReportSummary = (
  r: Pick<
    ReportTable,
    "id" | "kind" | "year" | "format" | "cutoff_from" | "cutoff_to" | "status" | "created_at" | "updated_at"
  >,
) => ({
  id: r.id,
  kind: r.kind,
  year: r.year,
  format: r.format,
  cutoffFrom: r.cutoff_from,
  cutoffTo: r.cutoff_to,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A draft with its content, and the results of its period it leaves out because they were confirmed late. */
export const presentReport = (r: ReportTable & { afterCutoff?: readonly AfterCutoffItem[] }) => ({
  id: r.id,
  programmeId: r.programme_id,
  kind: r.kind,
  year: r.year,
  format: r.format,
  cutoffFrom: r.cutoff_from,
  cutoffTo: r.cutoff_to,
  status: r.status,
  model: JSON.parse(r.model_json) as z.infer<typeof ReportModelSchema>,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  /** Results of the period confirmed after `cutoffTo`: left out of this draft, counted in the next period. */
  afterCutoff: [...(r.afterCutoff ?? [])],
  afterCutoffRule: AFTER_CUTOFF_RULE,
});

function sendFile(reply: FastifyReply, file: ExportedFile) {
  return reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .send(file.bytes);
}

export function registerReportsRoutes(app: App, deps: { reports: ReportsService }) {
  const { reports } = deps;

  app.post(
    "/api/programmes/:id/reports",
    {
      config: { policy: "reports.manage" },
      schema: {
        operationId: "createReportDraft",
        tags,
        summary: "Lập dự thảo báo cáo / Draft a report",
        params: IdParams,
        body: CreateReportBody,
        response: { 201: ReportSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentReport(await reports.create(request.ctx, request.params.id, request.body))),
  );

  app.get(
    "/api/programmes/:id/reports",
    {
      config: { policy: "reports.read" },
      schema: {
        operationId: "listProgrammeReports",
        tags,
        summary: "Các báo cáo / Reports",
        params: IdParams,
        response: { 200: ReportSummaryListSchema },
      },
    },
    async (request) => ({
      items: (await reports.list(request.ctx, request.params.id)).map(presentReportSummary),
    }),
  );

  app.get(
    "/api/reports",
    {
      config: { policy: "reports.read" },
      schema: {
        operationId: "listReports",
        tags,
        summary: "Báo cáo của mọi chương trình / Reports of all programmes",
        querystring: ReportListQuery,
        response: { 200: PageSchema(ReportListItemSchema) },
      },
    },
    async (request) => {
      const { programmeId, kind, year, sort } = request.query;
      const page = await reports.listAll(
        request.ctx,
        { programmeId, kind, year },
        toLimitOffset(request.query),
        sort ? parseSort(sort, "updatedAt") : { field: "updatedAt", direction: "desc" },
      );
      return pageOf(
        page.items.map((r) => ({
          ...presentReportSummary(r),
          programmeId: r.programme_id,
          programmeNumber: r.programme_number,
          programmeTitle: r.programme_title,
        })),
        page.total,
        request.query,
      );
    },
  );

  app.get(
    "/api/reports/:id",
    {
      config: { policy: "reports.read" },
      schema: {
        operationId: "getReport",
        tags,
        summary: "Báo cáo / Report",
        params: IdParams,
        response: { 200: ReportSchema },
      },
    },
    async (request) => presentReport(await reports.get(request.ctx, request.params.id)),
  );

  app.patch(
    "/api/reports/:id",
    {
      config: { policy: "reports.manage" },
      schema: {
        operationId: "updateReportDraft",
        tags,
        summary: "Sửa dự thảo / Edit the draft",
        params: IdParams,
        body: UpdateReportBody,
        response: { 200: ReportSchema },
      },
    },
    async (request) =>
      presentReport(await reports.update(request.ctx, request.params.id, request.body.model as ReportModel)),
  );

  app.get(
    "/api/reports/:id/export",
    {
      config: { policy: "reports.read" },
      schema: {
        operationId: "exportReport",
        tags,
        summary: "Xuất báo cáo / Export (docx, xlsx, pdf)",
        params: IdParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) =>
      sendFile(reply, await reports.export(request.ctx, request.params.id, request.query.format)),
  );

  app.post(
    "/api/programmes/:id/urging-notice",
    {
      config: { policy: "reports.manage" },
      schema: {
        operationId: "createUrgingNotice",
        tags,
        summary: "Công văn đôn đốc / Urging notice (.docx)",
        params: IdParams,
        body: UrgingNoticeBody,
      },
    },
    async (request, reply) =>
      sendFile(reply, await reports.urgingNotice(request.ctx, request.params.id, request.body)),
  );
}
