/** The source file of an import (uploaded document or scan): stored once by its bytes, new content audited. */
import type { RequestContext } from "../../platform/context.js";
import type { DbOrTrx } from "../../platform/db/database.js";
import type { FileStore } from "../../platform/files/file-store.js";
import { sniffMediaType } from "../../platform/files/media-type.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import { newId, nowIso } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";

export interface ImportFileDeps {
  files: FileStore;
  storedFiles: StoredFilesRepository;
  audit: AuditService;
}

/** The `stored_files` row of these bytes: the existing one when the same bytes were stored before. */
export async function storeImportFile(
  deps: ImportFileDeps,
  trx: DbOrTrx,
  ctx: RequestContext,
  bytes: Uint8Array,
  filename: string,
) {
  const put = await deps.files.put(bytes);
  const known = await deps.storedFiles.findBySha256(trx, put.sha256);
  if (known) return known;
  const row = {
    id: newId(),
    sha256: put.sha256,
    size: put.size,
    media_type: sniffMediaType(bytes),
    original_name: filename,
    storage_path: put.storagePath,
    created_at: nowIso(),
    created_by: ctx.actor?.userId ?? null,
  };
  await deps.storedFiles.insert(trx, row);
  await deps.audit.record(trx, ctx, {
    entityType: "stored_file",
    entityId: row.id,
    action: "create",
    after: row,
  });
  return row;
}
