/** Training register API: courses (participants, materials) and award entries, with exports and import. */
import { z } from "zod";
import { sendAttachment, sendStoredFile } from "../../platform/files/download.js";
import type { App } from "../../platform/http/types.js";
import {
  AwardEntrySchema,
  AwardExportQuery,
  AwardListQuery,
  AwardPageSchema,
  CourseExportQuery,
  CourseListQuery,
  CoursePageSchema,
  CourseSchema,
  CreateAwardEntryBody,
  CreateCourseBody,
  IdParams,
  ImportBody,
  ImportResultSchema,
  ItemParams,
  MaterialBody,
  ParticipantsBody,
  UpdateAwardEntryBody,
  UpdateCourseBody,
} from "../../shared/api/training.js";
import type { AwardsService } from "./awards.service.js";
import { exportAwards, exportCourses } from "./training.export.js";
import type { TrainingService } from "./training.service.js";

const read = { policy: "training.read" } as const;
const manage = { policy: "training.manage" } as const;
const tags = ["training"];

export function registerTrainingRoutes(app: App, deps: { training: TrainingService; awards: AwardsService }) {
  const { training, awards } = deps;

  app.get(
    "/api/training/courses",
    {
      config: read,
      schema: {
        operationId: "listTrainingCourses",
        tags,
        summary: "Danh sách lớp bồi dưỡng / List training courses",
        querystring: CourseListQuery,
        response: { 200: CoursePageSchema },
      },
    },
    async (request) => training.list(request.ctx, request.query),
  );

  app.get(
    "/api/training/courses/export",
    {
      config: read,
      schema: {
        operationId: "exportTrainingCourses",
        tags,
        summary: "Xuất danh sách lớp bồi dưỡng (XLSX, CSV) / Export courses",
        querystring: CourseExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportCourses(await training.all(request.ctx, filter), format);
      return sendAttachment(reply, {
        filename: `lop-boi-duong.${format}`,
        mediaType: file.contentType,
        bytes: file.body,
      });
    },
  );

  app.post(
    "/api/training/courses",
    {
      config: manage,
      schema: {
        operationId: "createTrainingCourse",
        tags,
        summary: "Thêm lớp bồi dưỡng / Create course",
        body: CreateCourseBody,
        response: { 201: CourseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await training.create(request.ctx, request.body)),
  );

  app.get(
    "/api/training/courses/:id",
    {
      config: read,
      schema: {
        operationId: "getTrainingCourse",
        tags,
        summary: "Chi tiết lớp bồi dưỡng / Course",
        params: IdParams,
        response: { 200: CourseSchema },
      },
    },
    async (request) => training.get(request.ctx, request.params.id),
  );

  app.patch(
    "/api/training/courses/:id",
    {
      config: manage,
      schema: {
        operationId: "updateTrainingCourse",
        tags,
        summary: "Sửa lớp bồi dưỡng / Update course",
        params: IdParams,
        body: UpdateCourseBody,
        response: { 200: CourseSchema },
      },
    },
    async (request) => training.update(request.ctx, request.params.id, request.body),
  );

  app.delete(
    "/api/training/courses/:id",
    {
      config: manage,
      schema: {
        operationId: "deleteTrainingCourse",
        tags,
        summary: "Xoá lớp bồi dưỡng / Delete course",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await training.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/training/courses/:id/participants",
    {
      config: manage,
      schema: {
        operationId: "setTrainingParticipants",
        tags,
        summary: "Cập nhật học viên và điểm danh / Set participants and attendance",
        params: IdParams,
        body: ParticipantsBody,
        response: { 200: CourseSchema },
      },
    },
    async (request) => training.setParticipants(request.ctx, request.params.id, request.body),
  );

  app.post(
    "/api/training/courses/:id/materials",
    {
      config: manage,
      schema: {
        operationId: "addTrainingMaterial",
        tags,
        summary: "Thêm tài liệu lớp bồi dưỡng / Add course material",
        params: IdParams,
        body: MaterialBody,
        response: { 201: CourseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await training.addMaterial(request.ctx, request.params.id, request.body)),
  );

  app.get(
    "/api/training/courses/:id/materials/:itemId",
    {
      config: read,
      schema: {
        operationId: "downloadTrainingMaterial",
        tags,
        summary: "Tải tài liệu lớp bồi dưỡng / Download course material",
        params: ItemParams,
      },
    },
    async (request, reply) => {
      const { file, bytes } = await training.materialFile(
        request.ctx,
        request.params.id,
        request.params.itemId,
      );
      return sendStoredFile(reply, file, bytes);
    },
  );

  app.delete(
    "/api/training/courses/:id/materials/:itemId",
    {
      config: manage,
      schema: {
        operationId: "deleteTrainingMaterial",
        tags,
        summary: "Xoá tài liệu lớp bồi dưỡng / Delete course material",
        params: ItemParams,
        response: { 200: CourseSchema },
      },
    },
    async (request) => training.removeMaterial(request.ctx, request.params.id, request.params.itemId),
  );

  // --- award entries ---------------------------------------------------------------------------------
  app.get(
    "/api/training/awards",
    {
      config: read,
      schema: {
        operationId: "listAwardEntries",
        tags,
        summary: "Tác phẩm dự Giải thông tin đối ngoại / List award entries",
        querystring: AwardListQuery,
        response: { 200: AwardPageSchema },
      },
    },
    async (request) => awards.list(request.ctx, request.query),
  );

  app.get(
    "/api/training/awards/export",
    {
      config: read,
      schema: {
        operationId: "exportAwardEntries",
        tags,
        summary: "Xuất tác phẩm dự Giải (XLSX, CSV) / Export award entries",
        querystring: AwardExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportAwards(await awards.all(request.ctx, filter), format);
      return sendAttachment(reply, {
        filename: `giai-thong-tin-doi-ngoai.${format}`,
        mediaType: file.contentType,
        bytes: file.body,
      });
    },
  );

  app.post(
    "/api/training/awards/import",
    {
      config: manage,
      schema: {
        operationId: "importAwardEntries",
        tags,
        summary: "Nhập tác phẩm dự Giải từ tệp Excel / Import award entries from XLSX",
        body: ImportBody,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => awards.importWorkbook(request.ctx, request.body),
  );

  app.post(
    "/api/training/awards",
    {
      config: manage,
      schema: {
        operationId: "createAwardEntry",
        tags,
        summary: "Thêm tác phẩm dự Giải / Create award entry",
        body: CreateAwardEntryBody,
        response: { 201: AwardEntrySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await awards.create(request.ctx, request.body)),
  );

  app.get(
    "/api/training/awards/:id",
    {
      config: read,
      schema: {
        operationId: "getAwardEntry",
        tags,
        summary: "Chi tiết tác phẩm dự Giải / Award entry",
        params: IdParams,
        response: { 200: AwardEntrySchema },
      },
    },
    async (request) => awards.get(request.ctx, request.params.id),
  );

  app.patch(
    "/api/training/awards/:id",
    {
      config: manage,
      schema: {
        operationId: "updateAwardEntry",
        tags,
        summary: "Sửa tác phẩm dự Giải / Update award entry",
        params: IdParams,
        body: UpdateAwardEntryBody,
        response: { 200: AwardEntrySchema },
      },
    },
    async (request) => awards.update(request.ctx, request.params.id, request.body),
  );

  app.delete(
    "/api/training/awards/:id",
    {
      config: manage,
      schema: {
        operationId: "deleteAwardEntry",
        tags,
        summary: "Xoá tác phẩm dự Giải / Delete award entry",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await awards.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
