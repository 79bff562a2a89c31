/**
 * Opens the database for the configured dialect: better-sqlite3 (WAL, foreign keys, busy timeout)
 * or PostgreSQL through a `pg` pool. Everything above this file speaks Kysely only.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type SqliteStatement, type Transaction } from "kysely";
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
  /** PostgreSQL: cancel statements running longer than this (error 57014); 0 or absent: no limit. */
  statementTimeoutMs?: number;
}

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** Closes connections. */
  close(): Promise<void>;
  /** The raw better-sqlite3 handle (SQLite only), for online backup. */
  sqlite?: SQLite.Database;
  /** Connections of the PostgreSQL pool right now (PostgreSQL only), for metrics. */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
}

/** `pg` (~15 MB) is loaded only when the database is PostgreSQL; it is CommonJS, so synchronously. */
function loadPg(): typeof pg {
  const driver = createRequire(import.meta.url)("pg") as typeof pg;
  // PostgreSQL returns BIGINT (count(*)) as string by default; counts here always fit a JS number.
  driver.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  return driver;
}

/**
 * Kysely prepares a statement for every query, and better-sqlite3 builds each result row as an
 * object in C++, one property at a time. Both are avoidable without changing what Kysely sees:
 *
 * - statements are kept (bounded, most recently used last) instead of prepared again;
 * - rows are read as arrays and turned into objects here, which is ~40 % cheaper for a page of 50
 *   rows (bench/RESULTS.md, "Platform"). The column names are read once per statement and again
 *   after a schema change, since SQLite re-prepares a `select *` that may then change shape. Schema
 *   changes on this connection (migrations) are seen as they run; one made by another process while
 *   the server runs is seen when the row width changes (a column added or dropped). A rename made
 *   that way is not, and needs a restart, as the server's code is then older than its schema anyway.
 *
 * Objects are built in column order and a repeated name keeps the last value, as better-sqlite3 does.
 */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\s/i;

/** Counts the schema changes made through one connection. */
interface SchemaGeneration {
  value: number;
}

class CachedStatement implements SqliteStatement {
  readonly reader: boolean;
  readonly #changesSchema: boolean;
  #names: string[] = [];
  #generation = -1;

  constructor(
    private readonly statement: SQLite.Statement,
    private readonly schema: SchemaGeneration,
  ) {
    this.reader = statement.reader;
    this.#changesSchema = !this.reader && SCHEMA_CHANGE.test(statement.source);
    if (this.reader) statement.raw(true);
  }

  /** Names for rows just read: after the read, because that is when SQLite re-prepares. */
  #columnNames(width: number): string[] {
    if (this.schema.value !== this.#generation || width !== this.#names.length) {
      const names = this.statement.columns().map((c) => c.name);
      // A column named like this would set the object's prototype instead of a property.
      if (names.includes("__proto__")) throw new Error("A result column may not be named __proto__");
      this.#names = names;
      this.#generation = this.schema.value;
    }
    return this.#names;
  }

  all(parameters: readonly unknown[]): unknown[] {
    const rows = this.statement.all(parameters) as unknown[][];
    if (rows.length === 0) return rows;
    const names = this.#columnNames((rows[0] as unknown[]).length);
    const out = new Array<Record<string, unknown>>(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = toObject(names, rows[r] as unknown[]);
    return out;
  }

  run(parameters: readonly unknown[]) {
    const result = this.statement.run(parameters);
    if (this.#changesSchema) this.schema.value++;
    return result;
  }

  *iterate(parameters: readonly unknown[]): IterableIterator<unknown> {
    let names: string[] | null = null;
    for (const row of this.statement.iterate(parameters) as IterableIterator<unknown[]>) {
      names ??= this.#columnNames(row.length);
      yield toObject(names, row);
    }
  }
}

function toObject(names: string[], values: unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
  return row;
}

function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, CachedStatement>();
  const schema: SchemaGeneration = { value: 0 };
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string): SqliteStatement {
      let stmt = cache.get(sqlText);
      if (stmt) {
        cache.delete(sqlText);
      } else {
        stmt = new CachedStatement(sqlite.prepare(sqlText), schema);
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
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  // A checked-out client losing its server emits "error" as well; its query already fails (→ 503),
  // so only keep the event from becoming an uncaught exception that would end the process.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "postgres",
    close: () => db.destroy(),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: options.poolSize ?? 10,
    }),
  };
}
