/**
 * Child process for bench/platform-http.ts: serves either the bare baseline (Fastify + better-sqlite3,
 * no auth, same 50 rows) or the full platform, on a given port. Prints "READY <port>" when listening.
 */
import Database from "better-sqlite3";
import Fastify from "fastify";
import { loadConfig } from "../src/config/config.js";
import { createPlatform } from "../src/main.js";

const [mode, dataDir, databaseUrl] = process.argv.slice(2);
// Exit cleanly on Ctrl-C so that --cpu-prof can write its profile.
process.on("SIGINT", () => process.exit(0));

if (mode === "baseline") {
  const db = new Database(`${dataDir}/haidang.sqlite`, { readonly: true });
  const stmt = db.prepare("select * from people order by folded_name limit 50");
  const app = Fastify({ logger: false });
  app.get("/people", async () => ({ items: stmt.all() }));
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  console.log(`READY ${new URL(address).port}`);
} else {
  const env: Record<string, string> = {
    HAIDANG_DATA_DIR: dataDir ?? "",
    LOG_LEVEL: "silent",
    HAIDANG_JOBS: "off",
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const platform = await createPlatform(loadConfig(env), { logger: false });
  const address = await platform.app.listen({ port: 0, host: "127.0.0.1" });
  console.log(`READY ${new URL(address).port}`);
}
