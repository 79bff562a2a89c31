/**
 * The backup archive: a plain POSIX tar (ustar) file, readable with `tar -tvf`, written and read here
 * without any outside tool. Entries are copied in chunks (a database or a scan never sits in memory
 * whole) and hashed on the way; the reader accepts only the entry names a backup has, so a crafted
 * archive cannot write outside the staging directory.
 *
 * @example
 * const out = createTarWriter("/backups/haidang.tar");
 * out.addFile("manifest.json", "/tmp/manifest.json");
 * out.close();
 * const entries = await extractTar("/backups/haidang.tar", "/tmp/staging", isBackupEntryName);
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const BLOCK = 512;
const CHUNK = 1024 * 1024;
/** 11 octal digits: the largest entry a ustar header can describe (8 GiB − 1). */
const MAX_ENTRY_SIZE = 8 ** 11 - 1;

export interface ArchiveEntry {
  name: string;
  size: number;
  sha256: string;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`archive entry name too long: ${name}`);
  if (size > MAX_ENTRY_SIZE) throw new Error(`archive entry too large: ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, "utf8");
  h.write(octal(0o644, 8), 100, "ascii");
  h.write(octal(0, 8), 108, "ascii");
  h.write(octal(0, 8), 116, "ascii");
  h.write(octal(size, 12), 124, "ascii");
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write("0", 156, "ascii");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return h;
}

/** True when the file starts with a ustar header (what `createTarWriter` writes). */
export function isTarArchive(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const h = Buffer.alloc(BLOCK);
    return fs.readSync(fd, h, 0, BLOCK, 0) === BLOCK && h.toString("ascii", 257, 262) === "ustar";
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a tar archive entry by entry; `close()` adds the end-of-archive blocks. */
export function createTarWriter(target: string) {
  const fd = fs.openSync(target, "w");
  const buffer = Buffer.alloc(CHUNK);
  return {
    /** Copies a file into the archive under `name`; returns its size and SHA-256. */
    addFile(name: string, source: string): ArchiveEntry {
      const { size, mtime } = fs.statSync(source);
      fs.writeSync(fd, header(name, size, mtime));
      const hash = createHash("sha256");
      const input = fs.openSync(source, "r");
      let copied = 0;
      try {
        while (copied < size) {
          const n = fs.readSync(input, buffer, 0, Math.min(CHUNK, size - copied), copied);
          if (n === 0) throw new Error(`file shrank while being archived: ${source}`);
          hash.update(buffer.subarray(0, n));
          fs.writeSync(fd, buffer, 0, n);
          copied += n;
        }
      } finally {
        fs.closeSync(input);
      }
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (padding) fs.writeSync(fd, Buffer.alloc(padding, 0));
      return { name, size, sha256: hash.digest("hex") };
    },
    close(): void {
      try {
        fs.writeSync(fd, Buffer.alloc(BLOCK * 2, 0));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    },
    /** Closes without finishing (the caller deletes the partial file). */
    abort(): void {
      fs.closeSync(fd);
    },
  };
}

function readOctal(h: Buffer, offset: number, width: number): number {
  const text = h
    .toString("ascii", offset, offset + width)
    .replace(/\0.*$/s, "")
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new Error("bad number in archive header");
  return text === "" ? 0 : Number.parseInt(text, 8);
}

/**
 * Extracts every entry into `dir` (flat names as given), hashing each. Throws on an entry name
 * `isAllowed` refuses, a header whose checksum is wrong, or an archive that ends early.
 */
export function extractTar(
  archive: string,
  dir: string,
  isAllowed: (name: string) => boolean,
): ArchiveEntry[] {
  const fd = fs.openSync(archive, "r");
  const total = fs.fstatSync(fd).size;
  const buffer = Buffer.alloc(CHUNK);
  const entries: ArchiveEntry[] = [];
  let position = 0;
  try {
    while (position + BLOCK <= total) {
      const h = Buffer.alloc(BLOCK);
      fs.readSync(fd, h, 0, BLOCK, position);
      position += BLOCK;
      if (h.every((b) => b === 0)) break;
      const stored = readOctal(h, 148, 8);
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] as number);
      if (sum !== stored) throw new Error("archive header checksum mismatch");
      const name = h.toString("utf8", 0, 100).replace(/\0.*$/s, "");
      const size = readOctal(h, 124, 12);
      const type = h.toString("ascii", 156, 157);
      if ((type !== "0" && type !== "\0") || !isAllowed(name))
        throw new Error(`unexpected archive entry: ${name}`);
      if (position + size > total) throw new Error(`archive ends inside ${name}`);
      const target = path.join(dir, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const out = fs.openSync(target, "wx");
      const hash = createHash("sha256");
      let copied = 0;
      try {
        while (copied < size) {
          const n = fs.readSync(fd, buffer, 0, Math.min(CHUNK, size - copied), position + copied);
          if (n === 0) throw new Error(`archive ends inside ${name}`);
          hash.update(buffer.subarray(0, n));
          fs.writeSync(out, buffer, 0, n);
          copied += n;
        }
      } finally {
        fs.closeSync(out);
      }
      position += size + ((BLOCK - (size % BLOCK)) % BLOCK);
      entries.push({ name, size, sha256: hash.digest("hex") });
    }
  } finally {
    fs.closeSync(fd);
  }
  return entries;
}
