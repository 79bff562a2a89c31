/** The audit journal: read and export only. There is deliberately no route that changes it. */
import { PageSchema, pageOf, toLimitOffset } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import { presentAuditEntry } from "./audit.presenter.js";
import { AuditEntrySchema, AuditExportQuery, AuditQuery } from "./audit.schemas.js";
import type { AuditService } from "./audit.service.js";
import { exportAudit } from "./audit-export.js";
import { subjectKey } from "./audit-subjects.repository.js";

const config = { policy: "audit.read" } as const;

export function registerAuditRoutes(app: App, deps: { audit: AuditService }) {
  app.get(
    "/api/audit",
    {
      config,
      schema: {
        operationId: "listAuditEntries",
        tags: ["audit"],
        summary: "Nhật ký hệ thống / Audit journal",
        querystring: AuditQuery,
        response: { 200: PageSchema(AuditEntrySchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { rows, total, subjects } = await deps.audit.list(
        request.ctx,
        filter,
        toLimitOffset({ page, pageSize }),
      );
      const items = rows.map((r) =>
        presentAuditEntry(r, subjects.get(subjectKey(r.entity_type, r.entity_id))),
      );
      return pageOf(items, total, { page, pageSize });
    },
  );

  app.get(
    "/api/audit/export",
    {
      config,
      schema: {
        operationId: "exportAuditEntries",
        tags: ["audit"],
        summary: "Xuất nhật ký (CSV/XLSX) / Export the journal",
        querystring: AuditExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportAudit(deps.audit.iterate(request.ctx, filter), format);
      const stamp = todayInHoChiMinh();
      return reply
        .header("content-disposition", `attachment; filename="nhat-ky-${stamp}.${format}"`)
        .type(file.contentType)
        .send(file.body);
    },
  );
}
