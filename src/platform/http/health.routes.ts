/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: database reachable, schema current). */
import { sql } from "kysely";
import type { DatabaseHandle } from "../db/database.js";
import { isSchemaCurrent } from "../db/migrations/index.js";
import type { App } from "./types.js";

export function registerHealthRoutes(app: App, deps: { database: DatabaseHandle }) {
  let schemaChecked = false;

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.database.db);
      if (!schemaChecked) {
        schemaChecked = await isSchemaCurrent(deps.database.db, deps.database.dialect);
        if (!schemaChecked) return reply.status(503).send({ status: "migrations_pending" });
      }
      return { status: "ready", database: deps.database.dialect };
    } catch {
      return reply.status(503).send({ status: "database_unavailable" });
    }
  });
}
