/** Status lists, dashboard, "my tasks" and calendar; lists export as CSV or XLSX with `?format=`. */
import type { FastifyReply } from "fastify";
import type { ExportColumn } from "../../platform/export/index.js";
import type { App } from "../../platform/http/types.js";
import type { CalendarEvent, DashboardService, StatusRowDto } from "./dashboard.service.js";
import { sendList } from "./follow-up.export.js";
import {
  AsOfQuery,
  CalendarListSchema,
  CalendarQuery,
  DashboardSchema,
  IdParams,
  MyTaskListSchema,
  StatusListSchema,
  TaskStatusDetailSchema,
  TaskStatusQuery,
} from "./follow-up.schemas.js";

const tags = ["follow-up"];
const read = { policy: "followup.read" } as const;

const STATUS_COLUMNS: readonly ExportColumn<StatusRowDto>[] = [
  { header: "Ký hiệu", value: (r) => r.ref, width: 8 },
  { header: "Nội dung nhiệm vụ", value: (r) => r.text, width: 60 },
  { header: "Chỉ đạo thực hiện", value: (r) => r.directing, width: 20 },
  { header: "Chủ trì", value: (r) => r.leads, width: 25 },
  { header: "Phối hợp", value: (r) => r.coordinators, width: 25 },
  { header: "Thời gian", value: (r) => r.timeframe, width: 20 },
  { header: "Hạn", value: (r) => r.due, width: 12 },
  { header: "Tình trạng", value: (r) => r.statusLabel, width: 28 },
  { header: "Số ngày quá hạn", value: (r) => r.daysOverdue, width: 10 },
  { header: "Tiến độ (%)", value: (r) => r.progress, width: 10 },
];

const CALENDAR_COLUMNS: readonly ExportColumn<CalendarEvent>[] = [
  { header: "Ngày", value: (e) => e.date, width: 12 },
  { header: "Loại", value: (e) => e.kind, width: 12 },
  { header: "Ký hiệu", value: (e) => e.ref, width: 8 },
  { header: "Nhiệm vụ", value: (e) => e.text, width: 60 },
  { header: "Ghi chú", value: (e) => e.label, width: 25 },
  { header: "Chủ trì", value: (e) => e.leads, width: 25 },
  { header: "Đã xong", value: (e) => (e.isDone ? "x" : ""), width: 8 },
];

export function registerDashboardRoutes(app: App, deps: { dashboard: DashboardService }) {
  const { dashboard } = deps;

  app.get(
    "/api/programmes/:id/statuses",
    {
      config: read,
      schema: {
        operationId: "listTaskStatuses",
        tags,
        summary: "Trạng thái nhiệm vụ / Task statuses",
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: StatusListSchema },
      },
    },
    async (request, reply) => {
      const { asOf, rows } = await dashboard.statuses(request.ctx, request.params.id, request.query.asOf);
      return sendList(reply, request.query.format, {
        rows,
        columns: STATUS_COLUMNS,
        filename: `trang-thai-${asOf}`,
        json: () => ({ asOf, items: rows }),
      });
    },
  );

  app.get(
    "/api/tasks/:id/status",
    {
      config: read,
      schema: {
        operationId: "getTaskStatus",
        tags,
        summary: "Tình trạng một nhiệm vụ, từng mốc, từng kỳ / One task's status, milestones, periods",
        params: IdParams,
        querystring: TaskStatusQuery,
        response: { 200: TaskStatusDetailSchema },
      },
    },
    async (request) => dashboard.taskStatus(request.ctx, request.params.id, request.query.asOf),
  );

  app.get(
    "/api/programmes/:id/dashboard",
    {
      config: read,
      schema: {
        operationId: "getProgrammeDashboard",
        tags,
        summary: "Bảng điều khiển / Dashboard",
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: DashboardSchema },
      },
    },
    // Sent as the JSON text kept with the dashboard (built as `DashboardSchema` says, see
    // `buildDashboard`): warm reads serialise nothing, and Fastify sends a string as it is.
    async (request, reply) =>
      (reply as FastifyReply)
        .type("application/json; charset=utf-8")
        .send(await dashboard.dashboardJson(request.ctx, request.params.id, request.query.asOf)),
  );

  app.get(
    "/api/programmes/:id/overdue",
    {
      config: read,
      schema: {
        operationId: "listOverdueTasks",
        tags,
        summary: "Nhiệm vụ quá hạn / Overdue tasks",
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: StatusListSchema },
      },
    },
    async (request, reply) => {
      const { asOf, rows } = await dashboard.overdue(request.ctx, request.params.id, request.query.asOf);
      return sendList(reply, request.query.format, {
        rows,
        columns: STATUS_COLUMNS,
        filename: `qua-han-${asOf}`,
        json: () => ({ asOf, items: rows }),
      });
    },
  );

  app.get(
    "/api/programmes/:id/calendar",
    {
      config: read,
      schema: {
        operationId: "getDeadlineCalendar",
        tags,
        summary: "Lịch hạn / Deadlines calendar",
        params: IdParams,
        querystring: CalendarQuery,
        response: { 200: CalendarListSchema },
      },
    },
    async (request, reply) => {
      const { from, to, events } = await dashboard.calendar(
        request.ctx,
        request.params.id,
        request.query.from,
        request.query.to,
      );
      return sendList(reply, request.query.format, {
        rows: events,
        columns: CALENDAR_COLUMNS,
        filename: `lich-han-${from}-${to}`,
        json: () => ({ from, to, items: events }),
      });
    },
  );

  app.get(
    "/api/me/tasks",
    {
      config: read,
      schema: {
        operationId: "listMyTasks",
        tags,
        summary: "Nhiệm vụ của tôi / My tasks",
        querystring: AsOfQuery,
        response: { 200: MyTaskListSchema },
      },
    },
    async (request, reply) => {
      const { asOf, rows } = await dashboard.myTasks(request.ctx, request.query.asOf);
      return sendList(reply, request.query.format, {
        rows,
        columns: STATUS_COLUMNS,
        filename: `nhiem-vu-cua-toi-${asOf}`,
        json: () => ({ asOf, items: rows }),
      });
    },
  );
}
