/** Stored files, work programmes, tasks and their parties, the citation registry and import drafts. */
import { type Kysely, sql } from "kysely";
import type { AppMigration } from "./migration.js";

export const programmesMigration: AppMigration = {
  name: "0002-programmes",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("stored_files")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("sha256", "text", (c) => c.notNull().unique())
      .addColumn("size", "integer", (c) => c.notNull())
      .addColumn("media_type", "text", (c) => c.notNull())
      .addColumn("original_name", "text", (c) => c.notNull())
      .addColumn("storage_path", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .execute();

    await db.schema
      .createTable("programmes")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("system", "text")
      .addColumn("doc_type", "text")
      .addColumn("type_code", "text")
      .addColumn("number", "text")
      .addColumn("issuer", "text")
      .addColumn("parent_issuer", "text")
      .addColumn("identity_key", "text")
      .addColumn("place", "text")
      .addColumn("issued_on", "text")
      .addColumn("title", "text")
      .addColumn("period_start", "text")
      .addColumn("period_end", "text")
      .addColumn("signature_json", "text")
      .addColumn("recipients_json", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("supersedes_id", "text", (c) => c.references("programmes.id"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("source_file_id", "text", (c) => c.references("stored_files.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .execute();
    await db.schema.createIndex("programmes_identity_idx").on("programmes").column("identity_key").execute();
    await db.schema
      .createIndex("programmes_status_idx")
      .on("programmes")
      .columns(["status", "issued_on"])
      .execute();
    // One active version per document: a re-import supersedes, never duplicates.
    await sql`create unique index programmes_active_identity_uq on programmes (identity_key) where status = 'active'`.execute(
      db,
    );

    await db.schema
      .createTable("programme_sections")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
      .addColumn("ref", "text", (c) => c.notNull())
      .addColumn("heading", "text", (c) => c.notNull())
      .addColumn("kind", "text")
      .addColumn("position", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("programme_sections_programme_idx")
      .on("programme_sections")
      .column("programme_id")
      .execute();

    await db.schema
      .createTable("tasks")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
      .addColumn("ref", "text", (c) => c.notNull())
      .addColumn("section_ref", "text", (c) => c.notNull())
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("footnotes_json", "text", (c) => c.notNull())
      .addColumn("products_json", "text", (c) => c.notNull())
      .addColumn("timeframe_text", "text")
      .addColumn("timeframe_kind", "text", (c) => c.notNull())
      .addColumn("start_date", "text")
      .addColumn("end_date", "text")
      .addColumn("milestones_json", "text", (c) => c.notNull())
      .addColumn("plan_ref", "text")
      .addColumn("due_date", "text")
      .addColumn("source_line_start", "integer")
      .addColumn("source_line_end", "integer")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("tasks_programme_idx")
      .on("tasks")
      .columns(["programme_id", "position"])
      .execute();
    await db.schema
      .createIndex("tasks_programme_section_idx")
      .on("tasks")
      .columns(["programme_id", "section_ref"])
      .execute();
    await db.schema
      .createIndex("tasks_programme_timeframe_idx")
      .on("tasks")
      .columns(["programme_id", "timeframe_kind"])
      .execute();
    await db.schema.createIndex("tasks_end_date_idx").on("tasks").column("end_date").execute();

    await db.schema
      .createTable("task_parties")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("folded_name", "text", (c) => c.notNull())
      .addColumn("qualifier", "text")
      .addColumn("person_id", "text", (c) => c.references("people.id"))
      .addColumn("unit_id", "text", (c) => c.references("units.id"))
      .addColumn("position", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("task_parties_task_idx").on("task_parties").column("task_id").execute();
    await db.schema
      .createIndex("task_parties_person_idx")
      .on("task_parties")
      .columns(["person_id", "role"])
      .execute();
    await db.schema
      .createIndex("task_parties_unit_idx")
      .on("task_parties")
      .columns(["unit_id", "role"])
      .execute();
    await db.schema.createIndex("task_parties_name_idx").on("task_parties").column("folded_name").execute();

    await db.schema
      .createTable("citations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("citation_key", "text", (c) => c.notNull().unique())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("number", "text")
      .addColumn("folded_number", "text")
      .addColumn("issued_on", "text")
      .addColumn("issuer", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("citations_number_idx").on("citations").column("folded_number").execute();

    await db.schema
      .createTable("citation_links")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("citation_id", "text", (c) => c.notNull().references("citations.id"))
      .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
      .addColumn("task_id", "text", (c) => c.references("tasks.id"))
      .addColumn("text", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("citation_links_citation_idx")
      .on("citation_links")
      .column("citation_id")
      .execute();
    await db.schema
      .createIndex("citation_links_programme_idx")
      .on("citation_links")
      .column("programme_id")
      .execute();
    await db.schema.createIndex("citation_links_task_idx").on("citation_links").column("task_id").execute();

    await db.schema
      .createTable("import_drafts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("filename", "text", (c) => c.notNull())
      .addColumn("source_type", "text", (c) => c.notNull())
      .addColumn("file_id", "text", (c) => c.notNull().references("stored_files.id"))
      .addColumn("extracted_text", "text", (c) => c.notNull())
      .addColumn("parsed_json", "text", (c) => c.notNull())
      .addColumn("reconciliation_json", "text", (c) => c.notNull())
      .addColumn("decisions_json", "text", (c) => c.notNull())
      .addColumn("warnings_json", "text", (c) => c.notNull())
      .addColumn("existing_programme_id", "text", (c) => c.references("programmes.id"))
      .addColumn("committed_programme_id", "text", (c) => c.references("programmes.id"))
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("import_drafts_status_idx")
      .on("import_drafts")
      .columns(["status", "created_at"])
      .execute();
  },
};
