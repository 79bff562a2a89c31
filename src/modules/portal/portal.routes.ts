/** Portal management API (editor side): items, texts per language, workflow, revisions, schedule, categories. */
import type { App } from "../../platform/http/types.js";
import {
  CategoryListSchema,
  CategorySchema,
  CreateCategoryBody,
  CreatePortalItemBody,
  DiffQuery,
  LocalizationBody,
  PortalItemListQuery,
  PortalItemPageSchema,
  PortalItemParams,
  PortalItemSchema,
  PortalLocalizationParams,
  PortalRevisionParams,
  RevisionDiffSchema,
  RevisionListSchema,
  ScheduleBody,
  TransitionBody,
  UpdatePortalItemBody,
} from "../../shared/api/portal.js";
import type { PortalService } from "./portal.service.js";

const tags = ["portal"];
const read = { policy: "portal.read" } as const;
const edit = { policy: "portal.edit" } as const;
// Saving a text needs portal.edit for the source and portal.translate for a translation (checked in the service).
const translate = { policy: "portal.translate" } as const;
// Transitions need the permission of their step (checked in the service): anyone holding one of them
// (translators, reviewers such as leaders, publishers) reaches the route.
const workflow = { policy: "portal.workflow" } as const;
const publish = { policy: "portal.publish" } as const;
const base = "/api/portal/items/:id/localizations/:lang";

export function registerPortalRoutes(app: App, deps: { portal: PortalService }) {
  const { portal } = deps;

  app.get(
    "/api/portal/items",
    {
      config: read,
      schema: {
        operationId: "listPortalItems",
        tags,
        summary: "Danh sách tin, bài theo ngôn ngữ và trạng thái / Portal items by language and state",
        querystring: PortalItemListQuery,
        response: { 200: PortalItemPageSchema },
      },
    },
    async (request) => portal.list(request.ctx, request.query),
  );

  app.post(
    "/api/portal/items",
    {
      config: edit,
      schema: {
        operationId: "createPortalItem",
        tags,
        summary: "Tạo tin, bài (bản tiếng Việt) / Create a portal item with its Vietnamese source",
        body: CreatePortalItemBody,
        response: { 201: PortalItemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await portal.create(request.ctx, request.body)),
  );

  app.get(
    "/api/portal/items/:id",
    {
      config: read,
      schema: {
        operationId: "getPortalItem",
        tags,
        summary: "Tin, bài với mọi bản ngôn ngữ / Portal item with every language",
        params: PortalItemParams,
        response: { 200: PortalItemSchema },
      },
    },
    async (request) => portal.get(request.ctx, request.params.id),
  );

  app.patch(
    "/api/portal/items/:id",
    {
      config: edit,
      schema: {
        operationId: "updatePortalItem",
        tags,
        summary:
          "Sửa thông tin chung (loại, chuyên mục, thẻ, chủ đề, ngôn ngữ dự phòng) / Update item metadata",
        params: PortalItemParams,
        body: UpdatePortalItemBody,
        response: { 200: PortalItemSchema },
      },
    },
    async (request) => portal.update(request.ctx, request.params.id, request.body),
  );

  app.put(
    base,
    {
      config: translate,
      schema: {
        operationId: "savePortalLocalization",
        tags,
        summary: "Lưu bản ngôn ngữ (một phiên bản mới) / Save one language's text as a new revision",
        params: PortalLocalizationParams,
        body: LocalizationBody,
        response: { 200: PortalItemSchema },
      },
    },
    async (request) => portal.save(request.ctx, request.params.id, request.params.lang, request.body),
  );

  app.post(
    `${base}/transition`,
    {
      config: workflow,
      schema: {
        operationId: "transitionPortalLocalization",
        tags,
        summary: "Chuyển trạng thái (dịch, thẩm định, duyệt, đăng) / Move one language through the workflow",
        params: PortalLocalizationParams,
        body: TransitionBody,
        response: { 200: PortalItemSchema },
      },
    },
    async (request) =>
      portal.transition(request.ctx, request.params.id, request.params.lang, request.body.to),
  );

  app.get(
    `${base}/revisions`,
    {
      config: read,
      schema: {
        operationId: "listPortalRevisions",
        tags,
        summary: "Các phiên bản / Revisions of one language",
        params: PortalLocalizationParams,
        response: { 200: RevisionListSchema },
      },
    },
    async (request) => portal.revisions(request.ctx, request.params.id, request.params.lang),
  );

  app.get(
    `${base}/revisions/diff`,
    {
      config: read,
      schema: {
        operationId: "diffPortalRevisions",
        tags,
        summary: "So sánh hai phiên bản / Differences between two revisions",
        params: PortalLocalizationParams,
        querystring: DiffQuery,
        response: { 200: RevisionDiffSchema },
      },
    },
    async (request) =>
      portal.diff(request.ctx, request.params.id, request.params.lang, request.query.from, request.query.to),
  );

  app.post(
    `${base}/revisions/:revision/restore`,
    {
      config: translate,
      schema: {
        operationId: "restorePortalRevision",
        tags,
        summary: "Khôi phục một phiên bản (thành phiên bản mới) / Restore a revision as a new one",
        params: PortalRevisionParams,
        response: { 200: PortalItemSchema },
      },
    },
    async (request) =>
      portal.restore(request.ctx, request.params.id, request.params.lang, request.params.revision),
  );

  app.post(
    `${base}/schedule`,
    {
      config: publish,
      schema: {
        operationId: "schedulePortalLocalization",
        tags,
        summary: "Hẹn giờ đăng, gỡ / Schedule publication and withdrawal",
        params: PortalLocalizationParams,
        body: ScheduleBody,
        response: { 200: PortalItemSchema },
      },
    },
    async (request) => portal.schedule(request.ctx, request.params.id, request.params.lang, request.body),
  );

  app.get(
    "/api/portal/categories",
    {
      config: read,
      schema: {
        operationId: "listPortalCategories",
        tags,
        summary: "Chuyên mục / Categories",
        response: { 200: CategoryListSchema },
      },
    },
    async (request) => portal.categories(request.ctx),
  );

  app.post(
    "/api/portal/categories",
    {
      config: edit,
      schema: {
        operationId: "createPortalCategory",
        tags,
        summary: "Thêm chuyên mục / Create a category",
        body: CreateCategoryBody,
        response: { 201: CategorySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await portal.createCategory(request.ctx, request.body)),
  );
}
