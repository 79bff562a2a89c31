/** Import workflow routes: upload → draft → review → commit / discard. Parse → service → presenter. */
import { z } from "zod";
import { sendStoredFile } from "../../platform/files/download.js";
import { PageSchema, pageOf } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import { presentCommit, presentDraft, presentDraftSummary } from "./import.presenter.js";
import {
  CommitResultSchema,
  type CreateImportBody,
  CreateImportBody as CreateImportBodySchema,
  DraftListQuery,
  DraftParams,
  DraftSchema,
  DraftSummarySchema,
  UpdateImportBody,
} from "./import.schemas.js";
import type { ImportService, UploadInput } from "./import.service.js";
import { draftErrors } from "./import-draft.errors.js";

const policy = { policy: "programme.import" } as const;
const tags = ["import"];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes the body into bytes and a name; pasted text becomes a UTF-8 text file. */
function toUpload(body: CreateImportBody): UploadInput {
  if ("text" in body) return { filename: "van-ban-dan.txt", bytes: Buffer.from(body.text, "utf8") };
  const compact = body.contentBase64.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw draftErrors.invalidBase64();
  return { filename: body.filename, bytes: Buffer.from(compact, "base64") };
}

export function registerImportRoutes(app: App, deps: { imports: ImportService; uploadLimit: number }) {
  const { imports } = deps;
  // Base64 grows the file by 4/3; leave room for the JSON around it.
  const bodyLimit = Math.ceil(deps.uploadLimit / 3) * 4 + 64 * 1024;

  app.post(
    "/api/imports",
    {
      config: policy,
      bodyLimit,
      schema: {
        operationId: "uploadImport",
        tags,
        summary: "Nhập chương trình công tác (bản nháp) / Upload a programme for review",
        body: CreateImportBodySchema,
        response: { 201: DraftSchema },
      },
    },
    async (request, reply) => {
      const draft = await imports.create(request.ctx, toUpload(request.body));
      return reply.status(201).send(presentDraft(draft));
    },
  );

  app.get(
    "/api/imports",
    {
      config: policy,
      schema: {
        operationId: "listImportDrafts",
        tags,
        summary: "Bản nháp chờ duyệt / Drafts waiting for review",
        querystring: DraftListQuery,
        response: { 200: PageSchema(DraftSummarySchema) },
      },
    },
    async (request) => {
      const { rows, total } = await imports.list(request.ctx, request.query);
      return pageOf(rows.map(presentDraftSummary), total, request.query);
    },
  );

  app.get(
    "/api/imports/:id",
    {
      config: policy,
      schema: {
        operationId: "getImportDraft",
        tags,
        summary: "Bản nháp nhập / Import draft",
        params: DraftParams,
        response: { 200: DraftSchema },
      },
    },
    async (request) => presentDraft(await imports.get(request.ctx, request.params.id)),
  );

  app.patch(
    "/api/imports/:id",
    {
      config: policy,
      bodyLimit,
      schema: {
        operationId: "reviewImportDraft",
        tags,
        summary: "Rà soát, sửa bản nháp / Review and correct a draft",
        params: DraftParams,
        body: UpdateImportBody,
        response: { 200: DraftSchema },
      },
    },
    async (request) => presentDraft(await imports.update(request.ctx, request.params.id, request.body)),
  );

  app.post(
    "/api/imports/:id/commit",
    {
      config: policy,
      schema: {
        operationId: "commitImportDraft",
        tags,
        summary: "Lưu chương trình / Commit the programme",
        params: DraftParams,
        response: { 201: CommitResultSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentCommit(await imports.commit(request.ctx, request.params.id))),
  );

  app.delete(
    "/api/imports/:id",
    {
      config: policy,
      schema: {
        operationId: "discardImportDraft",
        tags,
        summary: "Hủy bản nháp / Discard a draft",
        params: DraftParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await imports.discard(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/imports/:id/source",
    {
      config: policy,
      schema: {
        operationId: "downloadImportSource",
        tags,
        summary: "Tải tệp gốc / Download the source document",
        params: DraftParams,
      },
    },
    async (request, reply) => {
      const { file, bytes } = await imports.source(request.ctx, request.params.id);
      return sendStoredFile(reply, file, bytes);
    },
  );
}
