/**
 * Opens the database for the configured dialect: better-sqlite3 (WAL, foreign keys, busy timeout)
 * or PostgreSQL through a `pg` pool. Everything above this file speaks Kysely only.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from "kysely";
import type pg from "pg";
import type { Database } from "./schema.js";

export type DialectName = "sqlite" | "postgres";

export type Db = Kysely<Database>;
/** A database handle or an open transaction: repositories accept either. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface OpenDatabaseOptions {
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  /** Max pool size for PostgreSQL. */
  poolSize?: number;
}

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** Closes connections. */
  close(): Promise<void>;
  /** The raw better-sqlite3 handle (SQLite only), for online backup. */
  sqlite?: SQLite.Database;
}

/** `pg` (~15 MB) is loaded only when the database is PostgreSQL; it is CommonJS, so synchronously. */
function loadPg(): typeof pg {
  const driver = createRequire(import.meta.url)("pg") as typeof pg;
  // PostgreSQL returns BIGINT (count(*)) as string by default; counts here always fit a JS number.
  driver.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  return driver;
}

/**
 * Kysely prepares a statement for every query; better-sqlite3 statements are reusable, so keep the
 * most recent ones (bounded). Preparing was the largest cost of a small indexed query.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (stmt) {
        cache.delete(sqlText);
      } else {
        stmt = sqlite.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sqlText, stmt);
      return stmt;
    },
  };
}

export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  if (options.database.kind === "sqlite") {
    const file = options.database.file;
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: "sqlite", sqlite, close: () => db.destroy() };
  }
  const pool = new (loadPg().Pool)({
    connectionString: options.database.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  // A checked-out client losing its server emits "error" as well; its query already fails (→ 503),
  // so only keep the event from becoming an uncaught exception that would end the process.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}
