/** Programmes API: documents, tasks, who-does-what matrix, timeline, citation registry, source file. */
import { sendStoredFile } from "../../platform/files/download.js";
import { pageOf } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import { PageSchema } from "../../shared/api/pagination.js";
import { presentCitation, presentProgramme, presentSection, presentTask } from "./programmes.presenter.js";
import {
  CitationEntrySchema,
  CitationQuery,
  IdParams,
  MatrixSchema,
  ProgrammeDetailSchema,
  ProgrammeQuery,
  ProgrammeSchema,
  TaskDetailSchema,
  TaskQuery,
  TaskSchema,
  TimelineQuery,
  TimelineSchema,
} from "./programmes.schemas.js";
import type { ProgrammesService } from "./programmes.service.js";

const read = { policy: "programme.read" } as const;
const tags = ["programmes"];

export function registerProgrammesRoutes(app: App, deps: { programmes: ProgrammesService }) {
  const { programmes } = deps;

  app.get(
    "/api/programmes",
    {
      config: read,
      schema: {
        operationId: "listProgrammes",
        tags,
        summary: "Chương trình công tác / Programmes",
        querystring: ProgrammeQuery,
        response: { 200: PageSchema(ProgrammeSchema) },
      },
    },
    async (request) => {
      const { rows, total } = await programmes.list(request.ctx, request.query);
      return pageOf(rows.map(presentProgramme), total, request.query);
    },
  );

  app.get(
    "/api/programmes/:id",
    {
      config: read,
      schema: {
        operationId: "getProgramme",
        tags,
        summary: "Chi tiết chương trình / Programme",
        params: IdParams,
        response: { 200: ProgrammeDetailSchema },
      },
    },
    async (request) => {
      const { programme, sections, counts, versions, removedTasks } = await programmes.get(
        request.ctx,
        request.params.id,
      );
      return {
        ...presentProgramme(programme),
        effectiveFrom: programme.effective_from,
        removedTasks,
        sections: sections.map(presentSection),
        counts: { tasks: Object.values(counts.bySection).reduce((a, b) => a + b, 0), ...counts },
        versions: versions.map((v) => ({
          id: v.id,
          version: v.version,
          status: v.status,
          createdAt: v.created_at,
        })),
      };
    },
  );

  app.get(
    "/api/programmes/:id/tasks",
    {
      config: read,
      schema: {
        operationId: "listTasks",
        tags,
        summary: "Nhiệm vụ / Tasks of a programme",
        params: IdParams,
        querystring: TaskQuery,
        response: { 200: PageSchema(TaskSchema) },
      },
    },
    async (request) => {
      const { rows, parties, total } = await programmes.tasks(request.ctx, request.params.id, request.query);
      return pageOf(
        rows.map((t) => presentTask(t, parties)),
        total,
        request.query,
      );
    },
  );

  app.get(
    "/api/programmes/:id/matrix",
    {
      config: read,
      schema: {
        operationId: "getResponsibilityMatrix",
        tags,
        summary: "Ai làm gì / Who does what",
        params: IdParams,
        response: { 200: MatrixSchema },
      },
    },
    async (request) => programmes.matrix(request.ctx, request.params.id),
  );

  app.get(
    "/api/programmes/:id/timeline",
    {
      config: read,
      schema: {
        operationId: "getProgrammeTimeline",
        tags,
        summary: "Tiến độ theo quý / Timeline by quarter",
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: TimelineSchema },
      },
    },
    async (request) => programmes.timeline(request.ctx, request.params.id, request.query.year),
  );

  app.get(
    "/api/programmes/:id/source",
    {
      config: read,
      schema: {
        operationId: "downloadProgrammeSource",
        tags,
        summary: "Tải văn bản gốc / Download the source document",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { file, bytes } = await programmes.source(request.ctx, request.params.id);
      return sendStoredFile(reply, file, bytes);
    },
  );

  app.get(
    "/api/tasks/:id",
    {
      config: read,
      schema: {
        operationId: "getTask",
        tags,
        summary: "Chi tiết nhiệm vụ / Task",
        params: IdParams,
        response: { 200: TaskDetailSchema },
      },
    },
    async (request) => {
      const { task, programme, parties, citations } = await programmes.task(request.ctx, request.params.id);
      return {
        ...presentTask(task, parties),
        programme: {
          id: programme.id,
          number: programme.number,
          title: programme.title,
          version: programme.version,
        },
        citations: citations.map((c) => ({
          id: c.id,
          kind: c.kind,
          number: c.number,
          date: c.issued_on,
          issuer: c.issuer,
          text: c.text,
        })),
      };
    },
  );

  app.get(
    "/api/citations",
    {
      config: read,
      schema: {
        operationId: "listCitations",
        tags,
        summary: "Văn bản được trích dẫn / Citation registry",
        querystring: CitationQuery,
        response: { 200: PageSchema(CitationEntrySchema) },
      },
    },
    async (request) => {
      const { rows, links, total } = await programmes.citations(request.ctx, request.query);
      return pageOf(
        rows.map((c) => presentCitation(c, links)),
        total,
        request.query,
      );
    },
  );
}
