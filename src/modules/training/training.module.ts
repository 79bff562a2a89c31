/** The training register wired: courses and award entries. */
import type { Db } from "../../platform/db/database.js";
import type { FileStore } from "../../platform/files/file-store.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import type { AuditService } from "../audit/audit.service.js";
import { createAwardsRepository } from "./awards.repository.js";
import { createAwardsService } from "./awards.service.js";
import { createTrainingRepository } from "./training.repository.js";
import { createTrainingService } from "./training.service.js";

export function createTrainingModule(deps: {
  db: Db;
  audit: AuditService;
  files: FileStore;
  storedFiles: StoredFilesRepository;
  uploadLimit: number;
}) {
  return {
    training: createTrainingService({
      db: deps.db,
      training: createTrainingRepository(),
      audit: deps.audit,
      uploads: { store: deps.files, storedFiles: deps.storedFiles, uploadLimit: deps.uploadLimit },
    }),
    awards: createAwardsService({ db: deps.db, awards: createAwardsRepository(), audit: deps.audit }),
  };
}
