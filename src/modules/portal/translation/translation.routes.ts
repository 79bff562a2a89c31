/** The portal's translation aids: glossary, checks, translation memory, XLIFF exchange. */
import { z } from "zod";
import type { App } from "../../../platform/http/types.js";
import {
  GlossaryListSchema,
  GlossaryParams,
  GlossaryQuery,
  GlossaryTermBody,
  GlossaryTermSchema,
  SuggestionsSchema,
  TranslationChecksSchema,
  TranslationParams,
  UpdateGlossaryTermBody,
  XliffExportQuery,
  XliffImportBody,
  XliffImportQuery,
  XliffImportResultSchema,
} from "../../../shared/api/portal-translation.js";
import type { TranslationService } from "./translation.service.js";

const tags = ["portal"];
const XLIFF_TYPE = "application/xliff+xml; charset=utf-8";
/** An XLIFF upload may be larger than an ordinary JSON body. */
const XLIFF_BODY_LIMIT = 12 * 1024 * 1024;

export function registerTranslationRoutes(app: App, deps: { translation: TranslationService }) {
  const { translation } = deps;

  app.get(
    "/api/portal/glossary",
    {
      config: { policy: "portal.read" },
      schema: {
        operationId: "listGlossaryTerms",
        tags,
        summary: "Bảng thuật ngữ / Glossary",
        querystring: GlossaryQuery,
        response: { 200: GlossaryListSchema },
      },
    },
    async (request) => ({
      items: await translation.glossary(request.ctx, request.query.lang, request.query.q),
    }),
  );

  app.post(
    "/api/portal/glossary",
    {
      config: { policy: "portal.edit" },
      schema: {
        operationId: "createGlossaryTerm",
        tags,
        summary: "Thêm thuật ngữ / Add a glossary term",
        body: GlossaryTermBody,
        response: { 201: GlossaryTermSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await translation.createTerm(request.ctx, request.body)),
  );

  app.patch(
    "/api/portal/glossary/:id",
    {
      config: { policy: "portal.edit" },
      schema: {
        operationId: "updateGlossaryTerm",
        tags,
        summary: "Sửa thuật ngữ / Update a glossary term",
        params: GlossaryParams,
        body: UpdateGlossaryTermBody,
        response: { 200: GlossaryTermSchema },
      },
    },
    async (request) => translation.updateTerm(request.ctx, request.params.id, request.body),
  );

  app.delete(
    "/api/portal/glossary/:id",
    {
      config: { policy: "portal.edit" },
      schema: {
        operationId: "deleteGlossaryTerm",
        tags,
        summary: "Xoá thuật ngữ / Delete a glossary term",
        params: GlossaryParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await translation.deleteTerm(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/portal/items/:id/localizations/:lang/checks",
    {
      config: { policy: "portal.read" },
      schema: {
        operationId: "checkTranslation",
        tags,
        summary: "Kiểm tra bản dịch theo bảng thuật ngữ / Glossary check of a translation",
        params: TranslationParams,
        response: { 200: TranslationChecksSchema },
      },
    },
    async (request) => translation.checks(request.ctx, request.params.id, request.params.lang),
  );

  app.get(
    "/api/portal/items/:id/localizations/:lang/suggestions",
    {
      config: { policy: "portal.read" },
      schema: {
        operationId: "suggestTranslations",
        tags,
        summary: "Gợi ý từ bộ nhớ dịch / Translation-memory suggestions",
        params: TranslationParams,
        response: { 200: SuggestionsSchema },
      },
    },
    async (request) => translation.suggestions(request.ctx, request.params.id, request.params.lang),
  );

  app.get(
    "/api/portal/xliff",
    {
      config: { policy: "portal.translate" },
      schema: {
        operationId: "exportXliff",
        tags,
        summary: "Xuất XLIFF 2.0 để dịch / Export XLIFF 2.0 for translation",
        querystring: XliffExportQuery,
      },
    },
    async (request, reply) => {
      const xml = await translation.exportXliff(request.ctx, request.query.lang, request.query.ids);
      const name =
        request.query.ids.length === 1
          ? `${request.query.ids[0]}-${request.query.lang}.xlf`
          : `cong-ttdn-${request.query.lang}.xlf`;
      return reply.type(XLIFF_TYPE).header("content-disposition", `attachment; filename="${name}"`).send(xml);
    },
  );

  app.post(
    "/api/portal/xliff",
    {
      config: { policy: "portal.translate" },
      bodyLimit: XLIFF_BODY_LIMIT,
      schema: {
        operationId: "importXliff",
        tags,
        summary: "Nhập bản dịch từ tệp XLIFF 2.0 / Import translations from XLIFF 2.0",
        querystring: XliffImportQuery,
        body: XliffImportBody,
        response: { 200: XliffImportResultSchema },
      },
    },
    async (request) => translation.importXliff(request.ctx, request.query.lang, request.body.xliff),
  );

  app.post(
    "/api/portal/items/:id/localizations/:lang/xliff",
    {
      config: { policy: "portal.translate" },
      bodyLimit: XLIFF_BODY_LIMIT,
      schema: {
        operationId: "importItemXliff",
        tags,
        summary: "Nhập bản dịch của một tin, bài từ XLIFF / Import one item's translation from XLIFF",
        params: TranslationParams,
        body: XliffImportBody,
        response: { 200: XliffImportResultSchema },
      },
    },
    async (request) =>
      translation.importXliff(request.ctx, request.params.lang, request.body.xliff, request.params.id),
  );
}
