/**
 * Content-addressed file store under `HAIDANG_DATA_DIR/files/ab/cd/<sha256>`.
 *
 * Writes are atomic (temporary file in the same directory, then rename), the same bytes are stored
 * once, and paths are derived only from the hash — never from a client-supplied name — so a
 * stored path can never escape the store.
 *
 * @example
 * const store = createFileStore({ dataDir: "/var/lib/haidang" });
 * const { sha256, storagePath } = await store.put(bytes);
 * const again = await store.read(storagePath);
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface PutResult {
  sha256: string;
  size: number;
  /** Relative to the data directory: `files/ab/cd/<sha256>`. */
  storagePath: string;
  /** False when identical content was already stored. */
  isNew: boolean;
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function createFileStore(options: { dataDir: string }) {
  const root = path.resolve(options.dataDir);

  function relativePathFor(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error("invalid sha256");
    return path.posix.join("files", sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Resolves a stored relative path, refusing anything outside `<dataDir>/files`. */
  function absolute(storagePath: string): string {
    const filesRoot = path.join(root, "files");
    const resolved = path.resolve(root, storagePath);
    if (!resolved.startsWith(filesRoot + path.sep)) throw new Error("path outside the file store");
    return resolved;
  }

  return {
    relativePathFor,

    /** Stores the bytes (once per content) and returns where they live. */
    async put(bytes: Uint8Array): Promise<PutResult> {
      const sha256 = sha256Hex(bytes);
      const storagePath = relativePathFor(sha256);
      const target = absolute(storagePath);
      try {
        await fs.access(target);
        return { sha256, size: bytes.byteLength, storagePath, isNew: false };
      } catch {
        // not stored yet
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        await fs.writeFile(temp, bytes, { flag: "wx" });
        await fs.rename(temp, target);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
      }
      return { sha256, size: bytes.byteLength, storagePath, isNew: true };
    },

    /** Reads stored bytes by their relative path. */
    read(storagePath: string): Promise<Buffer> {
      return fs.readFile(absolute(storagePath));
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
