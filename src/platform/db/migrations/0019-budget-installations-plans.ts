/**
 * Budget proposals (đề xuất kinh phí) with their documents, visual installations (pano, màn hình LED,
 * bảng tin cổ động) with their resized photos, and the communication plans of events (kế hoạch
 * truyền thông) whose items may be milestones of programme tasks.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const budgetInstallationsPlansMigration: AppMigration = {
  name: "0019-budget-installations-plans",
  async up(db: Kysely<unknown>) {
    // Amounts are whole đồng: bigint (a single item may pass 2^31 đồng).
    await db.schema
      .createTable("budget_items")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("unit_id", "text", (c) => c.references("units.id"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("proposed_amount", "bigint", (c) => c.notNull())
      .addColumn("approved_amount", "bigint")
      .addColumn("disbursed_amount", "bigint")
      .addColumn("proposed_on", "text")
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("budget_items_year_idx")
      .on("budget_items")
      .columns(["year", "status"])
      .execute();
    await db.schema
      .createTable("budget_item_documents")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("budget_item_id", "text", (c) =>
        c.notNull().references("budget_items.id").onDelete("cascade"),
      )
      .addColumn("file_id", "text", (c) => c.notNull().references("stored_files.id"))
      .addColumn("file_name", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("budget_item_documents_item_idx")
      .on("budget_item_documents")
      .columns(["budget_item_id"])
      .execute();

    await db.schema
      .createTable("installations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("address", "text", (c) => c.notNull())
      .addColumn("district", "text", (c) => c.notNull())
      .addColumn("latitude", "real")
      .addColumn("longitude", "real")
      .addColumn("width_m", "real")
      .addColumn("height_m", "real")
      .addColumn("themes_json", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("installed_on", "text")
      .addColumn("unit_id", "text", (c) => c.references("units.id"))
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("installations_status_idx")
      .on("installations")
      .columns(["status", "district"])
      .execute();
    await db.schema
      .createTable("installation_photos")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("installation_id", "text", (c) =>
        c.notNull().references("installations.id").onDelete("cascade"),
      )
      .addColumn("small_file_id", "text", (c) => c.notNull().references("stored_files.id"))
      .addColumn("large_file_id", "text", (c) => c.notNull().references("stored_files.id"))
      .addColumn("width", "integer", (c) => c.notNull())
      .addColumn("height", "integer", (c) => c.notNull())
      .addColumn("file_name", "text", (c) => c.notNull())
      .addColumn("caption", "text")
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("installation_photos_item_idx")
      .on("installation_photos")
      .columns(["installation_id"])
      .execute();

    await db.schema
      .createTable("event_plan_items")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
      .addColumn("product", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("languages_json", "text", (c) => c.notNull())
      .addColumn("unit_id", "text", (c) => c.references("units.id"))
      .addColumn("deadline", "text", (c) => c.notNull())
      .addColumn("task_id", "text", (c) => c.references("tasks.id"))
      .addColumn("done_on", "text")
      .addColumn("note", "text")
      // The deadline the last reminder was sent for: a restart or a retried job never sends it twice.
      .addColumn("reminded_for", "text")
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("event_plan_items_event_idx")
      .on("event_plan_items")
      .columns(["event_id", "deadline"])
      .execute();
    await db.schema
      .createIndex("event_plan_items_task_idx")
      .on("event_plan_items")
      .columns(["task_id"])
      .execute();
    await db.schema
      .createIndex("event_plan_items_deadline_idx")
      .on("event_plan_items")
      .columns(["deadline"])
      .execute();
  },
};
