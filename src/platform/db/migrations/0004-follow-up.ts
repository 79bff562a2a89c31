/** Follow-up and reporting: check-ins, directions, due dates, holidays, notifications, reminders, reports. */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { DEFAULT_VIETNAM_HOLIDAYS } from "../../../modules/follow-up/calendar/calendar.holidays.js";
import type { AppMigration } from "./migration.js";

export const followUpMigration: AppMigration = {
  name: "0004-follow-up",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("check_ins")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
      .addColumn("party_person_id", "text", (c) => c.references("people.id"))
      .addColumn("party_unit_id", "text", (c) => c.references("units.id"))
      .addColumn("party_name", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("period", "text", (c) => c.notNull())
      .addColumn("milestone", "text")
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("done_text", "text", (c) => c.notNull())
      .addColumn("progress", "integer", (c) => c.notNull())
      .addColumn("milestones_reached_json", "text", (c) => c.notNull())
      .addColumn("difficulties", "text")
      .addColumn("proposals", "text")
      .addColumn("reported_complete", "integer", (c) => c.notNull())
      .addColumn("completed_on", "text")
      .addColumn("submitted_at", "text")
      .addColumn("confirmed_at", "text")
      .addColumn("confirmed_by", "text")
      .addColumn("returned_at", "text")
      .addColumn("returned_by", "text")
      .addColumn("return_reason", "text")
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("check_ins_task_idx").on("check_ins").columns(["task_id", "state"]).execute();

    await db.schema
      .createTable("check_in_versions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("check_in_id", "text", (c) => c.notNull().references("check_ins.id"))
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("snapshot_json", "text", (c) => c.notNull())
      .addColumn("saved_at", "text", (c) => c.notNull())
      .addColumn("saved_by", "text")
      .execute();
    await db.schema
      .createIndex("check_in_versions_check_in_idx")
      .on("check_in_versions")
      .columns(["check_in_id", "saved_at"])
      .execute();

    await db.schema
      .createTable("check_in_evidence")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("check_in_id", "text", (c) => c.notNull().references("check_ins.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("file_id", "text", (c) => c.references("stored_files.id"))
      .addColumn("url", "text")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("count", "integer")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .execute();
    await db.schema
      .createIndex("check_in_evidence_check_in_idx")
      .on("check_in_evidence")
      .column("check_in_id")
      .execute();

    await db.schema
      .createTable("task_directions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("author_id", "text")
      .addColumn("author_name", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("task_directions_task_idx").on("task_directions").column("task_id").execute();

    await db.schema
      .createTable("task_due_dates")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
      .addColumn("due_date", "text", (c) => c.notNull())
      .addColumn("directive", "text", (c) => c.notNull())
      .addColumn("label", "text")
      .addColumn("file_id", "text", (c) => c.references("stored_files.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .execute();
    await db.schema.createIndex("task_due_dates_task_idx").on("task_due_dates").column("task_id").execute();

    await db.schema
      .createTable("holidays")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("date", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    const now = new Date().toISOString();
    const seen = new Set<string>();
    const rows = DEFAULT_VIETNAM_HOLIDAYS.filter((h) => !seen.has(h.date) && seen.add(h.date)).map((h) => ({
      id: randomUUID(),
      date: h.date,
      name: h.name,
      kind: h.kind ?? "holiday",
      created_at: now,
    }));
    await (db as Kysely<{ holidays: (typeof rows)[number] }>).insertInto("holidays").values(rows).execute();

    await db.schema
      .createTable("notifications")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("task_id", "text")
      .addColumn("programme_id", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("read_at", "text")
      .execute();
    await db.schema
      .createIndex("notifications_user_idx")
      .on("notifications")
      .columns(["user_id", "created_at"])
      .execute();

    await db.schema
      .createTable("reminder_deliveries")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("recipient", "text", (c) => c.notNull())
      .addColumn("task_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("due_date", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("error", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("sent_at", "text")
      .execute();
    await db.schema
      .createIndex("reminder_deliveries_status_idx")
      .on("reminder_deliveries")
      .columns(["status", "created_at"])
      .execute();

    await db.schema
      .createTable("follow_up_revisions")
      .addColumn("programme_id", "text", (c) => c.primaryKey())
      .addColumn("revision", "integer", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("reports")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("cutoff_from", "text", (c) => c.notNull())
      .addColumn("cutoff_to", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("model_json", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("updated_by", "text")
      .execute();
    await db.schema.createIndex("reports_programme_idx").on("reports").column("programme_id").execute();
  },
};
