/** The portal's media library API: upload, list and search, one item, alt text and credit, delete, files. */
import { z } from "zod";
import type { App } from "../../../platform/http/types.js";
import {
  PortalMediaFileParams,
  PortalMediaListQuery,
  PortalMediaPageSchema,
  PortalMediaParams,
  PortalMediaSchema,
  UpdatePortalMediaBody,
  UploadPortalMediaBody,
} from "../../../shared/api/portal-media.js";
import type { MediaService } from "./media.service.js";

const read = { policy: "portal.read" } as const;
const edit = { policy: "portal.edit" } as const;
const tags = ["portal"];

export function registerMediaRoutes(app: App, deps: { media: MediaService; uploadLimit: number }) {
  const { media } = deps;

  app.get(
    "/api/portal/media",
    {
      config: read,
      schema: {
        operationId: "listPortalMedia",
        tags,
        summary: "Thư viện ảnh, tài liệu của Cổng / Portal media library",
        querystring: PortalMediaListQuery,
        response: { 200: PortalMediaPageSchema },
      },
    },
    async (request) => media.list(request.ctx, request.query),
  );

  app.post(
    "/api/portal/media",
    {
      config: edit,
      bodyLimit: Math.ceil((deps.uploadLimit * 4) / 3) + 64 * 1024,
      schema: {
        operationId: "uploadPortalMedia",
        tags,
        summary:
          "Tải lên ảnh (biến thể WebP và định dạng gốc, xoá EXIF) hoặc PDF (ảnh bìa) / Upload an image or a PDF",
        body: UploadPortalMediaBody,
        response: { 201: PortalMediaSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await media.upload(request.ctx, request.body)),
  );

  app.get(
    "/api/portal/media/:id",
    {
      config: read,
      schema: {
        operationId: "getPortalMedia",
        tags,
        summary: "Một ảnh, tài liệu và nơi dùng / One media item and where it is used",
        params: PortalMediaParams,
        response: { 200: PortalMediaSchema },
      },
    },
    async (request) => media.get(request.ctx, request.params.id),
  );

  app.patch(
    "/api/portal/media/:id",
    {
      config: edit,
      schema: {
        operationId: "updatePortalMedia",
        tags,
        summary: "Sửa mô tả ảnh (alt) theo ngôn ngữ, chú thích, nguồn / Edit alt text, caption, credit",
        params: PortalMediaParams,
        body: UpdatePortalMediaBody,
        response: { 200: PortalMediaSchema },
      },
    },
    async (request) => media.update(request.ctx, request.params.id, request.body),
  );

  app.delete(
    "/api/portal/media/:id",
    {
      config: edit,
      schema: {
        operationId: "deletePortalMedia",
        tags,
        summary: "Xoá (không được khi tin, bài đang dùng) / Delete (refused while used)",
        params: PortalMediaParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await media.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/portal/media/:id/files/:name",
    {
      config: read,
      schema: {
        operationId: "getPortalMediaFile",
        tags,
        summary: "Tệp của ảnh, tài liệu (xem trước) / A media file (preview)",
        params: PortalMediaFileParams,
      },
    },
    async (request, reply) => {
      const { bytes, type } = await media.file(request.ctx, request.params.id, request.params.name);
      // Our own re-encoded images and the checked PDF; never sniffed into something else.
      return reply
        .type(type)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, max-age=31536000, immutable")
        .send(bytes);
    },
  );
}
