/**
 * SQL of programme versions (decision 0004): finding the previous version of an amended document,
 * carrying a task's follow-up to its row in the new version, and reading the versions of a lineage.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import type { ProgrammeTable } from "./programmes.tables.js";

/** Tables whose rows belong to a task and follow it to the new version (all have `task_id`). */
const FOLLOW_UP_TABLES = [
  "check_ins",
  "task_directions",
  "task_due_dates",
  "notifications",
  "monitoring_cases",
  "task_record_links",
] as const;

export function createProgrammeVersionsRepository() {
  return {
    /**
     * The active programme of the same issuer and number issued the same year: an amended copy
     * (điều chỉnh, bổ sung) re-dated. Numbers restart every year, so another year is another document.
     */
    findActiveSameNumber(
      db: DbOrTrx,
      issuerAndNumber: string,
      year: string,
    ): Promise<ProgrammeTable | undefined> {
      return db
        .selectFrom("programmes")
        .selectAll()
        .where("status", "=", "active")
        .where(sql<boolean>`identity_key like ${`${escapeLike(`${issuerAndNumber}|${year}-`)}%`} escape '\\'`)
        .orderBy("issued_on", "desc")
        .executeTakeFirst();
    },

    /**
     * Moves every follow-up row of task `from` to task `to` (its row in the new version): check-ins
     * (with their versions and evidence, which hang on the check-in), directions, recorded due dates,
     * notifications, linked response cases and reminder deliveries — whose idempotency keys start
     * with the task id and are rewritten so a reminder already sent is not sent again.
     */
    async moveFollowUp(db: DbOrTrx, from: string, to: string): Promise<number> {
      let moved = 0;
      for (const table of FOLLOW_UP_TABLES) {
        const result = await db
          .updateTable(table)
          .set({ task_id: to })
          .where("task_id", "=", from)
          .executeTakeFirst();
        moved += Number(result.numUpdatedRows);
      }
      const reminders = await db
        .updateTable("reminder_deliveries")
        .set({
          task_id: to,
          idempotency_key: sql<string>`${to} || substr(idempotency_key, ${from.length + 1})`,
        })
        .where("task_id", "=", from)
        .executeTakeFirst();
      return moved + Number(reminders.numUpdatedRows);
    },

    /** Per task of a programme: how many check-ins, directions, recorded due dates and linked cases it has. */
    async followUpCounts(db: DbOrTrx, programmeId: string) {
      const out = new Map<
        string,
        { checkIns: number; directions: number; dueDates: number; cases: number }
      >();
      const entry = (id: string) => {
        let e = out.get(id);
        if (!e) {
          e = { checkIns: 0, directions: 0, dueDates: 0, cases: 0 };
          out.set(id, e);
        }
        return e;
      };
      const ids = db.selectFrom("tasks").select("id").where("programme_id", "=", programmeId);
      const [checkIns, directions, dueDates, cases] = await Promise.all([
        db
          .selectFrom("check_ins")
          .select(["task_id as id", (eb) => eb.fn.countAll<number>().as("n")])
          .where("task_id", "in", ids)
          .groupBy("task_id")
          .execute(),
        db
          .selectFrom("task_directions")
          .select(["task_id as id", (eb) => eb.fn.countAll<number>().as("n")])
          .where("task_id", "in", ids)
          .groupBy("task_id")
          .execute(),
        db
          .selectFrom("task_due_dates")
          .select(["task_id as id", (eb) => eb.fn.countAll<number>().as("n")])
          .where("task_id", "in", ids)
          .groupBy("task_id")
          .execute(),
        db
          .selectFrom("monitoring_cases")
          .select(["task_id as id", (eb) => eb.fn.countAll<number>().as("n")])
          .where("task_id", "in", ids)
          .groupBy("task_id")
          .execute(),
      ]);
      for (const r of checkIns) entry(r.id).checkIns = Number(r.n);
      for (const r of directions) entry(r.id).directions = Number(r.n);
      for (const r of dueDates) entry(r.id).dueDates = Number(r.n);
      for (const r of cases) if (r.id) entry(r.id).cases = Number(r.n);
      return out;
    },

    /** Marks a programme's follow-up changed as a whole (every cached load of it is rebuilt). */
    async touchFollowUp(db: DbOrTrx, programmeId: string): Promise<void> {
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
        .values({ programme_id: programmeId, revision: Number(revision), task_id: null })
        .execute();
    },

    /** The chain of versions ending at `programmeId`, newest first (each with its effective date). */
    async chain(db: DbOrTrx, programmeId: string) {
      const out: Pick<
        ProgrammeTable,
        "id" | "version" | "status" | "effective_from" | "supersedes_id" | "issued_on"
      >[] = [];
      let id: string | null = programmeId;
      while (id && out.length < 100) {
        const row = await db
          .selectFrom("programmes")
          .select(["id", "version", "status", "effective_from", "supersedes_id", "issued_on"])
          .where("id", "=", id)
          .executeTakeFirst();
        if (!row) break;
        out.push(row);
        id = row.supersedes_id;
      }
      return out;
    },

    /** Every version linked to this one by supersession, back and forth. */
    async linkedVersions(db: DbOrTrx, programmeId: string) {
      const select = ["id", "version", "status", "created_at", "source_file_id", "supersedes_id"] as const;
      const out: Pick<
        ProgrammeTable,
        "id" | "version" | "status" | "created_at" | "source_file_id" | "supersedes_id"
      >[] = [];
      const seen = new Set<string>();
      let back: string | null = programmeId;
      while (back && !seen.has(back)) {
        seen.add(back);
        const row = await db
          .selectFrom("programmes")
          .select(select)
          .where("id", "=", back)
          .executeTakeFirst();
        if (!row) break;
        out.push(row);
        back = row.supersedes_id;
      }
      let forward: string | null = programmeId;
      while (forward) {
        const row = await db
          .selectFrom("programmes")
          .select(select)
          .where("supersedes_id", "=", forward)
          .executeTakeFirst();
        if (!row || seen.has(row.id)) break;
        seen.add(row.id);
        out.push(row);
        forward = row.id;
      }
      return out.map(({ supersedes_id, ...v }) => v);
    },

    /** The programme that superseded this one, if any. */
    successor(db: DbOrTrx, programmeId: string) {
      return db
        .selectFrom("programmes")
        .select(["id", "version", "effective_from", "status"])
        .where("supersedes_id", "=", programmeId)
        .executeTakeFirst();
    },

    /**
     * Tasks of earlier versions that no later version carried forward: removed, with the date the
     * version that dropped them applies from.
     */
    async removedTasks(db: DbOrTrx, programmeId: string) {
      const versions = await this.chain(db, programmeId);
      const out: { id: string; ref: string; text: string; removedOn: string | null; version: number }[] = [];
      for (let k = 1; k < versions.length; k++) {
        const older = versions[k];
        const newer = versions[k - 1];
        if (!older || !newer) continue;
        const rows = await db
          .selectFrom("tasks as t")
          .select(["t.id", "t.ref", "t.text"])
          .where("t.programme_id", "=", older.id)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom("tasks as n")
                  .select("n.id")
                  .whereRef("n.lineage_id", "=", "t.lineage_id")
                  .where("n.programme_id", "=", newer.id),
              ),
            ),
          )
          .orderBy("t.position")
          .execute();
        for (const r of rows)
          out.push({ ...r, removedOn: newer.effective_from ?? newer.issued_on, version: older.version });
      }
      return out;
    },
  };
}

export type ProgrammeVersionsRepository = ReturnType<typeof createProgrammeVersionsRepository>;
