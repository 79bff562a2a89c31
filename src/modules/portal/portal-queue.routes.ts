/** The portal's work queues: `GET /api/portal/queue?kind=translate|review`. */
import type { Db } from "../../platform/db/database.js";
import type { App } from "../../platform/http/types.js";
import { PortalQueueQuery, PortalQueueSchema } from "../../shared/api/portal-queue.js";
import type { PortalService } from "./portal.service.js";
import { createPortalQueueRepository } from "./portal-queue.repository.js";
import { createPortalQueueService } from "./portal-queue.service.js";

export function registerPortalQueueRoutes(app: App, deps: { db: Db; portal: PortalService }) {
  const queue = createPortalQueueService({
    db: deps.db,
    queue: createPortalQueueRepository(),
    languages: deps.portal.languages,
  });

  app.get(
    "/api/portal/queue",
    {
      config: { policy: "portal.read" },
      schema: {
        operationId: "listPortalQueue",
        tags: ["portal"],
        summary:
          "Việc chờ dịch (bản dịch lỗi thời trước) hoặc chờ thẩm định (không phải bản của mình) / Translator's or reviewer's queue",
        querystring: PortalQueueQuery,
        response: { 200: PortalQueueSchema },
      },
    },
    async (request) => queue.list(request.ctx, request.query),
  );
}
