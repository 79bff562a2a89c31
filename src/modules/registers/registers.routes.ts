/** Register entries attached to tasks as evidence: list, attach, detach, and the picker's search. */
import { z } from "zod";
import type { App } from "../../platform/http/types.js";
import {
  EntrySearchQuery,
  KindParams,
  LinkRecordBody,
  RecordParams,
  RecordTaskListSchema,
  RegisterEntryListSchema,
  RegisterKindListSchema,
  TaskLinkParams,
  TaskParams,
  TaskRecordListSchema,
  TaskRecordSchema,
} from "../../shared/api/registers.js";
import type { RegistersService } from "./registers.service.js";

const read = { policy: "followup.read" } as const;
const link = { policy: "registers.link" } as const;
const tags = ["registers"];

export function registerRegistersRoutes(app: App, deps: { registers: RegistersService }) {
  const { registers } = deps;

  app.get(
    "/api/registers",
    {
      config: read,
      schema: {
        operationId: "listRegisterKinds",
        tags,
        summary: "Các sổ theo dõi / Registers installed",
        response: { 200: RegisterKindListSchema },
      },
    },
    async (request) => ({ items: registers.kinds(request.ctx) }),
  );

  app.get(
    "/api/registers/:kind/entries",
    {
      config: link,
      schema: {
        operationId: "searchRegisterEntries",
        tags,
        summary: "Tìm mục trong một sổ để gắn với nhiệm vụ / Search a register's entries to attach",
        params: KindParams,
        querystring: EntrySearchQuery,
        response: { 200: RegisterEntryListSchema },
      },
    },
    async (request) => ({
      items: await registers.searchEntries(request.ctx, request.params.kind, request.query.q ?? ""),
    }),
  );

  app.get(
    "/api/tasks/:taskId/records",
    {
      config: read,
      schema: {
        operationId: "listTaskRecords",
        tags,
        summary: "Hồ sơ, sản phẩm gắn với nhiệm vụ / Register entries attached to a task",
        params: TaskParams,
        response: { 200: TaskRecordListSchema },
      },
    },
    async (request) => registers.ofTask(request.ctx, request.params.taskId),
  );

  app.post(
    "/api/tasks/:taskId/records",
    {
      config: link,
      schema: {
        operationId: "linkTaskRecord",
        tags,
        summary: "Gắn một mục làm minh chứng cho nhiệm vụ / Attach an entry to a task",
        params: TaskParams,
        body: LinkRecordBody,
        response: { 201: TaskRecordSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registers.link(request.ctx, request.params.taskId, request.body)),
  );

  app.delete(
    "/api/tasks/:taskId/records/:linkId",
    {
      config: link,
      schema: {
        operationId: "unlinkTaskRecord",
        tags,
        summary: "Bỏ gắn mục khỏi nhiệm vụ / Detach an entry from a task",
        params: TaskLinkParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await registers.unlink(request.ctx, request.params.taskId, request.params.linkId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/records/:kind/:recordId/tasks",
    {
      config: read,
      schema: {
        operationId: "listRecordTasks",
        tags,
        summary: "Nhiệm vụ mà một mục được gắn làm minh chứng / Tasks an entry is attached to",
        params: RecordParams,
        response: { 200: RecordTaskListSchema },
      },
    },
    async (request) => ({
      items: await registers.tasksOf(request.ctx, request.params.kind, request.params.recordId),
    }),
  );
}
