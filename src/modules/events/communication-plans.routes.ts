/** Communication plans API: an event's plan items, every plan item (filters, export), a task's milestones. */
import { z } from "zod";
import type { App } from "../../platform/http/types.js";
import {
  CreatePlanItemBody,
  IdParams,
  PlanImportBody,
  PlanImportResultSchema,
  PlanItemExportQuery,
  PlanItemListSchema,
  PlanItemParams,
  PlanItemQuery,
  PlanItemSchema,
  TaskIdParams,
  UpdatePlanItemBody,
} from "../../shared/api/events.js";
import { exportPlanItems } from "./communication-plans.export.js";
import { type CommunicationPlansService, presentPlanItem } from "./communication-plans.service.js";

const read = { policy: "events.read" } as const;
const manage = { policy: "events.manage" } as const;
const tags = ["events"];

export function registerCommunicationPlanRoutes(app: App, deps: { plans: CommunicationPlansService }) {
  const { plans } = deps;

  app.get(
    "/api/events/:id/plan",
    {
      config: read,
      schema: {
        operationId: "listEventPlanItems",
        tags,
        summary: "Kế hoạch truyền thông của sự kiện / An event's communication plan",
        params: IdParams,
        response: { 200: PlanItemListSchema },
      },
    },
    async (request) => ({
      items: (await plans.listForEvent(request.ctx, request.params.id)).map(presentPlanItem),
    }),
  );

  app.post(
    "/api/events/:id/plan",
    {
      config: manage,
      schema: {
        operationId: "createEventPlanItem",
        tags,
        summary: "Thêm mục kế hoạch truyền thông / Add a plan item",
        params: IdParams,
        body: CreatePlanItemBody,
        response: { 201: PlanItemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentPlanItem(await plans.create(request.ctx, request.params.id, request.body))),
  );

  app.post(
    "/api/events/:id/plan/import",
    {
      config: manage,
      schema: {
        operationId: "importEventPlanItems",
        tags,
        summary: "Nhập kế hoạch truyền thông từ tệp Excel / Import plan items from XLSX",
        params: IdParams,
        body: PlanImportBody,
        response: { 200: PlanImportResultSchema },
      },
    },
    async (request) => plans.importWorkbook(request.ctx, request.params.id, request.body),
  );

  app.patch(
    "/api/events/:id/plan/:itemId",
    {
      config: manage,
      schema: {
        operationId: "updateEventPlanItem",
        tags,
        summary: "Sửa mục kế hoạch truyền thông / Update a plan item",
        params: PlanItemParams,
        body: UpdatePlanItemBody,
        response: { 200: PlanItemSchema },
      },
    },
    async (request) =>
      presentPlanItem(
        await plans.update(request.ctx, request.params.id, request.params.itemId, request.body),
      ),
  );

  app.delete(
    "/api/events/:id/plan/:itemId",
    {
      config: manage,
      schema: {
        operationId: "deleteEventPlanItem",
        tags,
        summary: "Xoá mục kế hoạch truyền thông / Delete a plan item",
        params: PlanItemParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await plans.remove(request.ctx, request.params.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/event-plan-items",
    {
      config: read,
      schema: {
        operationId: "listEventPlanItemsAcrossEvents",
        tags,
        summary: "Các mục kế hoạch truyền thông / Plan items of every event",
        querystring: PlanItemQuery,
        response: { 200: PlanItemListSchema },
      },
    },
    async (request) => ({ items: (await plans.list(request.ctx, request.query)).map(presentPlanItem) }),
  );

  app.get(
    "/api/event-plan-items/export",
    {
      config: read,
      schema: {
        operationId: "exportEventPlanItems",
        tags,
        summary: "Xuất kế hoạch truyền thông (XLSX, CSV) / Export plan items",
        querystring: PlanItemExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportPlanItems(await plans.list(request.ctx, filter), format);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="ke-hoach-truyen-thong.${format}"`)
        .send(file.body);
    },
  );

  app.get(
    "/api/tasks/:taskId/plan-milestones",
    {
      config: { policy: "followup.read" },
      schema: {
        operationId: "listTaskPlanMilestones",
        tags,
        summary: "Mốc kế hoạch truyền thông của nhiệm vụ / A task's communication-plan milestones",
        params: TaskIdParams,
        response: { 200: PlanItemListSchema },
      },
    },
    async (request) => ({
      items: (await plans.milestonesOfTask(request.ctx, request.params.taskId)).map(presentPlanItem),
    }),
  );
}
