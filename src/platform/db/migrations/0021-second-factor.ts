/**
 * Second factor: TOTP secrets (encrypted), hashed one-time recovery codes, passkeys (WebAuthn
 * credentials), short-lived single-use challenges, and how each session was signed in.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const secondFactorMigration: AppMigration = {
  name: "0021-second-factor",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("user_totp")
      .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
      .addColumn("secret_enc", "text", (c) => c.notNull())
      .addColumn("confirmed_at", "text")
      .addColumn("last_time_step", "bigint")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("recovery_codes")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("code_hash", "text", (c) => c.notNull())
      .addColumn("used_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("recovery_codes_user_idx")
      .on("recovery_codes")
      .columns(["user_id"])
      .execute();

    await db.schema
      .createTable("passkeys")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("public_key", "text", (c) => c.notNull())
      .addColumn("counter", "bigint", (c) => c.notNull())
      .addColumn("transports", "text", (c) => c.notNull())
      .addColumn("device_type", "text", (c) => c.notNull())
      .addColumn("backed_up", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_used_at", "text")
      .execute();
    await db.schema.createIndex("passkeys_user_idx").on("passkeys").columns(["user_id"]).execute();

    // One row per pending step: a sign-in waiting for its code, a passkey ceremony waiting for the
    // browser's answer. The id is the SHA-256 of the token handed out; consumed rows are kept briefly.
    await db.schema
      .createTable("auth_challenges")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.references("users.id"))
      .addColumn("challenge", "text")
      .addColumn("first_method", "text")
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("used_at", "text")
      .execute();
    await db.schema
      .createIndex("auth_challenges_expiry_idx")
      .on("auth_challenges")
      .columns(["expires_at"])
      .execute();

    // How the session was opened ("password", "password+totp", "passkey", ...); null: before 0021.
    await db.schema.alterTable("sessions").addColumn("auth_method", "text").execute();
  },
};
