/** Partners register API: list, export, import, entries and their contacts, agreements, activities, exchanges. */
import { z } from "zod";

import { sendAttachment, sendStoredFile } from "../../platform/files/download.js";
import type { App } from "../../platform/http/types.js";
import {
  ActivityBody,
  AgreementBody,
  ContactBody,
  CreatePartnerBody,
  ExchangeBody,
  IdParams,
  ImportBody,
  ImportResultSchema,
  ItemParams,
  PartnerExportQuery,
  PartnerListQuery,
  PartnerPageSchema,
  PartnerSchema,
  UpdatePartnerBody,
} from "../../shared/api/partners.js";
import { exportPartners } from "./partners.export.js";
import type { PartnersService } from "./partners.service.js";

const read = { policy: "partners.read" } as const;
const manage = { policy: "partners.manage" } as const;
const tags = ["partners"];

export function registerPartnersRoutes(app: App, deps: { partners: PartnersService }) {
  const { partners } = deps;

  app.get(
    "/api/partners",
    {
      config: read,
      schema: {
        operationId: "listPartners",
        tags,
        summary: "Danh sách đối tác / List partners",
        querystring: PartnerListQuery,
        response: { 200: PartnerPageSchema },
      },
    },
    async (request) => partners.list(request.ctx, request.query),
  );

  app.get(
    "/api/partners/export",
    {
      config: read,
      schema: {
        operationId: "exportPartners",
        tags,
        summary: "Xuất danh sách đối tác (XLSX, CSV) / Export partners",
        querystring: PartnerExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportPartners(await partners.all(request.ctx, filter), format);
      return sendAttachment(reply, {
        filename: `doi-tac.${format}`,
        mediaType: file.contentType,
        bytes: Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body, "utf8"),
      });
    },
  );

  app.post(
    "/api/partners/import",
    {
      config: manage,
      schema: {
        operationId: "importPartners",
        tags,
        summary: "Nhập đối tác từ tệp Excel / Import partners from XLSX",
        body: ImportBody,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => partners.importWorkbook(request.ctx, request.body),
  );

  app.post(
    "/api/partners",
    {
      config: manage,
      schema: {
        operationId: "createPartner",
        tags,
        summary: "Thêm đối tác / Create partner",
        body: CreatePartnerBody,
        response: { 201: PartnerSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await partners.create(request.ctx, request.body)),
  );

  app.get(
    "/api/partners/:id",
    {
      config: read,
      schema: {
        operationId: "getPartner",
        tags,
        summary: "Chi tiết đối tác / Partner",
        params: IdParams,
        response: { 200: PartnerSchema },
      },
    },
    async (request) => partners.get(request.ctx, request.params.id),
  );

  app.patch(
    "/api/partners/:id",
    {
      config: manage,
      schema: {
        operationId: "updatePartner",
        tags,
        summary: "Sửa đối tác / Update partner",
        params: IdParams,
        body: UpdatePartnerBody,
        response: { 200: PartnerSchema },
      },
    },
    async (request) => partners.update(request.ctx, request.params.id, request.body),
  );

  app.delete(
    "/api/partners/:id",
    {
      config: manage,
      schema: {
        operationId: "deletePartner",
        tags,
        summary: "Xoá đối tác / Delete partner",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await partners.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // --- children: contacts, agreements, activities, exchanges ----------------------------------------
  const children = [
    {
      path: "contacts",
      add: "addPartnerContact",
      remove: "deletePartnerContact",
      what: "người liên hệ / contact",
      body: ContactBody,
      create: partners.addContact,
      drop: partners.removeContact,
    },
    {
      path: "agreements",
      add: "addPartnerAgreement",
      remove: "deletePartnerAgreement",
      what: "thỏa thuận hợp tác / agreement",
      body: AgreementBody,
      create: partners.addAgreement,
      drop: partners.removeAgreement,
    },
    {
      path: "activities",
      add: "addPartnerActivity",
      remove: "deletePartnerActivity",
      what: "hoạt động / activity",
      body: ActivityBody,
      create: partners.addActivity,
      drop: partners.removeActivity,
    },
    {
      path: "exchanges",
      add: "addPartnerExchange",
      remove: "deletePartnerExchange",
      what: "lượt trao đổi thông tin / information exchange",
      body: ExchangeBody,
      create: partners.addExchange,
      drop: partners.removeExchange,
    },
  ] as const;

  for (const child of children) {
    app.post(
      `/api/partners/:id/${child.path}`,
      {
        config: manage,
        schema: {
          operationId: child.add,
          tags,
          summary: `Thêm ${child.what}`,
          params: IdParams,
          body: child.body,
          response: { 201: PartnerSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await (
              child.create as (
                c: typeof request.ctx,
                id: string,
                b: unknown,
              ) => ReturnType<PartnersService["addContact"]>
            )(request.ctx, request.params.id, request.body),
          ),
    );
    app.delete(
      `/api/partners/:id/${child.path}/:itemId`,
      {
        config: manage,
        schema: {
          operationId: child.remove,
          tags,
          summary: `Xoá ${child.what}`,
          params: ItemParams,
          response: { 200: PartnerSchema },
        },
      },
      async (request) => child.drop(request.ctx, request.params.id, request.params.itemId),
    );
  }

  app.get(
    "/api/partners/:id/exchanges/:itemId/file",
    {
      config: read,
      schema: {
        operationId: "downloadPartnerExchangeFile",
        tags,
        summary: "Tải tệp đính kèm của lượt trao đổi / Download an exchange's attachment",
        params: ItemParams,
      },
    },
    async (request, reply) => {
      const { file, bytes } = await partners.exchangeFile(
        request.ctx,
        request.params.id,
        request.params.itemId,
      );
      return sendStoredFile(reply, file, bytes);
    },
  );
}
