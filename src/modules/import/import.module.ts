/**
 * The import module's services: the import workflow and OCR runs of scans (its job handler registered on
 * the job runner here, so the composition root wires one thing).
 */
import type { JobRunner } from "../../platform/jobs/job-runner.js";
import { createImportService, type ImportServiceDeps } from "./import.service.js";
import { createImportOcrRepository } from "./import-ocr.repository.js";
import { createImportOcrService } from "./import-ocr.service.js";

export function createImportModule(deps: ImportServiceDeps & { jobs: JobRunner }) {
  const imports = createImportService(deps);
  const importOcr = createImportOcrService({
    db: deps.db,
    files: deps.files,
    storedFiles: deps.storedFiles,
    audit: deps.audit,
    jobs: deps.jobs,
    runs: createImportOcrRepository(),
    imports,
    uploadLimit: deps.uploadLimit,
  });
  deps.jobs.register(importOcr.handler);
  return { imports, importOcr };
}
