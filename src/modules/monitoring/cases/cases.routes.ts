/** Response cases: board by state, open from an item or story, update (actions, evidence, outcome, state). */
import type { App } from "../../../platform/http/types.js";
import { IdParams } from "../monitoring.schemas.js";
import { CaseBoardSchema, CaseQuery, CaseSchema, CreateCaseBody, UpdateCaseBody } from "./cases.schemas.js";
import { type CasesService, presentCase } from "./cases.service.js";

const policy = { policy: "monitoring.case" } as const;
const tags = ["monitoring"];

export function registerCasesRoutes(app: App, cases: CasesService) {
  app.get(
    "/api/monitoring/cases",
    {
      config: policy,
      schema: {
        operationId: "listCases",
        tags,
        summary: "Bảng hồ sơ xử lý / Case board",
        querystring: CaseQuery,
        response: { 200: CaseBoardSchema },
      },
    },
    async (req) => cases.board(req.ctx, req.query),
  );
  app.post(
    "/api/monitoring/cases",
    {
      config: policy,
      schema: {
        operationId: "openCase",
        tags,
        summary: "Mở hồ sơ xử lý / Open case",
        body: CreateCaseBody,
        response: { 201: CaseSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentCase(await cases.create(req.ctx, req.body))),
  );
  app.get(
    "/api/monitoring/cases/:id",
    {
      config: policy,
      schema: {
        operationId: "getCase",
        tags,
        summary: "Hồ sơ xử lý / Case",
        params: IdParams,
        response: { 200: CaseSchema },
      },
    },
    async (req) => presentCase(await cases.get(req.ctx, req.params.id)),
  );
  app.patch(
    "/api/monitoring/cases/:id",
    {
      config: policy,
      schema: {
        operationId: "updateCase",
        tags,
        summary: "Cập nhật hồ sơ / Update case",
        params: IdParams,
        body: UpdateCaseBody,
        response: { 200: CaseSchema },
      },
    },
    async (req) => presentCase(await cases.update(req.ctx, req.params.id, req.body)),
  );
}
