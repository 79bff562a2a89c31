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
import { registerEntryRoutes } from "../registers/register-routes.js";
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

  registerEntryRoutes(app, {
    path: "/api/installations",
    tags,
    policy: { read: read.policy, manage: manage.policy, edit: edit.policy },
    operations: {
      export: {
        id: "exportInstallations",
        summary: "Xuất danh sách công trình (XLSX, CSV) / Export installations",
      },
      import: {
        id: "importInstallations",
        summary: "Nhập công trình từ tệp Excel / Import installations from XLSX",
      },
      create: { id: "createInstallation", summary: "Thêm công trình trực quan / Create installation" },
      get: { id: "getInstallation", summary: "Chi tiết công trình / Installation" },
      update: { id: "updateInstallation", summary: "Sửa công trình / Update installation" },
      delete: { id: "deleteInstallation", summary: "Xoá công trình / Delete installation" },
    },
    schemas: {
      params: InstallationIdParams,
      exportQuery: InstallationExportQuery,
      importBody: InstallationImportBody,
      importResult: InstallationImportResultSchema,
      create: CreateInstallationBody,
      update: UpdateInstallationBody,
      entry: InstallationSchema,
      detail: InstallationDetailSchema,
    },
    service: installations,
    present: presentInstallation,
    exportFile: exportInstallations,
    exportName: "cong-trinh-truc-quan",
  });

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
