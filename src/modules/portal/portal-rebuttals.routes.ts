/** Rebuttal articles linked to response cases: parse, delegate, answer. */

import { z } from "zod";
import type { App } from "../../platform/http/types.js";
import {
  CaseIdParams,
  CaseRebuttalParams,
  CaseRebuttalsSchema,
  ItemCaseSchema,
  ItemIdParams,
} from "../../shared/api/portal-rebuttals.js";
import type { RebuttalsService } from "./portal-rebuttals.service.js";

const tags = ["monitoring", "portal"];
const casePolicy = { policy: "monitoring.case" } as const;

export function registerRebuttalRoutes(app: App, deps: { rebuttals: RebuttalsService }) {
  const { rebuttals } = deps;
  app.get(
    "/api/monitoring/cases/:id/rebuttals",
    {
      config: casePolicy,
      schema: {
        operationId: "listCaseRebuttals",
        tags,
        summary: "Bài phản bác của hồ sơ xử lý / A case's rebuttal articles",
        params: CaseIdParams,
        response: { 200: CaseRebuttalsSchema },
      },
    },
    async (req) => rebuttals.ofCase(req.ctx, req.params.id),
  );
  app.put(
    "/api/monitoring/cases/:id/rebuttals/:itemId",
    {
      config: casePolicy,
      schema: {
        operationId: "linkCaseRebuttal",
        tags,
        summary: "Gắn bài phản bác vào hồ sơ / Link a rebuttal article to a case",
        params: CaseRebuttalParams,
        response: { 200: CaseRebuttalsSchema },
      },
    },
    async (req) => rebuttals.link(req.ctx, req.params.id, req.params.itemId),
  );
  app.delete(
    "/api/monitoring/cases/:id/rebuttals/:itemId",
    {
      config: casePolicy,
      schema: {
        operationId: "unlinkCaseRebuttal",
        tags,
        summary: "Gỡ bài phản bác khỏi hồ sơ / Unlink a rebuttal article",
        params: CaseRebuttalParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await rebuttals.unlink(req.ctx, req.params.id, req.params.itemId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/api/portal/items/:id/response-case",
    {
      config: { policy: "portal.read" },
      schema: {
        operationId: "getPortalItemResponseCase",
        tags: ["portal"],
        summary: "Hồ sơ xử lý mà tin, bài phản bác / The response case an item rebuts",
        params: ItemIdParams,
        response: { 200: ItemCaseSchema },
      },
    },
    async (req) => rebuttals.caseOfItem(req.ctx, req.params.id),
  );
}
