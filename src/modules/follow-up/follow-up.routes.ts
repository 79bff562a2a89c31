/** Follow-up routes: check-ins, directions, due dates, holidays. Parse → service → presenter. */

import { z } from "zod";
import { sendAttachment } from "../../platform/files/download.js";
import type { App } from "../../platform/http/types.js";
import {
  CheckInDetailSchema,
  CheckInListSchema,
  CheckInSchema,
  DirectionSchema,
  EvidenceSchema,
  HolidaySchema,
  RecordedDueDateSchema,
} from "../../shared/api/follow-up.js";
import type { CheckInsService } from "./check-ins.service.js";
import { presentCheckIn, presentEvidence } from "./follow-up.presenter.js";
import {
  ConfirmBody,
  CreateCheckInBody,
  DirectionBody,
  DueDateBody,
  EvidenceBody,
  HolidayBody,
  IdParams,
  OptionalReasonBody,
  ReasonBody,
  UpdateCheckInBody,
} from "./follow-up.schemas.js";
import type { FollowUpService } from "./follow-up.service.js";

const tags = ["follow-up"];

export function registerFollowUpRoutes(
  app: App,
  deps: { checkIns: CheckInsService; followUp: FollowUpService; uploadLimit: number },
) {
  const { checkIns, followUp } = deps;
  // JSON with base64 content is 4/3 of the file: let it through, the service enforces the file limit (413).
  const uploadBodyLimit = Math.ceil((deps.uploadLimit * 4) / 3) + 64 * 1024;

  app.get(
    "/api/tasks/:id/check-ins",
    {
      config: { policy: "followup.read" },
      schema: {
        operationId: "listTaskCheckIns",
        tags,
        summary: "Báo cáo tiến độ của nhiệm vụ / Task check-ins",
        params: IdParams,
        response: { 200: CheckInListSchema },
      },
    },
    async (request) => {
      const { rows, evidence, downloadable } = await checkIns.listForTask(request.ctx, request.params.id);
      return { items: rows.map((r) => presentCheckIn(r, evidence, downloadable.has(r.id))) };
    },
  );

  app.post(
    "/api/tasks/:id/check-ins",
    {
      config: { policy: "followup.report" },
      schema: {
        operationId: "createCheckIn",
        tags,
        summary: "Lập báo cáo tiến độ / Create a check-in",
        params: IdParams,
        body: CreateCheckInBody,
        response: { 201: CheckInSchema },
      },
    },
    async (request, reply) => {
      const row = await checkIns.create(request.ctx, request.params.id, request.body);
      const { evidence, canDownload } = await checkIns.get(request.ctx, row.id);
      return reply.status(201).send(presentCheckIn(row, evidence, canDownload));
    },
  );

  app.get(
    "/api/check-ins/:id",
    {
      config: { policy: "followup.read" },
      schema: {
        operationId: "getCheckIn",
        tags,
        summary: "Báo cáo tiến độ / Check-in",
        params: IdParams,
        response: { 200: CheckInDetailSchema },
      },
    },
    async (request) => {
      const { row, evidence, versions, canDownload } = await checkIns.get(request.ctx, request.params.id);
      return { ...presentCheckIn(row, evidence, canDownload), versions };
    },
  );

  app.patch(
    "/api/check-ins/:id",
    {
      config: { policy: "followup.report" },
      schema: {
        operationId: "updateCheckIn",
        tags,
        summary: "Sửa báo cáo tiến độ / Edit a check-in",
        params: IdParams,
        body: UpdateCheckInBody,
        response: { 200: CheckInSchema },
      },
    },
    async (request) => presentCheckIn(await checkIns.update(request.ctx, request.params.id, request.body)),
  );

  app.post(
    "/api/check-ins/:id/submit",
    {
      config: { policy: "followup.report" },
      schema: {
        operationId: "submitCheckIn",
        tags,
        summary: "Gửi báo cáo / Submit",
        params: IdParams,
        response: { 200: CheckInSchema },
      },
    },
    async (request) => presentCheckIn(await checkIns.submit(request.ctx, request.params.id)),
  );

  app.post(
    "/api/check-ins/:id/confirm",
    {
      config: { policy: "followup.confirm" },
      schema: {
        operationId: "confirmCheckIn",
        tags,
        summary: "Xác nhận / Confirm",
        params: IdParams,
        // No body at all (null for Fastify) confirms without a comment, as before the comment existed.
        body: ConfirmBody.nullish(),
        response: { 200: CheckInSchema },
      },
    },
    async (request) =>
      presentCheckIn(await checkIns.confirm(request.ctx, request.params.id, request.body?.comment)),
  );

  app.post(
    "/api/check-ins/:id/return",
    {
      config: { policy: "followup.confirm" },
      schema: {
        operationId: "returnCheckIn",
        tags,
        summary: "Trả lại / Return",
        params: IdParams,
        body: ReasonBody,
        response: { 200: CheckInSchema },
      },
    },
    async (request) =>
      presentCheckIn(await checkIns.return(request.ctx, request.params.id, request.body.reason)),
  );

  app.post(
    "/api/check-ins/:id/reopen",
    {
      config: { policy: "followup.confirm" },
      schema: {
        operationId: "reopenCheckIn",
        tags,
        summary: "Mở lại để sửa / Reopen",
        params: IdParams,
        body: OptionalReasonBody.nullish(),
        response: { 200: CheckInSchema },
      },
    },
    async (request) =>
      presentCheckIn(await checkIns.reopen(request.ctx, request.params.id, request.body?.reason)),
  );

  app.post(
    "/api/check-ins/:id/evidence",
    {
      config: { policy: "followup.report" },
      bodyLimit: uploadBodyLimit,
      schema: {
        operationId: "addCheckInEvidence",
        tags,
        summary: "Thêm minh chứng / Add evidence",
        params: IdParams,
        body: EvidenceBody,
        response: { 201: EvidenceSchema.nullable() },
      },
    },
    async (request, reply) => {
      const row = await checkIns.addEvidence(request.ctx, request.params.id, request.body);
      // The author added it, and may download it.
      return reply.status(201).send(row ? presentEvidence(row, true) : null);
    },
  );

  app.get(
    "/api/evidence/:id/file",
    {
      config: { policy: "followup.evidence.read" },
      schema: {
        operationId: "downloadEvidenceFile",
        tags,
        summary: "Tải tệp minh chứng / Download an evidence file",
        params: IdParams,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        ...(await checkIns.evidenceFile(request.ctx, request.params.id)),
        fallbackName: "minh-chung",
      }),
  );

  app.get(
    "/api/tasks/:id/directions",
    {
      config: { policy: "followup.read" },
      schema: {
        operationId: "listTaskDirections",
        tags,
        summary: "Ý kiến chỉ đạo / Directions",
        params: IdParams,
        response: { 200: z.object({ items: z.array(DirectionSchema) }) },
      },
    },
    async (request) => ({ items: await followUp.directions(request.ctx, request.params.id) }),
  );

  app.post(
    "/api/tasks/:id/directions",
    {
      config: { policy: "followup.direct" },
      schema: {
        operationId: "addTaskDirection",
        tags,
        summary: "Cho ý kiến chỉ đạo / Add a direction",
        params: IdParams,
        body: DirectionBody,
        response: { 201: DirectionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await followUp.addDirection(request.ctx, request.params.id, request.body)),
  );

  app.get(
    "/api/tasks/:id/due-dates",
    {
      config: { policy: "followup.read" },
      schema: {
        operationId: "listTaskDueDates",
        tags,
        summary: "Thời hạn đã ghi nhận / Recorded due dates",
        params: IdParams,
        response: { 200: z.object({ items: z.array(RecordedDueDateSchema) }) },
      },
    },
    async (request) => ({ items: await followUp.dueDates(request.ctx, request.params.id) }),
  );

  app.get(
    "/api/due-dates/:id/file",
    {
      config: { policy: "followup.read" },
      schema: {
        operationId: "downloadDueDateDocument",
        tags,
        summary: "Tải văn bản chỉ đạo / Download the directive document",
        params: IdParams,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await followUp.dueDateFile(request.ctx, request.params.id)),
  );

  app.post(
    "/api/tasks/:id/due-date",
    {
      config: { policy: "followup.confirm" },
      bodyLimit: uploadBodyLimit,
      schema: {
        operationId: "recordTaskDueDate",
        tags,
        summary: "Ghi nhận thời hạn / Record a due date",
        params: IdParams,
        body: DueDateBody,
        response: { 201: RecordedDueDateSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await followUp.recordDueDate(request.ctx, request.params.id, request.body)),
  );

  app.get(
    "/api/holidays",
    {
      config: { policy: "followup.read" },
      schema: {
        operationId: "listHolidays",
        tags,
        summary: "Lịch nghỉ / Holidays",
        response: { 200: z.object({ items: z.array(HolidaySchema) }) },
      },
    },
    async (request) => ({ items: await followUp.holidays(request.ctx) }),
  );

  app.post(
    "/api/holidays",
    {
      config: { policy: "calendar.manage" },
      schema: {
        operationId: "addHoliday",
        tags,
        summary: "Thêm ngày nghỉ / Add a holiday",
        body: HolidayBody,
        response: { 201: HolidaySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await followUp.addHoliday(request.ctx, request.body)),
  );

  app.delete(
    "/api/holidays/:id",
    {
      config: { policy: "calendar.manage" },
      schema: {
        operationId: "deleteHoliday",
        tags,
        summary: "Xoá ngày nghỉ / Delete a holiday",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await followUp.deleteHoliday(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
