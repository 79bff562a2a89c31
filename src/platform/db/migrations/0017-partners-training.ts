/**
 * Registers of partners and overseas communities (đối tác, cộng đồng người Hải Phòng ở nước ngoài) with their
 * agreements and the history of information exchanged; training courses and entries to the national
 * external-information award (Giải thưởng toàn quốc về thông tin đối ngoại).
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const partnersTrainingMigration: AppMigration = {
  name: "0017-partners-training",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("partners")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("country", "text", (c) => c.notNull())
      .addColumn("name_vi", "text", (c) => c.notNull())
      .addColumn("name_original", "text")
      .addColumn("description", "text")
      .addColumn("since_date", "text")
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("partners_kind_idx").on("partners").columns(["kind", "country"]).execute();

    await db.schema
      .createTable("partner_contacts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("partner_id", "text", (c) => c.notNull().references("partners.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("role", "text")
      .addColumn("email", "text")
      .addColumn("phone", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("partner_contacts_partner_idx")
      .on("partner_contacts")
      .columns(["partner_id"])
      .execute();

    await db.schema
      .createTable("partner_agreements")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("partner_id", "text", (c) => c.notNull().references("partners.id").onDelete("cascade"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("signed_on", "text", (c) => c.notNull())
      .addColumn("expires_on", "text")
      .addColumn("delegation_id", "text")
      .addColumn("note", "text")
      // The expiry date a renewal reminder was sent for: one reminder per expiry, even across restarts.
      .addColumn("reminded_for", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("partner_agreements_partner_idx")
      .on("partner_agreements")
      .columns(["partner_id"])
      .execute();
    await db.schema
      .createIndex("partner_agreements_dates_idx")
      .on("partner_agreements")
      .columns(["signed_on", "expires_on"])
      .execute();

    await db.schema
      .createTable("partner_activities")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("partner_id", "text", (c) => c.notNull().references("partners.id").onDelete("cascade"))
      .addColumn("occurred_on", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("partner_activities_partner_idx")
      .on("partner_activities")
      .columns(["partner_id", "occurred_on"])
      .execute();

    await db.schema
      .createTable("partner_exchanges")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("partner_id", "text", (c) => c.notNull().references("partners.id").onDelete("cascade"))
      .addColumn("exchanged_on", "text", (c) => c.notNull())
      .addColumn("direction", "text", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("file_id", "text", (c) => c.references("stored_files.id"))
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("partner_exchanges_partner_idx")
      .on("partner_exchanges")
      .columns(["partner_id", "exchanged_on"])
      .execute();
    await db.schema
      .createIndex("partner_exchanges_day_idx")
      .on("partner_exchanges")
      .columns(["exchanged_on"])
      .execute();

    await db.schema
      .createTable("training_courses")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("start_date", "text", (c) => c.notNull())
      .addColumn("end_date", "text", (c) => c.notNull())
      .addColumn("location", "text")
      .addColumn("topics", "text", (c) => c.notNull())
      .addColumn("trainers", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("training_courses_days_idx")
      .on("training_courses")
      .columns(["start_date", "end_date"])
      .execute();

    await db.schema
      .createTable("training_participants")
      .addColumn("course_id", "text", (c) =>
        c.notNull().references("training_courses.id").onDelete("cascade"),
      )
      .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
      .addColumn("attended", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("training_participants_pk", ["course_id", "person_id"])
      .execute();

    await db.schema
      .createTable("training_materials")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("course_id", "text", (c) =>
        c.notNull().references("training_courses.id").onDelete("cascade"),
      )
      .addColumn("file_id", "text", (c) => c.notNull().references("stored_files.id"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("training_materials_course_idx")
      .on("training_materials")
      .columns(["course_id"])
      .execute();

    await db.schema
      .createTable("award_entries")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("authors", "text", (c) => c.notNull())
      .addColumn("category", "text", (c) => c.notNull())
      .addColumn("round", "text", (c) => c.notNull())
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("submitted_on", "text")
      .addColumn("result", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("award_entries_year_idx").on("award_entries").columns(["year"]).execute();
  },
};
