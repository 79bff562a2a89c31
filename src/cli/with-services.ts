import { loadConfig } from "../config/config.js";
import type { Services } from "../main.js";
import { openDatabase } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrations/index.js";

/**
 * Opens the configured database (migrating it), runs `fn` with the services, closes. The services (and
 * every module behind them) load only here, so commands that need no database start in a fraction of a
 * second.
 */
export async function withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase({ database: config.database });
  let services: Services | undefined;
  try {
    await migrateToLatest(handle.db, handle.dialect);
    const { createServices } = await import("../main.js");
    services = createServices(handle, config);
    return await fn(services);
  } finally {
    await services?.monitoring.close();
    await handle.close();
  }
}
