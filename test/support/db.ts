/**
 * Runs a suite on every supported database: SQLite always, PostgreSQL when the global setup
 * provided a server. Each suite gets its own fresh database, migrated.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { Config } from "../../src/config/config.js";
import { type Db, type DialectName, openDatabase } from "../../src/platform/db/database.js";
import { migrateToLatest } from "../../src/platform/db/migrations/index.js";

export function dialects(): DialectName[] {
  return inject("pgUrl") ? ["sqlite", "postgres"] : ["sqlite"];
}

export interface TestDatabase {
  database: Config["database"];
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given dialect (SQLite file in a temp dir, or a new PostgreSQL database). */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-test-"));
  if (dialect === "sqlite") {
    return {
      database: { kind: "sqlite", file: path.join(dataDir, "haidang.sqlite") },
      dataDir,
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject("pgUrl");
  if (!adminUrl) throw new Error("PostgreSQL not available for tests");
  const name = `t_${Math.random().toString(36).slice(2, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: { kind: "postgres", url: url.toString() },
    dataDir,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface MigratedTestDatabase {
  db: Db;
  /** Closes the connection and drops the database. */
  close(): Promise<void>;
}

/** A fresh database of the given dialect, opened and migrated to the latest schema, for suites that use tables directly. */
export async function openMigratedTestDatabase(dialect: DialectName): Promise<MigratedTestDatabase> {
  const tdb = await createTestDatabase(dialect);
  const opened = openDatabase({ database: tdb.database });
  await migrateToLatest(opened.db, opened.dialect);
  return {
    db: opened.db,
    async close() {
      await opened.close();
      await tdb.drop();
    },
  };
}
