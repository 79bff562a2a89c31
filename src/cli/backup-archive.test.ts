import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isBackupEntryName } from "./backup.js";
import { createTarWriter, extractTar, isTarArchive } from "./backup-archive.js";

const SHA = createHash("sha256").update("x").digest("hex");
const STORE_NAME = `files/${SHA.slice(0, 2)}/${SHA.slice(2, 4)}/${SHA}`;

describe("backup archive", () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "hd-tar-"));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  function archiveOf(entries: [string, Buffer][]): string {
    const dir = tmp();
    const file = path.join(dir, "a.tar");
    const out = createTarWriter(file);
    for (const [name, bytes] of entries) {
      const source = path.join(dir, "src.bin");
      fs.writeFileSync(source, bytes);
      out.addFile(name, source);
    }
    out.close();
    return file;
  }

  it("writes a tar that the system's tar lists, and reads it back byte for byte", () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    const file = archiveOf([
      ["manifest.json", Buffer.from("{}\n")],
      [STORE_NAME, Buffer.from("x")],
      ["database.sqlite", big],
    ]);
    expect(isTarArchive(file)).toBe(true);
    const listed = execFileSync("tar", ["-tf", file], { encoding: "utf8" }).trim().split("\n");
    expect(listed).toEqual(["manifest.json", STORE_NAME, "database.sqlite"]);
    const out = tmp();
    const entries = extractTar(file, out, isBackupEntryName);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ["manifest.json", 3],
      [STORE_NAME, 1],
      ["database.sqlite", big.length],
    ]);
    expect(entries[1]?.sha256).toBe(SHA);
    expect(fs.readFileSync(path.join(out, "database.sqlite")).equals(big)).toBe(true);
  });

  it("refuses entry names a backup does not have, such as a path out of the staging directory", () => {
    for (const name of ["../../etc/cron.d/x", "files/../../x", "files/ab/cd/not-a-hash", "/etc/passwd"]) {
      const file = archiveOf([[name, Buffer.from("x")]]);
      const out = tmp();
      expect(() => extractTar(file, out, isBackupEntryName)).toThrow(/unexpected archive entry/);
      expect(fs.readdirSync(out)).toEqual([]);
    }
  });

  it("refuses a damaged header and an archive cut short", () => {
    const file = archiveOf([["manifest.json", Buffer.alloc(2000, 1)]]);
    const bytes = fs.readFileSync(file);
    const damaged = Buffer.from(bytes);
    damaged[10] = 0x41;
    fs.writeFileSync(file, damaged);
    expect(() => extractTar(file, tmp(), isBackupEntryName)).toThrow(/checksum/);
    fs.writeFileSync(file, bytes.subarray(0, 1024));
    expect(() => extractTar(file, tmp(), isBackupEntryName)).toThrow(/ends inside/);
  });
});
