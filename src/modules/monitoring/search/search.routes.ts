/** Search, syntax help, saved searches (with their alert settings and recent alert events). */
import { z } from "zod";
import { PageQuery, pageOf } from "../../../platform/http/pagination.js";
import type { App } from "../../../platform/http/types.js";
import { IdParams } from "../monitoring.schemas.js";
import { QUERY_SYNTAX_HELP } from "./query-parser.js";
import {
  ItemPageSchema,
  SavedSearchBody,
  SavedSearchDetailSchema,
  SavedSearchSchema,
  SearchPageSchema,
  SearchQuery,
  SearchSyntaxSchema,
  UpdateSavedSearchBody,
} from "./search.schemas.js";
import { presentSavedSearch, type SearchService } from "./search.service.js";

const read = { policy: "monitoring.read" } as const;
const tags = ["monitoring"];

export function registerSearchRoutes(app: App, searches: SearchService) {
  app.get(
    "/api/monitoring/search",
    {
      config: read,
      schema: {
        operationId: "searchItems",
        tags,
        summary: "Tìm kiếm / Search",
        querystring: SearchQuery,
        response: { 200: SearchPageSchema },
      },
    },
    async (req) => {
      const r = await searches.search(req.ctx, req.query.q, req.query);
      return { ...pageOf(r.items, r.total, req.query), isTotalExact: r.isTotalExact, filters: r.filters };
    },
  );
  app.get(
    "/api/monitoring/search/syntax",
    {
      config: read,
      schema: {
        operationId: "getSearchSyntax",
        tags,
        summary: "Cú pháp tìm kiếm / Search syntax",
        response: { 200: SearchSyntaxSchema },
      },
    },
    async () => ({
      rules: [...QUERY_SYNTAX_HELP],
    }),
  );
  app.get(
    "/api/monitoring/saved-searches",
    {
      config: read,
      schema: {
        operationId: "listSavedSearches",
        tags,
        summary: "Tìm kiếm đã lưu / Saved searches",
        response: { 200: z.array(SavedSearchSchema) },
      },
    },
    async (req) => (await searches.listSaved(req.ctx)).map(presentSavedSearch),
  );
  app.post(
    "/api/monitoring/saved-searches",
    {
      config: read,
      schema: {
        operationId: "createSavedSearch",
        tags,
        summary: "Lưu tìm kiếm và cảnh báo / Save search and alerts",
        body: SavedSearchBody,
        response: { 201: SavedSearchSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentSavedSearch(await searches.createSaved(req.ctx, req.body))),
  );
  app.get(
    "/api/monitoring/saved-searches/:id",
    {
      config: read,
      schema: {
        operationId: "getSavedSearch",
        tags,
        summary: "Tìm kiếm đã lưu / Saved search",
        params: IdParams,
        response: { 200: SavedSearchDetailSchema },
      },
    },
    async (req) => {
      const { row, events } = await searches.getSaved(req.ctx, req.params.id);
      return {
        ...presentSavedSearch(row),
        events: events.map((e) => ({
          id: e.id,
          kind: e.kind,
          count: e.count,
          itemIds: JSON.parse(e.item_ids_json) as string[],
          createdAt: e.created_at,
        })),
      };
    },
  );
  app.patch(
    "/api/monitoring/saved-searches/:id",
    {
      config: read,
      schema: {
        operationId: "updateSavedSearch",
        tags,
        summary: "Sửa tìm kiếm đã lưu / Update saved search",
        params: IdParams,
        body: UpdateSavedSearchBody,
        response: { 200: SavedSearchSchema },
      },
    },
    async (req) => presentSavedSearch(await searches.updateSaved(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    "/api/monitoring/saved-searches/:id",
    {
      config: read,
      schema: {
        operationId: "deleteSavedSearch",
        tags,
        summary: "Xoá tìm kiếm đã lưu / Delete saved search",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await searches.removeSaved(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/api/monitoring/saved-searches/:id/results",
    {
      config: read,
      schema: {
        operationId: "listSavedSearchResults",
        tags,
        summary: "Kết quả / Results",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: ItemPageSchema },
      },
    },
    async (req) => {
      const r = await searches.runSaved(req.ctx, req.params.id, req.query);
      return { ...pageOf(r.items, r.total, req.query), isTotalExact: r.isTotalExact };
    },
  );
}
