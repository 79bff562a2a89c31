/**
 * The public portal's listener: beside the work platform in `haidang serve`, or alone in
 * `haidang portal` (no work-platform route in that process, so it can face the internet).
 */
import type { Config } from "../config/config.js";
import type { Db } from "../platform/db/database.js";
import { openDatabase } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrations/index.js";
import { buildPortalApp } from "../portal/portal-app.js";

/** Starts the portal on `PORTAL_PORT`; returns its address and a closer. */
export async function startPortal(
  db: Db,
  config: Config,
): Promise<{ address: string; close(): Promise<void> }> {
  const { app } = await buildPortalApp({
    db,
    languages: config.portal.languages,
    publicUrl: config.portal.publicUrl,
  });
  const address = await app.listen({ port: config.portal.port, host: config.host });
  return { address, close: () => app.close() };
}

/** `haidang portal`: migrate, then serve only the public site until stopped. */
export async function servePortalOnly(config: Config): Promise<void> {
  const database = openDatabase({ database: config.database });
  await migrateToLatest(database.db, database.dialect);
  const portal = await startPortal(database.db, config);
  console.log(`Cổng thông tin đối ngoại / public portal: ${config.portal.publicUrl ?? portal.address}`);
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
