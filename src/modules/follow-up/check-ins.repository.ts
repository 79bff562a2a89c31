/** All SQL of check-ins, their versions and evidence. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import type { CheckInEvidenceTable, CheckInTable, CheckInVersionTable } from "./follow-up.tables.js";

export function createCheckInsRepository() {
  return {
    async insert(db: DbOrTrx, row: CheckInTable): Promise<void> {
      await db.insertInto("check_ins").values(row).execute();
    },

    async update(db: DbOrTrx, id: string, patch: Partial<CheckInTable>): Promise<void> {
      await db.updateTable("check_ins").set(patch).where("id", "=", id).execute();
    },

    find(db: DbOrTrx, id: string): Promise<CheckInTable | undefined> {
      return db.selectFrom("check_ins").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Check-ins of a task a viewer may see: everything submitted, and the viewer's own drafts. */
    listForTask(db: DbOrTrx, taskId: string, viewerUserId: string): Promise<CheckInTable[]> {
      return db
        .selectFrom("check_ins")
        .selectAll()
        .where("task_id", "=", taskId)
        .where((eb) => eb.or([eb("state", "!=", "draft"), eb("created_by", "=", viewerUserId)]))
        .orderBy("period")
        .orderBy("created_at")
        .execute();
    },

    async insertVersion(db: DbOrTrx, row: CheckInVersionTable): Promise<void> {
      await db.insertInto("check_in_versions").values(row).execute();
    },

    versions(db: DbOrTrx, checkInId: string): Promise<CheckInVersionTable[]> {
      return db
        .selectFrom("check_in_versions")
        .selectAll()
        .where("check_in_id", "=", checkInId)
        .orderBy("saved_at")
        .orderBy("version")
        .execute();
    },

    async insertEvidence(db: DbOrTrx, row: CheckInEvidenceTable): Promise<void> {
      await db.insertInto("check_in_evidence").values(row).execute();
    },

    /** One evidence item with its check-in's task, state and author, and its stored file. */
    findEvidence(db: DbOrTrx, id: string) {
      return db
        .selectFrom("check_in_evidence as e")
        .innerJoin("check_ins as c", "c.id", "e.check_in_id")
        .leftJoin("stored_files as f", "f.id", "e.file_id")
        .select(["e.id", "e.check_in_id", "e.file_id", "e.file_name", "e.title", "c.task_id", "c.state"])
        .select("c.created_by")
        .select(["f.original_name", "f.media_type", "f.size", "f.storage_path"])
        .where("e.id", "=", id)
        .executeTakeFirst();
    },

    /** Evidence of the given check-ins, with the stored file's name, type and hash. */
    async evidenceOf(db: DbOrTrx, checkInIds: string[]) {
      const out = [];
      for (let i = 0; i < checkInIds.length; i += 500) {
        out.push(
          ...(await db
            .selectFrom("check_in_evidence as e")
            .leftJoin("stored_files as f", "f.id", "e.file_id")
            .selectAll("e")
            .select(["f.original_name", "f.media_type", "f.sha256", "f.size"])
            .where("e.check_in_id", "in", checkInIds.slice(i, i + 500))
            .orderBy("e.created_at")
            .execute()),
        );
      }
      return out;
    },

    /**
     * Marks a programme's follow-up data changed (dashboard cache key) and logs which task changed
     * (null: not one task; readers reload everything), in the caller's transaction.
     */
    async bumpRevision(db: DbOrTrx, programmeId: string, taskId: string | null = null): Promise<void> {
      const { revision } = await db
        .insertInto("follow_up_revisions")
        .values({ programme_id: programmeId, revision: 1 })
        .onConflict((oc) =>
          oc.column("programme_id").doUpdateSet({ revision: sql`follow_up_revisions.revision + 1` }),
        )
        .returning("revision")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("follow_up_changes")
        .values({ programme_id: programmeId, revision: Number(revision), task_id: taskId })
        .execute();
    },
  };
}

export type CheckInsRepository = ReturnType<typeof createCheckInsRepository>;
export type EvidenceRow = Awaited<ReturnType<CheckInsRepository["evidenceOf"]>>[number];
