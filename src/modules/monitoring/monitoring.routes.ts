/** Monitoring API: sources (+ health, OPML, poll now), manual entries, items, labels, stories, dictionaries. */
import { z } from "zod";
import { PageQuery, PageSchema, pageOf } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import { registerCasesRoutes } from "./cases/cases.routes.js";
import type { Monitoring } from "./monitoring.module.js";
import { presentSource, presentStory } from "./monitoring.presenter.js";
import {
  CorrectLabelBody,
  CreateSourceBody,
  DictionaryBody,
  DictionaryParams,
  DictionarySchema,
  IdParams,
  ItemDetailSchema,
  ItemPageSchema,
  ItemQuery,
  LabelCorrectionEntrySchema,
  ManualItemBody,
  ManualItemDuplicateSchema,
  OpmlImportBody,
  OpmlImportResultSchema,
  PollResultSchema,
  SourceQuery,
  SourceSchema,
  StoryDetailSchema,
  StoryQuery,
  StorySchema,
  UpdateSourceBody,
} from "./monitoring.schemas.js";
import { registerSearchRoutes } from "./search/search.routes.js";
import { registerStatsRoutes } from "./stats/stats.routes.js";

const read = { policy: "monitoring.read" } as const;
const manage = { policy: "monitoring.manage" } as const;
const tags = ["monitoring"];

export function registerMonitoringRoutes(app: App, m: Monitoring) {
  app.get(
    "/api/monitoring/sources",
    {
      config: read,
      schema: {
        operationId: "listSources",
        tags,
        summary: "Nguồn tin / Sources",
        querystring: SourceQuery,
        response: { 200: PageSchema(SourceSchema) },
      },
    },
    async (req) => {
      const { rows, total } = await m.sources.list(req.ctx, req.query);
      return pageOf(rows.map(presentSource), total, req.query);
    },
  );
  app.post(
    "/api/monitoring/sources",
    {
      config: manage,
      schema: {
        operationId: "createSource",
        tags,
        summary: "Thêm nguồn / Create source",
        body: CreateSourceBody,
        response: { 201: SourceSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentSource(await m.sources.create(req.ctx, req.body))),
  );
  app.get(
    "/api/monitoring/sources/opml",
    { config: read, schema: { operationId: "exportSourcesOpml", tags, summary: "Xuất OPML / Export OPML" } },
    async (req, reply) =>
      reply
        .type("text/x-opml; charset=utf-8")
        .header("content-disposition", 'attachment; filename="haidang-sources.opml"')
        .send(await m.sources.exportOpml(req.ctx)),
  );
  app.post(
    "/api/monitoring/sources/opml",
    {
      config: manage,
      schema: {
        operationId: "importSourcesOpml",
        tags,
        summary: "Nhập OPML / Import OPML",
        body: OpmlImportBody,
        response: { 200: OpmlImportResultSchema },
      },
    },
    async (req) => ({
      results: await m.sources.importOpml(req.ctx, req.body),
    }),
  );
  app.get(
    "/api/monitoring/sources/:id",
    {
      config: read,
      schema: {
        operationId: "getSource",
        tags,
        summary: "Nguồn tin và tình trạng / Source and health",
        params: IdParams,
        response: { 200: SourceSchema },
      },
    },
    async (req) => presentSource(await m.sources.get(req.ctx, req.params.id)),
  );
  app.patch(
    "/api/monitoring/sources/:id",
    {
      config: manage,
      schema: {
        operationId: "updateSource",
        tags,
        summary: "Sửa nguồn / Update source",
        params: IdParams,
        body: UpdateSourceBody,
        response: { 200: SourceSchema },
      },
    },
    async (req) => presentSource(await m.sources.update(req.ctx, req.params.id, req.body)),
  );
  app.post(
    "/api/monitoring/sources/:id/poll",
    {
      config: manage,
      schema: {
        operationId: "pollSource",
        tags,
        summary: "Thu thập ngay / Poll now",
        params: IdParams,
        response: { 200: PollResultSchema },
      },
    },
    async (req) => m.sources.pollNow(req.ctx, req.params.id),
  );

  app.post(
    "/api/monitoring/items/manual",
    {
      config: manage,
      schema: {
        operationId: "createManualItem",
        tags,
        summary: "Nhập tin thủ công / Manual entry",
        body: ManualItemBody,
        response: { 200: ManualItemDuplicateSchema, 201: ItemDetailSchema },
      },
    },
    async (req, reply) => {
      const { id, isDuplicate } = await m.sources.addManualItem(req.ctx, req.body);
      if (!id) return reply.status(200).send({ id: null, isDuplicate });
      return reply.status(201).send(await m.items.get(req.ctx, id));
    },
  );
  app.get(
    "/api/monitoring/items",
    {
      config: read,
      schema: {
        operationId: "listItems",
        tags,
        summary: "Dòng tin / Items feed",
        querystring: ItemQuery,
        response: { 200: ItemPageSchema },
      },
    },
    async (req) => {
      const { items, total, isTotalExact } = await m.items.list(req.ctx, req.query);
      return { ...pageOf(items, total, req.query), isTotalExact };
    },
  );
  app.get(
    "/api/monitoring/items/:id",
    {
      config: read,
      schema: {
        operationId: "getItem",
        tags,
        summary: "Tin bài, nhãn và lý do / Item, labels and why",
        params: IdParams,
        response: { 200: ItemDetailSchema },
      },
    },
    async (req) => m.items.get(req.ctx, req.params.id),
  );
  app.post(
    "/api/monitoring/items/:id/labels",
    {
      config: manage,
      schema: {
        operationId: "correctItemLabels",
        tags,
        summary: "Sửa nhãn tự động / Correct labels",
        params: IdParams,
        body: CorrectLabelBody,
        response: { 200: ItemDetailSchema },
      },
    },
    async (req) => m.items.correct(req.ctx, req.params.id, req.body),
  );
  app.get(
    "/api/monitoring/label-corrections",
    {
      config: manage,
      schema: {
        operationId: "listLabelCorrections",
        tags,
        summary: "Các lần sửa nhãn (dữ liệu huấn luyện) / Label corrections",
        querystring: PageQuery,
        response: { 200: z.array(LabelCorrectionEntrySchema) },
      },
    },
    async (req) => {
      const rows = await m.items.corrections(req.ctx, req.query.pageSize);
      return rows.map((c) => ({
        id: c.id,
        itemId: c.item_id,
        field: c.field,
        before: JSON.parse(c.before_json) as unknown,
        after: JSON.parse(c.after_json) as unknown,
        note: c.note,
        correctedBy: c.corrected_by,
        correctedAt: c.corrected_at,
      }));
    },
  );

  app.get(
    "/api/monitoring/stories",
    {
      config: read,
      schema: {
        operationId: "listStories",
        tags,
        summary: "Sự kiện (nhóm tin trùng lặp) / Stories",
        querystring: StoryQuery,
        response: { 200: PageSchema(StorySchema) },
      },
    },
    async (req) => {
      const { rows, total } = await m.items.listStories(req.ctx, req.query);
      return pageOf(rows.map(presentStory), total, req.query);
    },
  );
  app.get(
    "/api/monitoring/stories/:id",
    {
      config: read,
      schema: {
        operationId: "getStory",
        tags,
        summary: "Sự kiện / Story",
        params: IdParams,
        response: { 200: StoryDetailSchema },
      },
    },
    async (req) => {
      const { story, items } = await m.items.getStory(req.ctx, req.params.id);
      return { ...presentStory(story), items };
    },
  );

  app.get(
    "/api/monitoring/dictionaries/:kind",
    {
      config: read,
      schema: {
        operationId: "getDictionary",
        tags,
        summary: "Từ điển phân tích / Analysis dictionary",
        params: DictionaryParams,
        response: { 200: DictionarySchema },
      },
    },
    async (req) => m.items.getDictionary(req.ctx, req.params.kind),
  );
  app.put(
    "/api/monitoring/dictionaries/:kind",
    {
      config: manage,
      schema: {
        operationId: "updateDictionary",
        tags,
        summary: "Sửa từ điển / Update dictionary",
        params: DictionaryParams,
        body: DictionaryBody,
        response: { 200: DictionarySchema },
      },
    },
    async (req) => m.items.updateDictionary(req.ctx, req.params.kind, req.body.data),
  );

  registerSearchRoutes(app, m.searches);
  registerCasesRoutes(app, m.cases);
  registerStatsRoutes(app, m.stats);
}
