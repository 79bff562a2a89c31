/**
 * Sign-in through the city's identity systems (OpenID Connect, LDAP): the identities they vouch for,
 * each linked to an account or waiting for an administrator, and the short-lived single-use state of
 * an OpenID Connect sign-in in progress (state, nonce, PKCE verifier), shared by every process.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const externalIdentitiesMigration: AppMigration = {
  name: "0020-external-identities",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("external_identities")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("provider", "text", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.references("users.id"))
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("email_verified", "integer", (c) => c.notNull())
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("roles", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("last_sign_in_at", "text")
      .addColumn("decided_by", "text")
      .addColumn("decided_at", "text")
      .addUniqueConstraint("external_identities_subject_uq", ["provider", "subject"])
      .execute();
    await db.schema
      .createIndex("external_identities_status_idx")
      .on("external_identities")
      .columns(["status", "created_at"])
      .execute();
    await db.schema
      .createIndex("external_identities_user_idx")
      .on("external_identities")
      .column("user_id")
      .execute();

    await db.schema
      .createTable("oidc_sign_in_states")
      .addColumn("state_hash", "text", (c) => c.primaryKey())
      .addColumn("nonce", "text", (c) => c.notNull())
      .addColumn("code_verifier", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
  },
};
