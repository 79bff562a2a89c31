/** All SQL of the import workflow: drafts, and the directory names that parties are reconciled against. */
import type { DbOrTrx } from "../../platform/db/database.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { DraftStatus, ImportDraftTable } from "../programmes/programmes.tables.js";

/** A directory entry as reconciliation sees it: every folded spelling it answers to. */
export interface DirectoryName {
  id: string;
  name: string;
  folded: string[];
}

export function createImportRepository() {
  return {
    async insertDraft(db: DbOrTrx, row: ImportDraftTable): Promise<void> {
      await db.insertInto("import_drafts").values(row).execute();
    },

    /** A page of drafts, newest first, with who uploaded each. */
    async listDrafts(db: DbOrTrx, status: DraftStatus | "all", page: { limit: number; offset: number }) {
      const base = db
        .selectFrom("import_drafts as d")
        .$if(status !== "all", (q) => q.where("d.status", "=", status as DraftStatus));
      const rows = await base
        .leftJoin("users as u", "u.id", "d.created_by")
        .select([
          "d.id",
          "d.status",
          "d.filename",
          "d.source_type",
          "d.parsed_json",
          "d.warnings_json",
          "d.existing_programme_id",
          "d.committed_programme_id",
          "d.created_at",
          "d.updated_at",
          "u.display_name as created_by_name",
        ])
        .orderBy("d.created_at", "desc")
        .orderBy("d.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },

    findDraft(db: DbOrTrx, id: string): Promise<ImportDraftTable | undefined> {
      return db.selectFrom("import_drafts").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /**
     * Takes the draft's row lock for the rest of the transaction (a no-op update): a second commit of
     * the same draft waits here, then reads it as committed. SQLite serialises writers anyway.
     */
    async lockDraft(db: DbOrTrx, id: string): Promise<void> {
      await db
        .updateTable("import_drafts")
        .set((eb) => ({ status: eb.ref("status") }))
        .where("id", "=", id)
        .execute();
    },

    async updateDraft(db: DbOrTrx, id: string, patch: Partial<ImportDraftTable>): Promise<void> {
      await db.updateTable("import_drafts").set(patch).where("id", "=", id).execute();
    },

    /** People not merged into another record. */
    async peopleNames(db: DbOrTrx): Promise<DirectoryName[]> {
      const rows = await db
        .selectFrom("people")
        .select(["id", "full_name", "folded_name"])
        .where("merged_into_id", "is", null)
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.full_name, folded: [r.folded_name] }));
    },

    /** Units answer to their name and to their short name. */
    async unitNames(db: DbOrTrx): Promise<DirectoryName[]> {
      const rows = await db.selectFrom("units").select(["id", "name", "short_name"]).execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        folded: [foldVietnamese(r.name), ...(r.short_name ? [foldVietnamese(r.short_name)] : [])],
      }));
    },

    async personExists(db: DbOrTrx, id: string): Promise<boolean> {
      return !!(await db
        .selectFrom("people")
        .select("id")
        .where("id", "=", id)
        .where("merged_into_id", "is", null)
        .executeTakeFirst());
    },

    async unitExists(db: DbOrTrx, id: string): Promise<boolean> {
      return !!(await db.selectFrom("units").select("id").where("id", "=", id).executeTakeFirst());
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
