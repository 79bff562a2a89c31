/**
 * The public portal's listener: beside the work platform in `haidang serve`, or alone in
 * `haidang portal` (no work-platform route in that process, so it can face the internet). On
 * PostgreSQL `haidang portal` may connect with its own read-only role (`HAIDANG_PORTAL_DATABASE_URL`,
 * docs/decisions/0012-portal-read-only-role.md): it then checks the schema instead of migrating it.
 */
import type { Config } from "../config/config.js";
import type { Db } from "../platform/db/database.js";
import { openDatabase } from "../platform/db/database.js";
import { isSchemaCurrent, migrateToLatest } from "../platform/db/migrations/index.js";
import { createFileStore } from "../platform/files/file-store.js";
import { buildPortalApp } from "../portal/portal-app.js";

/** Starts the portal on `PORTAL_PORT`; returns its address and a closer. */
export async function startPortal(
  db: Db,
  config: Config,
): Promise<{ address: string; close(): Promise<void> }> {
  const { app, warmUp } = await buildPortalApp({
    db,
    languages: config.portal.languages,
    publicUrl: config.portal.publicUrl,
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    mediaStore: createFileStore({ dataDir: config.dataDir }),
  });
  const address = await app.listen({ port: config.portal.port, host: config.host });
  // The search index is built now rather than by the first visitor's search.
  warmUp().catch((err: unknown) => app.log.warn({ err }, "portal search index not built yet"));
  return { address, close: () => app.close() };
}

/** `haidang portal`: migrate (or, with its own read-only role, check the schema), then serve only the public site. */
export async function servePortalOnly(config: Config): Promise<void> {
  const readOnlyUrl = config.portal.databaseUrl;
  const database = openDatabase({
    database: readOnlyUrl ? { kind: "postgres", url: readOnlyUrl } : config.database,
  });
  if (!readOnlyUrl) await migrateToLatest(database.db, database.dialect);
  else if (!(await isSchemaCurrent(database.db, database.dialect))) {
    await database.close();
    console.error(
      "Cơ sở dữ liệu chưa được cập nhật: chạy `haidang serve` hoặc `haidang migrate` với tài khoản chính trước. / " +
        "The database schema is not current: run `haidang serve` or `haidang migrate` with the main account first.",
    );
    process.exit(1);
  }
  const portal = await startPortal(database.db, config);
  console.log(
    `Cổng thông tin đối ngoại / public portal: ${config.portal.publicUrl ?? portal.address} (listening on ${portal.address})`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await portal.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}
