/** Uploaded files of follow-up (evidence, directive documents): size limit, sniffed type, stored once by hash. */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { FileStore } from "../../platform/files/file-store.js";
import { sniffMediaType } from "../../platform/files/media-type.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import { newId, nowIso } from "../../platform/ids.js";
import { followUpErrors } from "./follow-up.errors.js";

export interface UploadDeps {
  store: FileStore;
  storedFiles: StoredFilesRepository;
  uploadLimit: number;
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

/** Decodes, checks and stores an upload; returns the `stored_files` id (existing when the bytes were stored before). */
export async function storeUpload(
  trx: DbOrTrx,
  deps: UploadDeps,
  upload: { filename: string; contentBase64: string },
  userId: string | null,
): Promise<string> {
  // Base64 is 4/3 of the bytes: refuse before decoding a body that is certainly too large.
  if (Math.floor((upload.contentBase64.length * 3) / 4) > deps.uploadLimit + 3) {
    throw followUpErrors.fileTooLarge({ meta: { limit: deps.uploadLimit } });
  }
  if (!BASE64.test(upload.contentBase64)) throw followUpErrors.invalidBase64();
  const bytes = Buffer.from(upload.contentBase64, "base64");
  if (bytes.length === 0) throw followUpErrors.invalidBase64();
  if (bytes.length > deps.uploadLimit)
    throw followUpErrors.fileTooLarge({ meta: { limit: deps.uploadLimit } });
  const put = await deps.store.put(bytes);
  const existing = await deps.storedFiles.findBySha256(trx, put.sha256);
  if (existing) return existing.id;
  const id = newId();
  await deps.storedFiles.insert(trx, {
    id,
    sha256: put.sha256,
    size: put.size,
    media_type: sniffMediaType(bytes),
    original_name: upload.filename,
    storage_path: put.storagePath,
    created_at: nowIso(),
    created_by: userId,
  });
  return id;
}
