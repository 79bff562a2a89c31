/** OCR routes: start an OCR run for a scan, follow it, cancel it; doubtful lines of an OCR draft. */
import type { App } from "../../platform/http/types.js";
import {
  DraftConfidenceSchema,
  OcrRunParams,
  OcrRunSchema,
  StartOcrBody,
} from "../../shared/api/import-ocr.js";
import { draftErrors } from "./import-draft.errors.js";
import { presentDraftConfidence, presentOcrRun } from "./import-ocr.presenter.js";
import type { ImportOcrService } from "./import-ocr.service.js";

const policy = { policy: "programme.import" } as const;
const tags = ["import"];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function registerImportOcrRoutes(app: App, deps: { ocr: ImportOcrService; uploadLimit: number }) {
  const { ocr } = deps;
  const bodyLimit = Math.ceil(deps.uploadLimit / 3) * 4 + 64 * 1024;

  app.post(
    "/api/imports/ocr",
    {
      config: policy,
      bodyLimit,
      schema: {
        operationId: "startImportOcr",
        tags,
        summary: "Nhận dạng chữ bản quét (OCR) / Start OCR of a scanned PDF",
        body: StartOcrBody,
        response: { 202: OcrRunSchema },
      },
    },
    async (request, reply) => {
      const compact = request.body.contentBase64.replace(/\s+/g, "");
      if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw draftErrors.invalidBase64();
      const run = await ocr.start(request.ctx, {
        filename: request.body.filename,
        bytes: Buffer.from(compact, "base64"),
      });
      return reply.status(202).send(presentOcrRun(run));
    },
  );

  app.get(
    "/api/imports/ocr/:id",
    {
      config: policy,
      schema: {
        operationId: "getImportOcrRun",
        tags,
        summary: "Tiến độ nhận dạng chữ / OCR progress",
        params: OcrRunParams,
        response: { 200: OcrRunSchema },
      },
    },
    async (request) => presentOcrRun(await ocr.get(request.ctx, request.params.id)),
  );

  app.post(
    "/api/imports/ocr/:id/cancel",
    {
      config: policy,
      schema: {
        operationId: "cancelImportOcr",
        tags,
        summary: "Dừng nhận dạng chữ / Cancel OCR",
        params: OcrRunParams,
        response: { 200: OcrRunSchema },
      },
    },
    async (request) => presentOcrRun(await ocr.cancel(request.ctx, request.params.id)),
  );

  app.get(
    "/api/imports/:id/ocr-confidence",
    {
      config: policy,
      schema: {
        operationId: "getImportDraftOcrConfidence",
        tags,
        summary: "Dòng nhận dạng chưa chắc chắn / Doubtful OCR lines of a draft",
        params: OcrRunParams,
        response: { 200: DraftConfidenceSchema },
      },
    },
    async (request) => presentDraftConfidence(await ocr.draftConfidence(request.ctx, request.params.id)),
  );
}
