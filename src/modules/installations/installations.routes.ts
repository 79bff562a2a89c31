/** Visual installations register API: list, entries, photos (resized), export, districts. */
import { z } from "zod";

import { pageOf } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import {
  AddInstallationPhotoBody,
  CreateInstallationBody,
  DistrictListSchema,
  HAI_PHONG_DISTRICTS,
  InstallationDetailSchema,
  InstallationExportQuery,
  InstallationIdParams,
  InstallationImportBody,
  InstallationImportResultSchema,
  InstallationListQuery,
  InstallationPageSchema,
  InstallationPhotoIdParams,
  InstallationPhotoParams,
  InstallationPhotoSchema,
  InstallationSchema,
  UpdateInstallationBody,
} from "../../shared/api/installations.js";
import { exportInstallations } from "./installations.export.js";
import { presentInstallation } from "./installations.presenter.js";
import type { InstallationsService } from "./installations.service.js";

const read = { policy: "installations.read" } as const;
const manage = { policy: "installations.manage" } as const;
/** Row-level: the secretariat, or a lead of a task the entry is attached to (checked by the service). */
const edit = { policy: "installations.edit" } as const;
const tags = ["installations"];

export function registerInstallationsRoutes(
  app: App,
  deps: { installations: InstallationsService; uploadLimit: number },
) {
  const { installations } = deps;

  app.get(
    "/api/installations",
    {
      config: read,
      schema: {
        operationId: "listInstallations",
        tags,
        summary: "Danh sách công trình trực quan / Installations",
        querystring: InstallationListQuery,
        response: { 200: InstallationPageSchema },
      },
    },
    async (request) => {
      const { rows, total } = await installations.list(request.ctx, request.query);
      return pageOf(rows.map(presentInstallation), total, request.query);
    },
  );

  app.get(
    "/api/installations/districts",
    {
      config: read,
      schema: {
        operationId: "listInstallationDistricts",
        tags,
        summary: "Quận, huyện của Hải Phòng / Districts of Hải Phòng",
        response: { 200: DistrictListSchema },
      },
    },
    async () => ({ items: HAI_PHONG_DISTRICTS.map((d) => ({ code: d.code, name: d.name })) }),
  );

  app.get(
    "/api/installations/export",
    {
      config: read,
      schema: {
        operationId: "exportInstallations",
        tags,
        summary: "Xuất danh sách công trình (XLSX, CSV) / Export installations",
        querystring: InstallationExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportInstallations(await installations.all(request.ctx, filter), format);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="cong-trinh-truc-quan.${format}"`)
        .send(file.body);
    },
  );

  app.post(
    "/api/installations/import",
    {
      config: manage,
      schema: {
        operationId: "importInstallations",
        tags,
        summary: "Nhập công trình từ tệp Excel / Import installations from XLSX",
        body: InstallationImportBody,
        response: { 200: InstallationImportResultSchema },
      },
    },
    async (request) => installations.importWorkbook(request.ctx, request.body),
  );

  app.post(
    "/api/installations",
    {
      config: manage,
      schema: {
        operationId: "createInstallation",
        tags,
        summary: "Thêm công trình trực quan / Create installation",
        body: CreateInstallationBody,
        response: { 201: InstallationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentInstallation(await installations.create(request.ctx, request.body))),
  );

  app.get(
    "/api/installations/:id",
    {
      config: read,
      schema: {
        operationId: "getInstallation",
        tags,
        summary: "Chi tiết công trình / Installation",
        params: InstallationIdParams,
        response: { 200: InstallationDetailSchema },
      },
    },
    async (request) => installations.get(request.ctx, request.params.id),
  );

  app.patch(
    "/api/installations/:id",
    {
      config: edit,
      schema: {
        operationId: "updateInstallation",
        tags,
        summary: "Sửa công trình / Update installation",
        params: InstallationIdParams,
        body: UpdateInstallationBody,
        response: { 200: InstallationSchema },
      },
    },
    async (request) =>
      presentInstallation(await installations.update(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    "/api/installations/:id",
    {
      config: manage,
      schema: {
        operationId: "deleteInstallation",
        tags,
        summary: "Xoá công trình / Delete installation",
        params: InstallationIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await installations.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/installations/:id/photos",
    {
      config: edit,
      bodyLimit: Math.ceil((deps.uploadLimit * 4) / 3) + 64 * 1024,
      schema: {
        operationId: "addInstallationPhoto",
        tags,
        summary: "Thêm ảnh (thu nhỏ, xoá EXIF) / Add a photo (resized, EXIF stripped)",
        params: InstallationIdParams,
        body: AddInstallationPhotoBody,
        response: { 201: InstallationPhotoSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await installations.addPhoto(request.ctx, request.params.id, request.body)),
  );

  app.get(
    "/api/installations/:id/photos/:photoId/:size",
    {
      config: read,
      schema: {
        operationId: "getInstallationPhoto",
        tags,
        summary: "Ảnh công trình (320 px hoặc 1280 px) / Installation photo",
        params: InstallationPhotoParams,
      },
    },
    async (request, reply) => {
      const { bytes } = await installations.photoFile(
        request.ctx,
        request.params.id,
        request.params.photoId,
        request.params.size,
      );
      // Our own re-encoded JPEG: safe to show inline.
      return reply
        .type("image/jpeg")
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, max-age=86400")
        .send(bytes);
    },
  );

  app.delete(
    "/api/installations/:id/photos/:photoId",
    {
      config: edit,
      schema: {
        operationId: "deleteInstallationPhoto",
        tags,
        summary: "Xoá ảnh / Delete a photo",
        params: InstallationPhotoIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await installations.removePhoto(request.ctx, request.params.id, request.params.photoId);
      return reply.status(204).send(null);
    },
  );
}
