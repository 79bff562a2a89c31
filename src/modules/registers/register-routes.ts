/**
 * The routes every entry register with an import and row-level editing has the same way (budget
 * proposals, visual installations): export the filtered list (XLSX, CSV), import a workbook, create,
 * read, edit and delete an entry. Each register passes its schemas, names and service; its other routes
 * (list, totals, documents, photos) stay in its own routes file.
 */
import type { FastifyTypeProviderDefault } from "fastify";
import { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { App } from "../../platform/http/types.js";
import type { Permission } from "../../platform/policy/policy.js";

/** Operation ids and summaries (vi / en) of the six routes. */
interface Operation {
  id: string;
  summary: string;
}

export function registerEntryRoutes<
  Row,
  Filter extends object,
  CreateIn,
  UpdateIn,
  ImportOut,
  DetailOut,
  EntryOut,
>(
  app: App,
  spec: {
    /** e.g. "/api/budget-items" */
    path: string;
    tags: string[];
    policy: { read: Permission; manage: Permission; edit: Permission };
    operations: Record<"export" | "import" | "create" | "get" | "update" | "delete", Operation>;
    schemas: {
      params: z.ZodType<{ id: string }>;
      exportQuery: z.ZodType<Filter & { format: "xlsx" | "csv" }>;
      importBody: z.ZodType<{ contentBase64: string }>;
      importResult: z.ZodType<ImportOut>;
      create: z.ZodType<CreateIn>;
      update: z.ZodType<UpdateIn>;
      entry: z.ZodType<EntryOut>;
      detail: z.ZodType<DetailOut>;
    };
    service: {
      all(ctx: RequestContext, filter: Filter): Promise<Row[]>;
      importWorkbook(ctx: RequestContext, upload: { contentBase64: string }): Promise<ImportOut>;
      create(ctx: RequestContext, input: CreateIn): Promise<Row>;
      get(ctx: RequestContext, id: string): Promise<DetailOut>;
      update(ctx: RequestContext, id: string, input: UpdateIn): Promise<Row>;
      remove(ctx: RequestContext, id: string): Promise<void>;
    };
    present(row: Row): EntryOut;
    exportFile(rows: Row[], format: "xlsx" | "csv"): Promise<{ contentType: string; body: string | Buffer }>;
    /** The downloaded file's name without its extension, e.g. "kinh-phi". */
    exportName: string;
  },
): void {
  // The schemas still validate and serialise (the app's Zod compilers); the handlers' types come from
  // this function's parameters, as a generic schema's inferred types stay unresolved inside it (hence
  // the casts of what the schemas have already validated).
  const routes = app.withTypeProvider<FastifyTypeProviderDefault>();
  const { path, tags, schemas, service, operations: op } = spec;
  const read = { policy: spec.policy.read };
  const manage = { policy: spec.policy.manage };
  /** Row-level: the secretariat, or a lead of a task the entry is attached to (checked by the service). */
  const edit = { policy: spec.policy.edit };

  routes.get<{ Querystring: Filter & { format: "xlsx" | "csv" } }>(
    `${path}/export`,
    {
      config: read,
      schema: {
        operationId: op.export.id,
        tags,
        summary: op.export.summary,
        querystring: schemas.exportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query as Filter & { format: "xlsx" | "csv" };
      const file = await spec.exportFile(await service.all(request.ctx, filter as Filter), format);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${spec.exportName}.${format}"`)
        .send(file.body);
    },
  );

  routes.post<{ Body: { contentBase64: string } }>(
    `${path}/import`,
    {
      config: manage,
      schema: {
        operationId: op.import.id,
        tags,
        summary: op.import.summary,
        body: schemas.importBody,
        response: { 200: schemas.importResult },
      },
    },
    async (request) => service.importWorkbook(request.ctx, request.body),
  );

  routes.post<{ Body: CreateIn }>(
    path,
    {
      config: manage,
      schema: {
        operationId: op.create.id,
        tags,
        summary: op.create.summary,
        body: schemas.create,
        response: { 201: schemas.entry },
      },
    },
    async (request, reply) =>
      reply.status(201).send(spec.present(await service.create(request.ctx, request.body as CreateIn))),
  );

  routes.get<{ Params: { id: string } }>(
    `${path}/:id`,
    {
      config: read,
      schema: {
        operationId: op.get.id,
        tags,
        summary: op.get.summary,
        params: schemas.params,
        response: { 200: schemas.detail },
      },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  routes.patch<{ Params: { id: string }; Body: UpdateIn }>(
    `${path}/:id`,
    {
      config: edit,
      schema: {
        operationId: op.update.id,
        tags,
        summary: op.update.summary,
        params: schemas.params,
        body: schemas.update,
        response: { 200: schemas.entry },
      },
    },
    async (request) =>
      spec.present(await service.update(request.ctx, request.params.id, request.body as UpdateIn)),
  );

  routes.delete<{ Params: { id: string } }>(
    `${path}/:id`,
    {
      config: manage,
      schema: {
        operationId: op.delete.id,
        tags,
        summary: op.delete.summary,
        params: schemas.params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
