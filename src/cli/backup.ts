/**
 * `haidang backup FILE` / `haidang restore FILE`: the database and the uploaded files together, in one
 * tar archive (see `backup-archive.ts`):
 *
 *   manifest.json                 format, version, database kind, size and SHA-256 of every entry
 *   database.sqlite | .pgdump     SQLite online backup (consistent while the server runs) or `pg_dump -Fc`
 *   files/ab/cd/<sha256>          the content-addressed file store, as it is on disk
 *
 * The database is copied first and the files after it: the store only ever grows, so every file the
 * copied database refers to is in the archive. Restore (server stopped) extracts into a staging
 * directory, checks every entry against the manifest and every stored file against its hash, refuses
 * a backup of the other database kind, and only then replaces the database and adds the files; it
 * ends by reading back every `stored_files` row of the restored database and checking its bytes.
 * Backups written before files were included (a bare SQLite file or pg_dump) still restore, with a
 * warning that they hold no files.
 */
import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { z } from "zod";
import type { Config } from "../config/config.js";
import { openDatabase } from "../platform/db/database.js";
import { defineError } from "../platform/errors.js";
import { type ArchiveEntry, createTarWriter, extractTar, isTarArchive } from "./backup-archive.js";

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
  corrupt: defineError({
    code: "backup_corrupt",
    status: 400,
    vi: "Bản sao lưu bị hỏng hoặc thiếu tệp (không khớp mã kiểm tra); chưa khôi phục gì",
    en: "The backup is damaged or incomplete (checksums do not match); nothing was restored",
  }),
  wrongDatabase: defineError({
    code: "backup_wrong_database",
    status: 400,
    vi: "Bản sao lưu được tạo từ loại cơ sở dữ liệu khác (SQLite/PostgreSQL); chưa khôi phục gì",
    en: "The backup was made from the other kind of database (SQLite/PostgreSQL); nothing was restored",
  }),
  filesUnreadable: defineError({
    code: "backup_restored_files_unreadable",
    status: 500,
    vi: "Đã khôi phục nhưng một số tệp đã lưu không đọc được hoặc sai mã kiểm tra",
    en: "Restored, but some stored files are missing or do not match their checksum",
  }),
};

const MANIFEST = "manifest.json";
const STORE_ENTRY = /^files\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const DATABASE_ENTRY = { sqlite: "database.sqlite", postgres: "database.pgdump" } as const;

const EntrySchema = z.object({ name: z.string(), size: z.number().int().min(0), sha256: z.string() });
const ManifestSchema = z.object({
  format: z.literal("haidang-backup"),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.enum(["sqlite", "postgres"]),
  entries: z.array(EntrySchema),
});
type Manifest = z.infer<typeof ManifestSchema>;

/** What a backup or a restore did, for the operator. */
export interface BackupSummary {
  database: "sqlite" | "postgres";
  files: number;
  bytes: number;
  /** Restore only: `stored_files` rows whose bytes were read back and matched. */
  verified?: number;
  /** Restore only: an old backup without files. */
  isLegacy?: boolean;
}

async function pgTool(name: "pg_dump" | "pg_restore"): Promise<string> {
  try {
    await run(name, ["--version"]);
    return name;
  } catch {
    throw backupErrors.pgToolMissing();
  }
}

export const isBackupEntryName = (name: string) =>
  name === MANIFEST ||
  name === DATABASE_ENTRY.sqlite ||
  name === DATABASE_ENTRY.postgres ||
  STORE_ENTRY.test(name);

/** Every file of the store under `<dataDir>/files`, as archive names (`files/ab/cd/<sha256>`). */
function storeEntries(dataDir: string): string[] {
  const root = path.join(dataDir, "files");
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  for (const a of fs.readdirSync(root).sort()) {
    const dirA = path.join(root, a);
    if (!fs.statSync(dirA).isDirectory()) continue;
    for (const b of fs.readdirSync(dirA).sort()) {
      const dirB = path.join(dirA, b);
      if (!fs.statSync(dirB).isDirectory()) continue;
      for (const name of fs.readdirSync(dirB).sort()) {
        const entry = `files/${a}/${b}/${name}`;
        // Temporary files of an upload in progress are not part of the store yet.
        if (STORE_ENTRY.test(entry)) out.push(entry);
      }
    }
  }
  return out;
}

const sha256File = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function dumpDatabase(config: Config, target: string): Promise<void> {
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

export async function backup(config: Config, file: string): Promise<BackupSummary> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(target), ".haidang-backup-"));
  const partial = `${target}.${randomUUID()}.partial`;
  try {
    const kind = config.database.kind;
    const dump = path.join(work, DATABASE_ENTRY[kind]);
    await dumpDatabase(config, dump);
    const files = storeEntries(config.dataDir);
    const entries: ArchiveEntry[] = [
      { name: DATABASE_ENTRY[kind], size: fs.statSync(dump).size, sha256: sha256File(dump) },
    ];
    let bytes = 0;
    for (const name of files) {
      const source = path.join(config.dataDir, name);
      const entry = { name, size: fs.statSync(source).size, sha256: sha256File(source) };
      // A stored file is named by its hash: one that no longer matches is damaged — say so now.
      if (entry.sha256 !== path.basename(name)) throw backupErrors.corrupt({ meta: { file: name } });
      entries.push(entry);
      bytes += entry.size;
    }
    const manifest: Manifest = {
      format: "haidang-backup",
      version: 1,
      createdAt: new Date().toISOString(),
      database: kind,
      entries,
    };
    const manifestFile = path.join(work, MANIFEST);
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

    const out = createTarWriter(partial);
    try {
      out.addFile(MANIFEST, manifestFile);
      for (const entry of entries) {
        const source = entry.name === DATABASE_ENTRY[kind] ? dump : path.join(config.dataDir, entry.name);
        const written = out.addFile(entry.name, source);
        if (written.sha256 !== entry.sha256) throw backupErrors.corrupt({ meta: { file: entry.name } });
      }
      out.close();
    } catch (err) {
      out.abort();
      throw err;
    }
    fs.renameSync(partial, target);
    return { database: kind, files: files.length, bytes };
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
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

/** Refuses a SQLite file that is not one of ours; returns the stored files it refers to. */
function probeSqlite(file: string): { sha256: string; storage_path: string }[] {
  try {
    const probe = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      const ok = probe
        .prepare("select count(*) as n from sqlite_master where name in ('kysely_migration','audit_log')")
        .get() as { n: number };
      if (ok.n < 2) throw backupErrors.notABackup();
      return probe.prepare("select sha256, storage_path from stored_files").all() as {
        sha256: string;
        storage_path: string;
      }[];
    } finally {
      probe.close();
    }
  } catch (err) {
    throw err instanceof Error && "code" in err && err.code === "backup_invalid_file"
      ? err
      : backupErrors.notABackup({ cause: err });
  }
}

function replaceSqliteFile(config: Config, source: string): void {
  if (config.database.kind !== "sqlite") return;
  const target = config.database.file;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restoring`;
  fs.copyFileSync(source, tmp);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(tmp, target);
}

async function restoreDatabase(config: Config, dump: string): Promise<void> {
  if (config.database.kind === "postgres") {
    await run(await pgTool("pg_restore"), [
      "--clean",
      "--if-exists",
      "--no-owner",
      "-d",
      config.database.url,
      dump,
    ]);
    return;
  }
  replaceSqliteFile(config, dump);
}

/** Reads every stored file the restored database refers to and checks its bytes. */
async function verifyStoredFiles(config: Config): Promise<number> {
  const handle = openDatabase({ database: config.database });
  try {
    const rows = await handle.db
      .selectFrom("stored_files")
      .select(["id", "sha256", "storage_path"])
      .execute();
    const bad: { path: string; message: string }[] = [];
    for (const row of rows) {
      const file = path.join(config.dataDir, row.storage_path);
      if (!fs.existsSync(file)) bad.push({ path: row.storage_path, message: "missing" });
      else if (sha256File(file) !== row.sha256) bad.push({ path: row.storage_path, message: "checksum" });
    }
    if (bad.length > 0) throw backupErrors.filesUnreadable({ details: bad.slice(0, 20) });
    return rows.length;
  } finally {
    await handle.close();
  }
}

async function restoreLegacy(config: Config, source: string): Promise<BackupSummary> {
  if (config.database.kind === "postgres") {
    // pg_dump's custom format starts with "PGDMP": refuse anything else before touching the database.
    if (!startsWith(source, "PGDMP")) throw backupErrors.notABackup();
  } else {
    probeSqlite(source);
  }
  await restoreDatabase(config, source);
  return { database: config.database.kind, files: 0, bytes: 0, isLegacy: true };
}

export async function restore(config: Config, file: string): Promise<BackupSummary> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw backupErrors.fileMissing();
  if (!isTarArchive(source)) return restoreLegacy(config, source);

  fs.mkdirSync(config.dataDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(config.dataDir, ".restoring-"));
  try {
    let extracted: ArchiveEntry[];
    try {
      extracted = extractTar(source, staging, isBackupEntryName);
    } catch (err) {
      throw backupErrors.corrupt({ cause: err, meta: { reason: String(err) } });
    }
    const first = extracted[0];
    if (!first || first.name !== MANIFEST) throw backupErrors.notABackup();
    const parsed = ManifestSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(staging, MANIFEST), "utf8")),
    );
    if (!parsed.success) throw backupErrors.notABackup({ cause: parsed.error });
    const manifest = parsed.data;
    if (manifest.database !== config.database.kind) throw backupErrors.wrongDatabase();

    // Every listed entry present with its size and hash; every stored file named by its own hash.
    const found = new Map(extracted.map((e) => [e.name, e]));
    const problems: { path: string; message: string }[] = [];
    for (const entry of manifest.entries) {
      const got = found.get(entry.name);
      if (!got) problems.push({ path: entry.name, message: "missing" });
      else if (got.sha256 !== entry.sha256 || got.size !== entry.size)
        problems.push({ path: entry.name, message: "checksum" });
      else if (STORE_ENTRY.test(entry.name) && path.basename(entry.name) !== got.sha256)
        problems.push({ path: entry.name, message: "checksum" });
    }
    const databaseEntry = DATABASE_ENTRY[manifest.database];
    if (!manifest.entries.some((e) => e.name === databaseEntry))
      problems.push({ path: databaseEntry, message: "missing" });
    if (problems.length > 0) throw backupErrors.corrupt({ details: problems.slice(0, 20) });

    const dump = path.join(staging, databaseEntry);
    const storeNames = manifest.entries.filter((e) => STORE_ENTRY.test(e.name));
    if (manifest.database === "sqlite") {
      // Known before anything is replaced: the copied database refers only to files in the archive.
      const listed = new Set(storeNames.map((e) => e.name));
      const absent = probeSqlite(dump).filter((f) => !listed.has(f.storage_path));
      if (absent.length > 0)
        throw backupErrors.corrupt({
          details: absent.slice(0, 20).map((f) => ({ path: f.storage_path, message: "missing" })),
        });
    } else if (!startsWith(dump, "PGDMP")) {
      throw backupErrors.notABackup();
    }

    await restoreDatabase(config, dump);
    let bytes = 0;
    for (const entry of storeNames) {
      const target = path.join(config.dataDir, entry.name);
      bytes += entry.size;
      // Same name, same bytes (content-addressed): a file already there and intact is kept.
      if (fs.existsSync(target) && sha256File(target) === entry.sha256) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomUUID()}.tmp`;
      fs.copyFileSync(path.join(staging, entry.name), tmp);
      fs.renameSync(tmp, target);
    }
    const verified = await verifyStoredFiles(config);
    return { database: manifest.database, files: storeNames.length, bytes, verified };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
