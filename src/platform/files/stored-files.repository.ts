/** All SQL of the `stored_files` table. */
import type { DbOrTrx } from "../db/database.js";
import type { StoredFileTable } from "./files.tables.js";

export function createStoredFilesRepository() {
  return {
    findById(db: DbOrTrx, id: string): Promise<StoredFileTable | undefined> {
      return db.selectFrom("stored_files").selectAll().where("id", "=", id).executeTakeFirst();
    },

    findBySha256(db: DbOrTrx, sha256: string): Promise<StoredFileTable | undefined> {
      return db.selectFrom("stored_files").selectAll().where("sha256", "=", sha256).executeTakeFirst();
    },

    async insert(db: DbOrTrx, row: StoredFileTable): Promise<void> {
      await db.insertInto("stored_files").values(row).execute();
    },
  };
}

export type StoredFilesRepository = ReturnType<typeof createStoredFilesRepository>;
