/**
 * `haidang backup FILE` / `haidang restore FILE`.
 * SQLite: online backup through better-sqlite3 (consistent while the server runs); restore replaces
 * the database file (server stopped). PostgreSQL: `pg_dump -Fc` / `pg_restore --clean`, when installed.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import type { Config } from "../config/config.js";
import { openDatabase } from "../platform/db/database.js";
import { defineError } from "../platform/errors.js";

const run = promisify(execFile);

export const backupErrors = {
  pgToolMissing: defineError({
    code: "backup_pg_tool_missing",
    status: 500,
    vi: "Không tìm thấy pg_dump/pg_restore: hãy cài gói postgresql-client",
    en: "pg_dump/pg_restore not found: install the postgresql-client package",
  }),
  notABackup: defineError({
    code: "backup_invalid_file",
    status: 400,
    vi: "Tệp không phải bản sao lưu Hải Đăng hợp lệ",
    en: "The file is not a valid Hải Đăng backup",
  }),
  fileMissing: defineError({
    code: "backup_file_missing",
    status: 400,
    vi: "Không tìm thấy tệp sao lưu",
    en: "Backup file not found",
  }),
};

async function pgTool(name: "pg_dump" | "pg_restore"): Promise<string> {
  try {
    await run(name, ["--version"]);
    return name;
  } catch {
    throw backupErrors.pgToolMissing();
  }
}

export async function backup(config: Config, file: string): Promise<void> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (config.database.kind === "postgres") {
    await run(await pgTool("pg_dump"), ["-Fc", "--no-owner", "-f", target, config.database.url]);
    return;
  }
  const handle = openDatabase({ database: config.database });
  try {
    await handle.sqlite?.backup(target);
  } finally {
    await handle.close();
  }
}

/** True when the file begins with the given (ASCII) bytes. */
function startsWith(file: string, magic: string): boolean {
  const expected = Buffer.from(magic, "latin1");
  const head = Buffer.alloc(expected.length);
  const fd = fs.openSync(file, "r");
  try {
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(expected);
  } finally {
    fs.closeSync(fd);
  }
}

export async function restore(config: Config, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw backupErrors.fileMissing();
  if (config.database.kind === "postgres") {
    // pg_dump's custom format starts with "PGDMP": refuse anything else before touching the database.
    if (!startsWith(source, "PGDMP")) throw backupErrors.notABackup();
    await run(await pgTool("pg_restore"), [
      "--clean",
      "--if-exists",
      "--no-owner",
      "-d",
      config.database.url,
      source,
    ]);
    return;
  }
  // Check it really is one of ours before replacing anything.
  try {
    const probe = new SQLite(source, { readonly: true, fileMustExist: true });
    const ok = probe
      .prepare("select count(*) as n from sqlite_master where name in ('kysely_migration','audit_log')")
      .get() as { n: number };
    probe.close();
    if (ok.n < 2) throw backupErrors.notABackup();
  } catch (err) {
    throw err instanceof Error && "code" in err && err.code === "backup_invalid_file"
      ? err
      : backupErrors.notABackup({ cause: err });
  }
  const target = config.database.file;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restoring`;
  fs.copyFileSync(source, tmp);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(tmp, target);
}
