/**
 * External-affairs registers: delegations (đoàn ra, đoàn vào) and foreign press visits (đoàn phóng viên
 * nước ngoài), with the monitoring items the secretariat confirmed as their coverage. Lists that are only
 * ever read and written whole (itinerary, members, programme…) are JSON text; reporters are rows, so that
 * their personal data can be erased while the anonymous counts stay.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const delegationsPressVisitsMigration: AppMigration = {
  name: "0016-delegations-press-visits",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("delegations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("direction", "text", (c) => c.notNull())
      .addColumn("country_code", "text", (c) => c.notNull())
      .addColumn("partner", "text")
      .addColumn("level", "text")
      .addColumn("head_json", "text", (c) => c.notNull())
      .addColumn("members_json", "text", (c) => c.notNull())
      .addColumn("start_date", "text", (c) => c.notNull())
      .addColumn("end_date", "text", (c) => c.notNull())
      .addColumn("itinerary_json", "text", (c) => c.notNull())
      .addColumn("info_plan_json", "text", (c) => c.notNull())
      .addColumn("responsible_unit_id", "text", (c) => c.references("units.id"))
      .addColumn("auth_number", "text")
      .addColumn("auth_date", "text")
      .addColumn("auth_issuer", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("agreements_json", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("delegations_start_idx").on("delegations").columns(["start_date"]).execute();
    await db.schema
      .createIndex("delegations_status_idx")
      .on("delegations")
      .columns(["status", "start_date"])
      .execute();

    await db.schema
      .createTable("delegation_coverage")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("delegation_id", "text", (c) => c.notNull().references("delegations.id").onDelete("cascade"))
      .addColumn("item_id", "text", (c) => c.notNull().references("monitoring_items.id"))
      .addColumn("decision", "text", (c) => c.notNull())
      .addColumn("decided_by", "text")
      .addColumn("decided_at", "text", (c) => c.notNull())
      .addUniqueConstraint("delegation_coverage_item_uq", ["delegation_id", "item_id"])
      .execute();

    await db.schema
      .createTable("press_visits")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("group_name", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("start_date", "text", (c) => c.notNull())
      .addColumn("end_date", "text", (c) => c.notNull())
      .addColumn("approval_number", "text")
      .addColumn("approval_date", "text")
      .addColumn("approval_authority", "text")
      .addColumn("programme_json", "text", (c) => c.notNull())
      .addColumn("escorts_json", "text", (c) => c.notNull())
      .addColumn("topics_json", "text", (c) => c.notNull())
      .addColumn("materials_json", "text", (c) => c.notNull())
      .addColumn("personal_erased_at", "text")
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("press_visits_start_idx")
      .on("press_visits")
      .columns(["start_date"])
      .execute();
    await db.schema
      .createIndex("press_visits_end_idx")
      .on("press_visits")
      .columns(["end_date", "personal_erased_at"])
      .execute();

    await db.schema
      .createTable("press_reporters")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("visit_id", "text", (c) => c.notNull().references("press_visits.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      // Personal data: null once erased (after the retention period or by an administrator).
      .addColumn("name", "text")
      .addColumn("role", "text")
      .addColumn("outlet", "text", (c) => c.notNull())
      .addColumn("source_id", "text", (c) => c.references("monitoring_sources.id"))
      .addColumn("country_code", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("press_reporters_visit_idx")
      .on("press_reporters")
      .columns(["visit_id"])
      .execute();
    // The list's country filter: visits with a reporter from a country.
    await db.schema
      .createIndex("press_reporters_country_idx")
      .on("press_reporters")
      .columns(["country_code", "visit_id"])
      .execute();

    await db.schema
      .createTable("press_visit_coverage")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("visit_id", "text", (c) => c.notNull().references("press_visits.id").onDelete("cascade"))
      .addColumn("item_id", "text", (c) => c.notNull().references("monitoring_items.id"))
      .addColumn("decision", "text", (c) => c.notNull())
      .addColumn("decided_by", "text")
      .addColumn("decided_at", "text", (c) => c.notNull())
      .addUniqueConstraint("press_visit_coverage_item_uq", ["visit_id", "item_id"])
      .execute();
  },
};
