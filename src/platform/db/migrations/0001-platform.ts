/** Platform tables: directory, accounts, sessions and the append-only audit journal. */
import { type Kysely, sql } from "kysely";
import type { AppMigration } from "./migration.js";

export const platformMigration: AppMigration = {
  name: "0001-platform",
  async up(db: Kysely<unknown>, dialect) {
    await db.schema
      .createTable("units")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("short_name", "text")
      .addColumn("folded_name", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("parent_id", "text", (c) => c.references("units.id"))
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("units_folded_name_idx").on("units").columns(["folded_name", "id"]).execute();

    await db.schema
      .createTable("unit_names")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("short_name", "text")
      .addColumn("changed_at", "text", (c) => c.notNull())
      .addColumn("changed_by", "text")
      .execute();
    await db.schema.createIndex("unit_names_unit_idx").on("unit_names").column("unit_id").execute();

    await db.schema
      .createTable("people")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("full_name", "text", (c) => c.notNull())
      .addColumn("folded_name", "text", (c) => c.notNull())
      .addColumn("honorific", "text")
      .addColumn("position", "text")
      .addColumn("unit_id", "text", (c) => c.references("units.id"))
      .addColumn("email", "text")
      .addColumn("phone", "text")
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("merged_into_id", "text", (c) => c.references("people.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("people_folded_name_idx")
      .on("people")
      .columns(["folded_name", "id"])
      .execute();
    await db.schema.createIndex("people_unit_idx").on("people").column("unit_id").execute();

    await db.schema
      .createTable("person_names")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
      .addColumn("full_name", "text", (c) => c.notNull())
      .addColumn("changed_at", "text", (c) => c.notNull())
      .addColumn("changed_by", "text")
      .execute();
    await db.schema.createIndex("person_names_person_idx").on("person_names").column("person_id").execute();

    await db.schema
      .createTable("committees")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("short_name", "text")
      .addColumn("unit_id", "text", (c) => c.references("units.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("committee_members")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("committee_id", "text", (c) => c.notNull().references("committees.id"))
      .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("start_date", "text", (c) => c.notNull())
      .addColumn("end_date", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("committee_members_committee_idx")
      .on("committee_members")
      .column("committee_id")
      .execute();
    await db.schema
      .createIndex("committee_members_person_idx")
      .on("committee_members")
      .column("person_id")
      .execute();

    await db.schema
      .createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("roles", "text", (c) => c.notNull())
      .addColumn("person_id", "text", (c) => c.references("people.id"))
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("locked_until", "text")
      .addColumn("password_changed_at", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("sessions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("csrf_token", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_seen_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("ip", "text")
      .addColumn("user_agent", "text")
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

    await db.schema
      .createTable("login_attempts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("ip", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("success", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("login_attempts_ip_at_idx")
      .on("login_attempts")
      .columns(["ip", "at"])
      .execute();
    await db.schema
      .createIndex("login_attempts_email_at_idx")
      .on("login_attempts")
      .columns(["email", "at"])
      .execute();

    await db.schema
      .createTable("audit_log")
      .addColumn("seq", dialect === "postgres" ? "bigserial" : "integer", (c) =>
        dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn("id", "text", (c) => c.notNull().unique())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("actor_id", "text")
      .addColumn("actor_name", "text")
      .addColumn("entity_type", "text", (c) => c.notNull())
      .addColumn("entity_id", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("before_json", "text")
      .addColumn("after_json", "text")
      .addColumn("diff_json", "text", (c) => c.notNull())
      .addColumn("request_id", "text")
      .addColumn("ip", "text")
      .execute();
    await db.schema
      .createIndex("audit_log_entity_idx")
      .on("audit_log")
      .columns(["entity_type", "entity_id"])
      .execute();
    await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
    await db.schema.createIndex("audit_log_actor_idx").on("audit_log").column("actor_id").execute();

    // The journal is append-only: the database itself refuses UPDATE and DELETE.
    if (dialect === "postgres") {
      await sql`
        CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'HD001';
        END $$`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`.execute(db);
    } else {
      await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    }
  },
};
