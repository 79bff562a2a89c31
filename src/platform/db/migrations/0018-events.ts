/** The events calendar: events on the solar or the Vietnamese lunar calendar, and personal ICS subscriptions. */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const eventsMigration: AppMigration = {
  name: "0018-events",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("events")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("location", "text")
      .addColumn("calendar", "text", (c) => c.notNull())
      .addColumn("start_date", "text", (c) => c.notNull())
      .addColumn("end_date", "text", (c) => c.notNull())
      .addColumn("lunar_year", "integer")
      .addColumn("lunar_month", "integer")
      .addColumn("lunar_day", "integer")
      .addColumn("lunar_leap", "integer")
      .addColumn("recurrence", "text", (c) => c.notNull())
      .addColumn("origin_year", "integer")
      .addColumn("unit_id", "text", (c) => c.references("units.id"))
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    // One-off events are found by their days; yearly ones are few and expanded in memory.
    await db.schema.createIndex("events_days_idx").on("events").columns(["start_date", "end_date"]).execute();
    await db.schema
      .createIndex("events_recurrence_idx")
      .on("events")
      .columns(["recurrence", "start_date"])
      .execute();

    await db.schema
      .createTable("calendar_feeds")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("label", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("revoked_at", "text")
      .addColumn("last_used_at", "text")
      .execute();
    await db.schema
      .createIndex("calendar_feeds_user_idx")
      .on("calendar_feeds")
      .columns(["user_id"])
      .execute();
  },
};
